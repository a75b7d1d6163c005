import "server-only";
import type { Dec } from "@/lib/allora/decimal";
import { getDb } from "@/lib/db";
import { realizedValidatorApr } from "@/lib/staking/apr";
import { ratioToDec } from "@/lib/staking/amounts";

export type RealizedWindowDto = {
  days: number;
  /** The block before the first summed bucket, and the last summed height: elapsed time is between their block times. */
  fromHeight: string;
  toHeight: string;
  elapsedDays: string;
  /** False when the index holds less history than the window: the figure covers only the indexed part. */
  complete: boolean;
};

export type RealizedAprDto = {
  apr: Dec | null;
  /** Σ rewards and Σ commission of the window (uallo, DecCoin amounts). */
  rewards: Dec;
  commission: Dec;
  meanTokens: string | null;
};

export type RealizedAprs = { window: RealizedWindowDto | null; byValidator: Map<string, RealizedAprDto> };

type SpanRow = { a: string | null; b: string | null; ms: string | null; complete: boolean | null };
type SumRow = { operator: string; rewards: string; commission: string; delegators: string; tokens: string | null };

/**
 * Realized APR per validator over the last `days` of indexed blocks: whole reward buckets after the window's start,
 * the delegators' part (rewards − commission) over the validator's mean tokens in its state reads of that span.
 */
export async function readRealizedAprs(networkId: number, days: number): Promise<RealizedAprs> {
  const { prisma } = await getDb();
  const [span] = await prisma.$queryRaw<SpanRow[]>`
    WITH head AS (SELECT height, time FROM blocks WHERE network_id = ${networkId} ORDER BY height DESC LIMIT 1),
    first AS (SELECT height, time FROM blocks WHERE network_id = ${networkId} ORDER BY height LIMIT 1),
    start AS (SELECT COALESCE((SELECT min(b.height) FROM blocks b, head WHERE b.network_id = ${networkId}
                AND b.time >= head.time - make_interval(days => ${days}::int)), (SELECT height FROM first)) AS s),
    span AS (SELECT min(r.from_height) - 1 AS a, max(r.to_height) AS b FROM validator_rewards r, start
             WHERE r.network_id = ${networkId} AND r.from_height > start.s)
    SELECT span.a::text AS a, span.b::text AS b,
      (SELECT round(extract(epoch FROM (tb.time - ta.time)) * 1000)::text FROM blocks ta, blocks tb
        WHERE ta.network_id = ${networkId} AND ta.height = span.a AND tb.network_id = ${networkId} AND tb.height = span.b) AS ms,
      (SELECT first.time <= head.time - make_interval(days => ${days}::int) FROM first, head) AS complete
    FROM span`;
  if (!span?.a || !span.b || !span.ms) return { window: null, byValidator: new Map() };
  const sums = await prisma.$queryRaw<SumRow[]>`
    SELECT r.operator_address AS operator, sum(r.rewards)::text AS rewards, sum(r.commission)::text AS commission,
      (sum(r.rewards) - sum(r.commission))::text AS delegators,
      (SELECT round(avg(h.tokens))::text FROM validator_history h WHERE h.network_id = ${networkId}
        AND h.operator_address = r.operator_address AND h.block_height BETWEEN ${BigInt(span.a)} AND ${BigInt(span.b)}) AS tokens
    FROM validator_rewards r
    WHERE r.network_id = ${networkId} AND r.from_height > ${BigInt(span.a)} AND r.to_height <= ${BigInt(span.b)}
    GROUP BY r.operator_address`;
  const elapsedMs = BigInt(span.ms);
  const byValidator = new Map(
    sums.map((s): [string, RealizedAprDto] => [
      s.operator,
      {
        apr: s.tokens === null ? null : realizedValidatorApr({ delegatorRewards: s.delegators, meanTokens: BigInt(s.tokens), elapsedMs }),
        rewards: s.rewards, commission: s.commission, meanTokens: s.tokens,
      },
    ]),
  );
  const window = { days, fromHeight: span.a, toHeight: span.b, elapsedDays: ratioToDec(elapsedMs, 86_400_000n, 2) ?? "0", complete: span.complete === true };
  return { window, byValidator };
}

export type UptimeDto = {
  /** 1 − missed_blocks_counter ÷ signed_blocks_window, a fraction. */
  uptime: Dec | null;
  missed: string;
  window: string;
  consensusAddress: string;
  asOfHeight: string;
};

/** Signing info per operator, and whether the index holds any (if not, the node has not served it). */
export async function readUptimes(networkId: number): Promise<{ byValidator: Map<string, UptimeDto>; indexed: boolean }> {
  const { prisma } = await getDb();
  const rows = await prisma.validatorSigningInfo.findMany({ where: { networkId } });
  const byValidator = new Map(
    rows.map((r): [string, UptimeDto] => {
      const missed = r.missedBlocksCounter;
      const window = r.signedBlocksWindow;
      return [r.operatorAddress, {
        uptime: window > 0n ? ratioToDec(window - missed, window, 6) : null,
        missed: missed.toString(), window: window.toString(), consensusAddress: r.consensusAddress, asOfHeight: r.updatedHeight.toString(),
      }];
    }),
  );
  return { byValidator, indexed: rows.length > 0 };
}
