import type { z } from "zod";

import { AlloraHttpError, getDecoded, type HttpOptions, joinUrl, redactUrls, requestJson, uintSegment } from "@/lib/allora/http";
import { cosmosQueries } from "@/lib/allora/lcd-cosmos";
import { type QueryOptions, seg, type Uint } from "@/lib/allora/lcd-request";
import { stakeQueries } from "@/lib/allora/lcd-stake";
import { forecastsAtBlockResponseSchema, inferencesAtBlockResponseSchema } from "@/lib/allora/schemas/inference";
import { networkLossResponseSchema, reputerLossBundlesResponseSchema } from "@/lib/allora/schemas/loss";
import { networkInferencesResponseSchema } from "@/lib/allora/schemas/network-inference";
import { paramsResponseSchema } from "@/lib/allora/schemas/params";
import { scoreResponseSchema, scoresAtBlockResponseSchema } from "@/lib/allora/schemas/score";
import {
  activeTopicsResponseSchema,
  isTopicActiveResponseSchema,
  nextTopicIdResponseSchema,
  topicExistsResponseSchema,
  topicResponseSchema,
} from "@/lib/allora/schemas/topic";

export type { QueryOptions } from "@/lib/allora/lcd-request";

export type EmissionsVersion = "v9" | "v10";

export interface LcdClientOptions extends HttpOptions {
  baseUrl: string;
  /** "auto" (default) probes v10 then v9 once and caches the answer. */
  emissionsVersion?: EmissionsVersion | "auto";
}

const PROBE_ORDER: readonly EmissionsVersion[] = ["v10", "v9"];

export function createLcdClient(options: LcdClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const pinned = options.emissionsVersion && options.emissionsVersion !== "auto" ? options.emissionsVersion : null;
  let detected: Promise<EmissionsVersion> | null = pinned ? Promise.resolve(pinned) : null;

  function init(query?: QueryOptions): RequestInit {
    const headers: Record<string, string> = { accept: "application/json" };
    if (query?.height !== undefined) headers["x-cosmos-block-height"] = uintSegment(query.height);
    return { headers, signal: query?.signal };
  }

  function get<S extends z.ZodType>(path: string, schema: S, query?: QueryOptions): Promise<z.output<S>> {
    return getDecoded(joinUrl(base, path), schema, init(query), options);
  }

  async function probeVersion(): Promise<EmissionsVersion> {
    for (const version of PROBE_ORDER) {
      try {
        await requestJson(joinUrl(base, `/emissions/${version}/params`), init(), options);
        return version;
      } catch (error) {
        if (error instanceof AlloraHttpError && (error.status === 404 || error.status === 501)) continue;
        throw error;
      }
    }
    throw new Error(`no supported emissions API at ${redactUrls(base)} (tried ${PROBE_ORDER.join(", ")})`);
  }

  function getEmissionsVersion(): Promise<EmissionsVersion> {
    // A failed probe is not cached, so a transient outage does not pin a wrong answer.
    detected ??= probeVersion().catch((error: unknown) => {
      detected = null;
      throw error;
    });
    return detected;
  }

  async function emissions<S extends z.ZodType>(path: string, schema: S, query?: QueryOptions) {
    return get(`/emissions/${await getEmissionsVersion()}${path}`, schema, query);
  }

  return {
    getEmissionsVersion,
    getParams: (q?: QueryOptions) => emissions("/params", paramsResponseSchema, q),
    getNextTopicId: (q?: QueryOptions) => emissions("/next_topic_id", nextTopicIdResponseSchema, q),
    getTopic: (topicId: Uint, q?: QueryOptions) => emissions(`/topics/${uintSegment(topicId)}`, topicResponseSchema, q),
    topicExists: (topicId: Uint, q?: QueryOptions) =>
      emissions(`/topic_exists/${uintSegment(topicId)}`, topicExistsResponseSchema, q),
    isTopicActive: (topicId: Uint, q?: QueryOptions) =>
      emissions(`/is_topic_active/${uintSegment(topicId)}`, isTopicActiveResponseSchema, q),
    getActiveTopicsAtBlock: (height: Uint, q?: QueryOptions) =>
      emissions(`/active_topics_at_block/${uintSegment(height)}`, activeTopicsResponseSchema, q),
    getLatestNetworkInferences: (topicId: Uint, q?: QueryOptions) =>
      emissions(`/latest_network_inferences/${uintSegment(topicId)}`, networkInferencesResponseSchema, q),
    getNetworkInferencesAt: async (topicId: Uint, height: Uint, q?: QueryOptions) => {
      const path = `/network_inferences/${uintSegment(topicId)}/last_inference/${uintSegment(height)}`;
      const result = await emissions(path, networkInferencesResponseSchema, q);
      return { ...result, bundle: { ...result.bundle, nonce: result.bundle.nonce ?? BigInt(uintSegment(height)) } };
    },
    getInferencesAt: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(`/inferences/${uintSegment(topicId)}/${uintSegment(height)}`, inferencesAtBlockResponseSchema, q),
    getForecastsAt: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(`/forecasts/${uintSegment(topicId)}/${uintSegment(height)}`, forecastsAtBlockResponseSchema, q),
    getNetworkLoss: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(`/network_loss/${uintSegment(topicId)}/${uintSegment(height)}`, networkLossResponseSchema, q),
    getReputerLossBundles: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(
        `/reputer_loss_bundles/${uintSegment(topicId)}/${uintSegment(height)}`,
        reputerLossBundlesResponseSchema,
        q,
      ),
    getInfererScoreEma: (topicId: Uint, inferer: string, q?: QueryOptions) =>
      emissions(`/inferer_score_ema/${uintSegment(topicId)}/${seg(inferer)}`, scoreResponseSchema, q),
    getForecasterScoreEma: (topicId: Uint, forecaster: string, q?: QueryOptions) =>
      emissions(`/forecaster_score_ema/${uintSegment(topicId)}/${seg(forecaster)}`, scoreResponseSchema, q),
    getReputerScoreEma: (topicId: Uint, reputer: string, q?: QueryOptions) =>
      emissions(`/reputer_score_ema/${uintSegment(topicId)}/${seg(reputer)}`, scoreResponseSchema, q),
    getInfererScoresAt: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(
        `/worker_inference_scores_at_block/${uintSegment(topicId)}/${uintSegment(height)}`,
        scoresAtBlockResponseSchema,
        q,
      ),
    getForecasterScoresAt: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(
        `/worker_forecast_scores_at_block/${uintSegment(topicId)}/${uintSegment(height)}`,
        scoresAtBlockResponseSchema,
        q,
      ),
    getReputerScoresAt: (topicId: Uint, height: Uint, q?: QueryOptions) =>
      emissions(
        `/reputers_scores_at_block/${uintSegment(topicId)}/${uintSegment(height)}`,
        scoresAtBlockResponseSchema,
        q,
      ),
    ...stakeQueries(emissions),
    ...cosmosQueries(get),
  };
}

export type LcdClient = ReturnType<typeof createLcdClient>;
