import { z } from "zod";

import { decSchema, type Dec, heightSchema, uint64Schema } from "@/lib/allora/decimal";

export interface Score {
  topicId: bigint;
  blockHeight: bigint;
  address: string;
  score: Dec;
}

export const scoreSchema = z
  .object({ topic_id: uint64Schema, block_height: heightSchema, address: z.string(), score: decSchema })
  .transform((raw): Score => ({
    topicId: raw.topic_id,
    blockHeight: raw.block_height,
    address: raw.address,
    score: raw.score,
  }));

/** `*_score_ema/{topic}/{actor}` and `current_lowest_*_score/{topic}`: `{score: Score}`. */
export const scoreResponseSchema = z.object({ score: scoreSchema }).transform((raw) => raw.score);

/** `*_scores_at_block/{topic}/{h}`: `{scores: {scores: Score[]}}`. */
export const scoresAtBlockResponseSchema = z
  .object({ scores: z.object({ scores: z.array(scoreSchema).nullish() }).nullish() })
  .transform((raw) => raw.scores?.scores ?? []);

/** `*_scores_until_block/{topic}/{h}`: `{scores: Score[]}` (no inner wrapper). */
export const scoresUntilBlockResponseSchema = z
  .object({ scores: z.array(scoreSchema).nullish() })
  .transform((raw) => raw.scores ?? []);
