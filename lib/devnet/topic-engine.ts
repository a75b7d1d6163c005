// One topic's epochs, run forward in height order on floats: open (workers submit), close (the
// network inference is synthesized from the current regrets), settle (after the ground-truth lag:
// reputers report losses, scores, EMA scores, regrets and rewards are updated).
import { TOPIC_CONSTANTS, type TopicSpec } from "./config";
import type { TopicActors } from "./actors";
import { consensusLosses, lossesFor, type LossBundle } from "./loss-bundle";
import { generateEpoch } from "./epoch-inputs";
import { log10Safe } from "./losses";
import type { Market, Regime } from "./market";
import { rngFor } from "./prng";
import { floatArith, synthesize, type SynthesisParams, type SynthesisResult } from "./synthesis";
import { allocate } from "./treasury";

export const SYNTH_PARAMS: SynthesisParams = { pNorm: TOPIC_CONSTANTS.pNorm, cNorm: TOPIC_CONSTANTS.cNorm, epsilon: TOPIC_CONSTANTS.epsilon };
const ALPHA = TOPIC_CONSTANTS.alphaRegret;
const EMA = TOPIC_CONSTANTS.emaAlpha;

export interface EvalRec {
  height: number;
  truth: number[];
  reps: number[];
  stakes: bigint[];
  losses: LossBundle;
  infScores: number[];
  fcScores: number[];
  repScores: number[];
  /** Snapshots for all registered actors after this settlement (NaN = none yet). */
  emaInf: Float64Array;
  emaFc: Float64Array;
  emaRep: Float64Array;
  regInf: Float64Array;
  regFc: Float64Array;
  topicReward: bigint;
  rewInf: bigint[];
  rewFc: bigint[];
  rewRep: bigint[];
  /** Part of each reputer reward that went to its delegators (EventDelegateRewardDistributed). */
  rewDelegators: bigint[];
}

export interface EpochRec {
  index: number;
  nonce: number;
  regime: Regime;
  inf: number[];
  fc: number[];
  infValues: number[][];
  fcLosses: number[][];
  truth: number[];
  lossScale: number[];
  closed: boolean;
  infRegrets: number[];
  fcRegrets: number[];
  referenceLoss: number;
  combined: number[];
  naive: number[];
  synth: SynthesisResult<number> | null;
  ev: EvalRec | null;
}

export interface SettleContext {
  reputerStake(topicId: number, reputer: string, h: number): bigint;
  takeReward(topicId: number, h: number): bigint;
  /** Pays a reputer; returns the part that went to its delegators. */
  payReputer(topicId: number, reputer: string, amount: bigint, h: number): bigint;
}

export class TopicEngine {
  readonly epochs: EpochRec[] = [];
  readonly firstNonce: number;
  private readonly reg: { inf: Float64Array; fc: Float64Array };
  private readonly ema: { inf: Float64Array; fc: Float64Array; rep: Float64Array };
  private lastNetLoss = NaN;

  constructor(
    private readonly seed: number,
    readonly spec: TopicSpec,
    readonly actors: TopicActors,
    private readonly market: Market,
  ) {
    this.firstNonce = spec.createdAt + 10;
    const nan = (n: number) => new Float64Array(n).fill(NaN);
    this.reg = { inf: nan(actors.inferers.length), fc: nan(actors.forecasters.length) };
    this.ema = { inf: nan(actors.inferers.length), fc: nan(actors.forecasters.length), rep: nan(actors.reputers.length) };
  }

  nonceOf(index: number): number {
    return this.firstNonce + index * this.spec.epochLength;
  }

  /** Index of the epoch whose nonce is exactly h, or -1. */
  indexAtNonce(h: number): number {
    const d = h - this.firstNonce;
    return d >= 0 && d % this.spec.epochLength === 0 ? d / this.spec.epochLength : -1;
  }

  processHeight(h: number, ctx: SettleContext): void {
    const { workerSubmissionWindow: w, groundTruthLag: lag } = this.spec;
    const open = this.indexAtNonce(h);
    if (open >= 0) this.open(open);
    const close = this.indexAtNonce(h - w);
    if (close >= 0) this.close(this.epochs[close]!);
    const settle = this.indexAtNonce(h - lag - w);
    if (settle >= 0) this.settle(this.epochs[settle]!, h, ctx);
  }

  private open(index: number): void {
    this.epochs[index] = generateEpoch(this.seed, this.spec, this.actors, this.market, index, this.nonceOf(index));
  }

  private initialRegret(arr: Float64Array): number {
    let sum = 0;
    let n = 0;
    for (const r of arr) {
      if (Number.isNaN(r)) continue;
      sum += r;
      n++;
    }
    return n ? sum / n : TOPIC_CONSTANTS.initialRegret;
  }

  /** Inputs of the synthesis as stored on the record (also used to re-derive it on demand). */
  static synthesisOf(rec: EpochRec): SynthesisResult<number> {
    return synthesize(floatArith, { inferers: rec.infValues, infRegrets: rec.infRegrets, fcLosses: rec.fcLosses, fcRegrets: rec.fcRegrets, referenceLoss: rec.referenceLoss }, SYNTH_PARAMS);
  }

  private close(rec: EpochRec): void {
    if (rec.inf.length === 0) return;
    const infInit = this.initialRegret(this.reg.inf);
    const fcInit = this.initialRegret(this.reg.fc);
    rec.infRegrets = rec.inf.map((i) => (Number.isNaN(this.reg.inf[i]!) ? infInit : this.reg.inf[i]!));
    rec.fcRegrets = rec.fc.map((k) => (Number.isNaN(this.reg.fc[k]!) ? fcInit : this.reg.fc[k]!));
    if (Number.isNaN(this.lastNetLoss)) {
      const all = rec.fcLosses.flat().sort((a, b) => a - b);
      rec.referenceLoss = all.length ? all[all.length >> 1]! : 0;
    } else rec.referenceLoss = this.lastNetLoss;
    rec.synth = TopicEngine.synthesisOf(rec);
    rec.combined = rec.synth.combined;
    rec.naive = rec.synth.naive;
    rec.closed = true;
  }

