// What the chain computes in decimals for one closed epoch: the synthesized network inference (34 significant
// digits of Σ w·v / Σ w), the normalized weights and, once settled, the stake-weighted network losses. Computed with
// the BigInt arithmetic of exact-dec, or with decimal.js for the rare epoch holding a value it cannot represent
// (NaN): both give the same digits.
import { decArith, synthesize, type Arith } from "./synthesis";
import { Dec, fmtComputed, type DecValue } from "./dec";
import { exactArith, exactOfText, exactPrecision34, type Exact } from "./exact-dec";
import { SYNTH_PARAMS, type EpochRec } from "./topic-engine";
import type { LossStrings } from "./epoch-view";

type Ops<T> = Arith<T> & { text(s: string): T; fmt(v: T): string };
const decOps: Ops<DecValue> = { ...decArith, text: (s) => new Dec(s), fmt: fmtComputed };
const exactOps: Ops<Exact> = { ...exactArith, text: exactOfText, fmt: exactPrecision34 };

export interface ChainDecimals {
  forecastImplied: string[][];
  combined: string[];
  naive: string[];
  oneOutInf: string[][];
  oneOutFc: string[][];
  oneInFc: string[][];
  oneOutInfFc: string[][][];
  infWeights: string[];
  fcWeights: string[];
  /** Stake-weighted network losses; null until the epoch is settled. */
  network: LossStrings | null;
}

/** Stake-weighted mean of the reported losses, in exact decimal arithmetic over the served text. */
function networkLoss<T>(ops: Ops<T>, reports: LossStrings[], stakes: bigint[]): LossStrings {
  const total = ops.text(stakes.reduce((a, b) => a + b, 0n).toString());
  const w = stakes.map((s) => ops.div(ops.text(s.toString()), total));
  const mean = (pick: (r: LossStrings) => string) => {
    let acc = ops.of(0);
    reports.forEach((r, i) => (acc = ops.add(acc, ops.mul(w[i]!, ops.text(pick(r))))));
    return ops.fmt(acc);
  };
  const first = reports[0]!;
  const vec = (pick: (r: LossStrings) => string[]) => pick(first).map((_, i) => mean((r) => pick(r)[i]!));
  return {
    combined: mean((r) => r.combined),
    naive: mean((r) => r.naive),
    inf: vec((r) => r.inf),
    fc: vec((r) => r.fc),
    oneOutInf: vec((r) => r.oneOutInf),
    oneOutFc: vec((r) => r.oneOutFc),
    oneInFc: vec((r) => r.oneInFc),
    oneOutInfFc: first.oneOutInfFc.map((row, k) => row.map((_, i) => mean((r) => r.oneOutInfFc[k]![i]!))),
  };
}

function normalized<T>(ops: Ops<T>, weights: number[], all: number[]): string[] {
  let total = ops.of(0);
  for (const w of all) total = ops.add(total, ops.of(w));
  return weights.map((w) => ops.fmt(ops.div(ops.of(w), total)));
}

function compute<T>(ops: Ops<T>, rec: EpochRec, reports: LossStrings[]): ChainDecimals {
  const input = { inferers: rec.infValues.map((v) => v.map((x) => ops.of(x))), infRegrets: rec.infRegrets, fcLosses: rec.fcLosses, fcRegrets: rec.fcRegrets, referenceLoss: rec.referenceLoss };
  const dec = synthesize(ops, input, SYNTH_PARAMS);
  const fmt = (v: T[]) => v.map(ops.fmt);
  const allWeights = [...dec.infWeights, ...dec.fcWeights];
  return {
    forecastImplied: dec.forecastImplied.map(fmt),
    combined: fmt(dec.combined),
    naive: fmt(dec.naive),
    oneOutInf: dec.oneOutInferer.map(fmt),
    oneOutFc: dec.oneOutForecaster.map(fmt),
    oneInFc: dec.oneInForecaster.map(fmt),
    oneOutInfFc: dec.oneOutInfererForecaster.map((row) => row.map(fmt)),
    infWeights: normalized(ops, dec.infWeights, allWeights),
    fcWeights: normalized(ops, dec.fcWeights, allWeights),
    network: rec.ev ? networkLoss(ops, reports, rec.ev.stakes) : null,
  };
}

export function chainDecimals(rec: EpochRec, reports: LossStrings[]): ChainDecimals {
  try {
    return compute(exactOps, rec, reports);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return compute(decOps, rec, reports);
  }
}
