// Loss bundles: the losses a reputer reports for every value of a network-inference bundle, and
// the stake-weighted consensus of those reports (the network loss).
import type { LossMethod } from "./config";
import { lossOf } from "./losses";
import type { SynthesisResult } from "./synthesis";

export interface LossBundle {
  combined: number;
  naive: number;
  inf: number[];
  fc: number[];
  oneOutInf: number[];
  oneOutFc: number[];
  oneInFc: number[];
  /** [forecaster][withheld inferer] */
  oneOutInfFc: number[][];
}

/** `full` = false skips the one-out-inferer-forecaster losses, which only the served bundles need. */
export function lossesFor(method: LossMethod, synth: SynthesisResult<number>, infValues: number[][], truth: number[], scale: number[], full = true): LossBundle {
  const L = (v: number[]) => lossOf(method, v, truth, scale);
  return {
    combined: L(synth.combined),
    naive: L(synth.naive),
    inf: infValues.map(L),
    fc: synth.forecastImplied.map(L),
    oneOutInf: synth.oneOutInferer.map(L),
    oneOutFc: synth.oneOutForecaster.map(L),
    oneInFc: synth.oneInForecaster.map(L),
    oneOutInfFc: full ? synth.oneOutInfererForecaster.map((row) => row.map(L)) : [],
  };
}

export function consensusLosses(bundles: LossBundle[], stakes: number[]): LossBundle {
  const total = stakes.reduce((a, b) => a + b, 0);
  const w = stakes.map((s) => s / total);
  const scalar = (pick: (b: LossBundle) => number) => bundles.reduce((acc, b, r) => acc + w[r]! * pick(b), 0);
  const vector = (pick: (b: LossBundle) => number[]) => {
    const first = bundles[0] ? pick(bundles[0]) : [];
    const out = new Array<number>(first.length).fill(0);
    bundles.forEach((b, r) => {
      const row = pick(b);
      for (let i = 0; i < out.length; i++) out[i] = out[i]! + w[r]! * row[i]!;
    });
    return out;
  };
  const f = bundles[0]?.oneOutInfFc.length ?? 0;
  return {
    combined: scalar((b) => b.combined),
    naive: scalar((b) => b.naive),
    inf: vector((b) => b.inf),
    fc: vector((b) => b.fc),
    oneOutInf: vector((b) => b.oneOutInf),
    oneOutFc: vector((b) => b.oneOutFc),
    oneInFc: vector((b) => b.oneInFc),
    oneOutInfFc: Array.from({ length: f }, (_, k) => vector((b) => b.oneOutInfFc[k]!)),
  };
}
