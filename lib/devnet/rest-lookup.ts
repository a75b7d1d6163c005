// Lookups shared by the emissions REST handlers: topic resolution, epoch visibility (the chain
// prunes records older than min_epoch_length_record_limit epochs) and the epoch views.
import { CHAIN_PARAMS } from "./config";
import { epochView, submissionView, type EpochView, type SubmissionView } from "./epoch-view";
import { intParam, notFound, type RestContext, type RestReply } from "./rest-common";
import type { EpochRec, TopicEngine } from "./topic-engine";

export function topicEngine(ctx: RestContext, name = "topic_id"): TopicEngine | RestReply {
  const id = intParam(ctx, name);
  if (typeof id !== "number") return id;
  const e = ctx.sim.engine(id);
  if (!e || !ctx.sim.topicCreated(id, ctx.h)) return notFound(`topic ${id} not found: not found`);
  return e;
}

export const isEngine = (x: TopicEngine | RestReply): x is TopicEngine => "spec" in x;

const pruneHeight = (e: TopicEngine, rec: EpochRec) =>
  rec.nonce + e.spec.groundTruthLag + e.spec.workerSubmissionWindow + CHAIN_PARAMS.minEpochLengthRecordLimit * e.spec.epochLength;

/** The epoch at a worker nonce, if its inferences are stored at height h. */
export function storedEpoch(e: TopicEngine, nonce: number, h: number): EpochRec | undefined {
  const idx = e.indexAtNonce(nonce);
  const rec = idx >= 0 ? e.epochs[idx] : undefined;
  if (!rec || rec.nonce >= h || h >= pruneHeight(e, rec)) return undefined;
  return rec;
}

/** The epoch at a reputer nonce (= worker nonce), if its losses are settled and stored at h. */
export function settledEpoch(e: TopicEngine, nonce: number, h: number): EpochRec | undefined {
  const rec = storedEpoch(e, nonce, h);
  if (!rec?.ev || rec.ev.height > h) return undefined;
  return rec;
}

export function closedEpoch(e: TopicEngine, nonce: number, h: number): EpochRec | undefined {
  const rec = storedEpoch(e, nonce, h);
  return rec?.closed && rec.nonce + e.spec.workerSubmissionWindow <= h ? rec : undefined;
}

/** The full view of a closed epoch (from closedEpoch, settledEpoch or latestClosed). */
export function viewOf(ctx: RestContext, e: TopicEngine, rec: EpochRec): EpochView {
  return epochView(ctx.sim, e.spec.id, rec);
}

/** The submissions of a stored epoch, which may still be in its worker window (from storedEpoch). */
export function submissionsOf(ctx: RestContext, e: TopicEngine, rec: EpochRec): SubmissionView {
  return submissionView(ctx.sim, e.spec.id, rec);
}

/** Worker nonces whose submission window is open at h. */
export function openNonces(e: TopicEngine, h: number): number[] {
  const { epochLength: len, workerSubmissionWindow: w } = e.spec;
  if (h < e.firstNonce) return [];
  const n = e.firstNonce + Math.floor((h - e.firstNonce) / len) * len;
  return h < n + w ? [n] : [];
}

/** Nonces closed but not yet settled at h: the reputer nonces still waiting for their losses. */
export function unsettledNonces(e: TopicEngine, h: number): number[] {
  const { epochLength: len, workerSubmissionWindow: w, groundTruthLag: lag } = e.spec;
  const out: number[] = [];
  const last = Math.floor((h - w - e.firstNonce) / len);
  for (let i = Math.max(0, last); i >= 0; i--) {
    const n = e.nonceOf(i);
    if (n + w > h) continue;
    if (n + lag + w <= h) break;
    out.push(n);
  }
  return out.reverse();
}
