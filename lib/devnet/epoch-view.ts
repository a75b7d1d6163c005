// The served form of one epoch: what workers submitted (float text), what the chain computed
// (34 significant digits, exactly Σ w·v / Σ w of the served inputs: chain-decimals) and, once settled,
// the reputers' reports and the stake-weighted network losses. Built on demand and cached.
// The submissions exist from the nonce on; the network inference only from the close (that is when
// the regrets it weights by are read), so an epoch still in its worker window has only a
// SubmissionView.
import { chainDecimals, type ChainDecimals } from "./chain-decimals";
import { fmtFloat } from "./dec";
import type { LossBundle } from "./loss-bundle";
import type { Simulation } from "./simulation";
import { TopicEngine, type EpochRec } from "./topic-engine";

export interface LossStrings {
  combined: string;
  naive: string;
  inf: string[];
  fc: string[];
  oneOutInf: string[];
  oneOutFc: string[];
  oneInFc: string[];
  oneOutInfFc: string[][];
}

export interface SettlementView {
  height: number;
  truth: string[];
  stakes: string[];
  network: LossStrings;
  infScores: string[];
  fcScores: string[];
  repScores: string[];
  emaInf: string[];
  emaFc: string[];
  emaRep: string[];
  regInf: string[];
  regFc: string[];
  topicReward: string;
  rewInf: string[];
  rewFc: string[];
  rewRep: string[];
}

/** What the workers submitted for an epoch: known from its nonce on, open or closed. */
export interface SubmissionView {
  topicId: number;
  nonce: number;
  closeHeight: number;
  labels: string[];
  inferers: string[];
  forecasters: string[];
  infValues: string[][];
  fcElements: string[][];
}

/** A closed epoch: its submissions plus the network inference synthesized at the close. */
export interface EpochView extends SubmissionView, Omit<ChainDecimals, "network"> {
  infRegrets: string[];
  fcRegrets: string[];
  /** Reputers that report on this nonce (at nonce + ground_truth_lag) and their loss reports. */
  reputers: string[];
  reports: LossStrings[];
  settlement: SettlementView | null;
}

const cache = new WeakMap<Simulation, Map<string, EpochView>>();
// Large enough to span the longest ground-truth lag (8 h: ~100 epochs of each of 7 topics): an epoch is served at its
// close, again in its reputer window and at its settlement, and recomputing its decimals each time was the top cost.
const CACHE_SIZE = 1500;

const lossStrings = (b: LossBundle): LossStrings => ({
  combined: fmtFloat(b.combined),
  naive: fmtFloat(b.naive),
  inf: b.inf.map(fmtFloat),
  fc: b.fc.map(fmtFloat),
  oneOutInf: b.oneOutInf.map(fmtFloat),
  oneOutFc: b.oneOutFc.map(fmtFloat),
  oneInFc: b.oneInFc.map(fmtFloat),
  oneOutInfFc: b.oneOutInfFc.map((r) => r.map(fmtFloat)),
});

function settlementView(rec: EpochRec, network: LossStrings | null): SettlementView | null {
  const ev = rec.ev;
  if (!ev || !network) return null;
  const pick = (arr: Float64Array, idx: number[]) => idx.map((i) => fmtFloat(arr[i]!));
  return {
    height: ev.height,
    truth: ev.truth.map(fmtFloat),
    stakes: ev.stakes.map(String),
    network,
    infScores: ev.infScores.map(fmtFloat),
    fcScores: ev.fcScores.map(fmtFloat),
    repScores: ev.repScores.map(fmtFloat),
    emaInf: pick(ev.emaInf, rec.inf),
    emaFc: pick(ev.emaFc, rec.fc),
    emaRep: pick(ev.emaRep, ev.reps),
    regInf: pick(ev.regInf, rec.inf),
    regFc: pick(ev.regFc, rec.fc),
    topicReward: ev.topicReward.toString(),
    rewInf: ev.rewInf.map(String),
    rewFc: ev.rewFc.map(String),
    rewRep: ev.rewRep.map(String),
  };
}

// A record's submissions never change once generated, and every block of its worker window asks for them.
const submissions = new WeakMap<EpochRec, SubmissionView>();

export function submissionView(sim: Simulation, topicId: number, rec: EpochRec): SubmissionView {
  let view = submissions.get(rec);
  if (!view) submissions.set(rec, (view = buildSubmissionView(sim, topicId, rec)));
  return view;
}

function buildSubmissionView(sim: Simulation, topicId: number, rec: EpochRec): SubmissionView {
  const engine = sim.engine(topicId)!;
  const { inferers, forecasters } = engine.actors;
  return {
    topicId,
    nonce: rec.nonce,
    closeHeight: rec.nonce + engine.spec.workerSubmissionWindow,
    labels: engine.spec.labels.map((l) => l.name),
    inferers: rec.inf.map((i) => inferers[i]!.address),
    forecasters: rec.fc.map((k) => forecasters[k]!.address),
    infValues: rec.infValues.map((v) => v.map(fmtFloat)),
    fcElements: rec.fcLosses.map((row) => row.map(fmtFloat)),
  };
}

/** The full view of a closed epoch (the regrets and the network inference are fixed at the close). */
export function epochView(sim: Simulation, topicId: number, rec: EpochRec): EpochView {
  if (!rec.closed) throw new Error(`topic ${topicId} epoch ${rec.nonce} has not closed: it has submissions but no network inference yet`);
  let map = cache.get(sim);
  if (!map) cache.set(sim, (map = new Map()));
  const key = `${topicId}:${rec.nonce}:${rec.ev ? 1 : 0}`;
  const hit = map.get(key);
  if (hit) return hit;
  const engine = sim.engine(topicId)!;
  const synth = TopicEngine.synthesisOf(rec);
  const spec = engine.spec;
  const reps = engine.participatingReputers(rec, rec.nonce + spec.groundTruthLag + spec.workerSubmissionWindow);
  const reports = engine.reputerLosses(rec, synth, reps).map(lossStrings);
  const { network, ...computed } = chainDecimals(rec, reports);
  const view: EpochView = {
    ...submissionView(sim, topicId, rec),
    ...computed,
    infRegrets: rec.infRegrets.map(fmtFloat),
    fcRegrets: rec.fcRegrets.map(fmtFloat),
    reputers: reps.map((r) => engine.actors.reputers[r]!.address),
    reports,
    settlement: settlementView(rec, network),
  };
  if (map.size >= CACHE_SIZE) map.delete(map.keys().next().value as string);
  map.set(key, view);
  return view;
}