  /** Reputer r's truth: the realized value plus that reputer's own measurement noise. */
  reputerTruth(rec: EpochRec, r: number): number[] {
    const rng = rngFor(this.seed, "reputer-truth", this.spec.id, rec.nonce, r);
    const slop = this.actors.reputers[r]!.sloppiness;
    return rec.truth.map((t, l) => t + 0.1 * slop * rec.lossScale[l]! * rng.normal());
  }

  reputerLosses(rec: EpochRec, synth: SynthesisResult<number>, reps: number[], full = true): LossBundle[] {
    return reps.map((r) => lossesFor(this.spec.lossMethod, synth, rec.infValues, this.reputerTruth(rec, r), rec.lossScale, full));
  }

  participatingReputers(rec: EpochRec, h: number): number[] {
    const rng = rngFor(this.seed, "reputer-part", this.spec.id, rec.nonce);
    const out: number[] = [];
    this.actors.reputers.forEach((p, r) => {
      if (rng.chance(0.96) && p.joinedAt < h) out.push(r);
    });
    return out.length ? out : [0];
  }

  private settle(rec: EpochRec, h: number, ctx: SettleContext): void {
    if (!rec.closed) return;
    const { spec, actors } = this;
    const synth = rec.synth ?? TopicEngine.synthesisOf(rec);
    const reps = this.participatingReputers(rec, h);
    const repLosses = this.reputerLosses(rec, synth, reps, false);
    const stakes = reps.map((r) => ctx.reputerStake(spec.id, actors.reputers[r]!.address, h));
    const stakeF = stakes.map((s) => Number(s / 10n ** 12n) / 1e6 + 1e-9);
    const losses = consensusLosses(repLosses, stakeF);
    const net = log10Safe(losses.combined);
    const infScores = losses.oneOutInf.map((l) => log10Safe(l) - net);
    const fcScores = losses.oneOutFc.map((l) => log10Safe(l) - net);
    const repScores = repLosses.map((b) => {
      const own = [b.combined, b.naive, ...b.inf];
      const cons = [losses.combined, losses.naive, ...losses.inf];
      let d = 0;
      own.forEach((v, i) => (d += Math.abs(log10Safe(v) - log10Safe(cons[i]!))));
      return 1 / (1 + 20 * (d / own.length));
    });
    const bump = (arr: Float64Array, idx: number, s: number) => (arr[idx] = Number.isNaN(arr[idx]!) ? s : EMA * s + (1 - EMA) * arr[idx]!);
    rec.inf.forEach((i, j) => bump(this.ema.inf, i, infScores[j]!));
    rec.fc.forEach((k, j) => bump(this.ema.fc, k, fcScores[j]!));
    reps.forEach((r, j) => bump(this.ema.rep, r, repScores[j]!));
    const infInit = this.initialRegret(this.reg.inf);
    const fcInit = this.initialRegret(this.reg.fc);
    rec.inf.forEach((i, j) => {
      const prev = Number.isNaN(this.reg.inf[i]!) ? infInit : this.reg.inf[i]!;
      this.reg.inf[i] = (1 - ALPHA) * prev + ALPHA * (losses.combined - losses.inf[j]!);
    });
    rec.fc.forEach((k, j) => {
      const prev = Number.isNaN(this.reg.fc[k]!) ? fcInit : this.reg.fc[k]!;
      this.reg.fc[k] = (1 - ALPHA) * prev + ALPHA * (losses.combined - losses.fc[j]!);
    });
    this.lastNetLoss = losses.combined;
    const pool = ctx.takeReward(spec.id, h);
    const workerPool = rec.fc.length ? (pool * 60n) / 100n : pool - (pool * 40n) / 100n;
    const repPool = (pool * 40n) / 100n;
    const infPool = rec.fc.length ? (pool * 40n) / 100n : workerPool;
    const fcPool = pool - repPool - infPool;
    const rewInf = allocate(infPool, softUnits(rec.inf.map((i) => this.ema.inf[i]!)));
    const rewFc = allocate(fcPool, softUnits(rec.fc.map((k) => this.ema.fc[k]!)));
    const rewRep = allocate(repPool, reps.map((r, j) => Math.max(this.ema.rep[r]!, 0) * stakeF[j]!));
    const rewDelegators = reps.map((r, j) => ctx.payReputer(spec.id, actors.reputers[r]!.address, rewRep[j]!, h));
    rec.ev = {
      height: h, truth: rec.truth, reps, stakes, losses, infScores, fcScores, repScores,
      emaInf: this.ema.inf.slice(), emaFc: this.ema.fc.slice(), emaRep: this.ema.rep.slice(),
      regInf: this.reg.inf.slice(), regFc: this.reg.fc.slice(), topicReward: pool, rewInf, rewFc, rewRep, rewDelegators,
    };
    rec.synth = null;
  }
}

/** Reward units from EMA scores: exp of the clamped z-score within the epoch's participants. */
function softUnits(scores: number[]): number[] {
  if (scores.length === 0) return [];
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) * (b - mean), 0) / scores.length);
  return scores.map((s) => Math.exp(2 * Math.max(-3, Math.min(3, (s - mean) / (sd + 1e-12)))));
}
