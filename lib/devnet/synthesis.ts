// Inference synthesis in the spirit of Allora's design: regrets are normalized by their standard
// deviation across the participating set, mapped to weights with the potential's gradient
// φ'(x) = p / (exp(p·(c − x)) + 1), and values are weight-averaged. The same code runs on floats
// (the fast-forward dynamics) and on decimal.js values (what the REST and events serve), so the
// served combined value is exactly Σ wᵢ·vᵢ / Σ wᵢ of the served inputs.
import { Dec, type DecValue } from "./dec";

export interface Arith<T> {
  of(x: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
}

export const floatArith: Arith<number> = {
  of: (x) => x,
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
};

export const decArith: Arith<DecValue> = {
  of: (x) => new Dec(x),
  add: (a, b) => a.plus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
};

export interface SynthesisParams {
  pNorm: number;
  cNorm: number;
  epsilon: number;
}

export function gradient(p: number, c: number, x: number): number {
  return p / (Math.exp(p * (c - x)) + 1);
}

/** Population standard deviation, as the chain's StdDev. */
export function stdDev(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return Math.sqrt(ss / xs.length);
}

/** Raw (unnormalized) weights for a set of regrets. */
export function regretWeights(regrets: readonly number[], sp: SynthesisParams): number[] {
  const sigma = stdDev(regrets) + sp.epsilon;
  return regrets.map((r) => gradient(sp.pNorm, sp.cNorm, r / sigma));
}

function floatAverage(values: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const labels = values[0]?.length ?? 0;
  let total = 0;
  for (const w of weights) total += w;
  const out = new Array<number>(labels);
  for (let l = 0; l < labels; l++) {
    let acc = 0;
    for (let i = 0; i < values.length; i++) acc += weights[i]! * values[i]![l]!;
    out[l] = acc / total;
  }
  return out;
}

export function weightedAverage<T>(ar: Arith<T>, values: readonly (readonly T[])[], weights: readonly number[]): T[] {
  if (ar === (floatArith as unknown as Arith<T>)) return floatAverage(values as unknown as number[][], weights) as unknown as T[];
  const labels = values[0]?.length ?? 0;
  const ws = weights.map((w) => ar.of(w));
  let total = ar.of(0);
  for (const w of ws) total = ar.add(total, w);
  const out: T[] = [];
  for (let l = 0; l < labels; l++) {
    let acc = ar.of(0);
    for (let i = 0; i < values.length; i++) acc = ar.add(acc, ar.mul(ws[i]!, values[i]![l]!));
    out.push(ar.div(acc, total));
  }
  return out;
}

export interface SynthesisInput<T> {
  /** Values of the submitting inferers, one array of label values each. */
  inferers: T[][];
  infRegrets: number[];
  /** Forecasted losses [forecaster][inferer] for the submitting inferers. */
  fcLosses: number[][];
  fcRegrets: number[];
  /** Latest network loss the forecasters compare against. */
  referenceLoss: number;
}

export interface SynthesisResult<T> {
  forecastImplied: T[][];
  combined: T[];
  naive: T[];
  oneOutInferer: T[][];
  oneOutForecaster: T[][];
  oneInForecaster: T[][];
  /** [forecaster][withheld inferer] forecast-implied values. */
  oneOutInfererForecaster: T[][][];
  /** Raw weights of the combined value: inferers then forecasters. */
  infWeights: number[];
  fcWeights: number[];
}

function forecastImplied<T>(ar: Arith<T>, input: SynthesisInput<T>, k: number, skip: number, sp: SynthesisParams): T[] {
  const values: T[][] = [];
  const regrets: number[] = [];
  const losses = input.fcLosses[k]!;
  for (let i = 0; i < input.inferers.length; i++) {
    if (i === skip) continue;
    values.push(input.inferers[i]!);
    regrets.push(input.referenceLoss - losses[i]!);
  }
  return weightedAverage(ar, values, regretWeights(regrets, sp));
}

function combine<T>(ar: Arith<T>, values: T[][], regrets: number[], sp: SynthesisParams): T[] {
  return weightedAverage(ar, values, regretWeights(regrets, sp));
}

/** One regret per inferer and per forecaster, one forecast element per inferer: the synthesis weights values by position. */
function assertAligned<T>(input: SynthesisInput<T>): void {
  const n = input.inferers.length;
  const f = input.fcLosses.length;
  const badRow = input.fcLosses.findIndex((row) => row.length !== n);
  if (input.infRegrets.length !== n || input.fcRegrets.length !== f || badRow >= 0) {
    const row = badRow >= 0 ? `, forecaster ${badRow} has ${input.fcLosses[badRow]!.length} elements` : "";
    throw new Error(`synthesis inputs do not line up: ${n} inferers with ${input.infRegrets.length} regrets, ${f} forecasters with ${input.fcRegrets.length} regrets${row}`);
  }
}

export function synthesize<T>(ar: Arith<T>, input: SynthesisInput<T>, sp: SynthesisParams): SynthesisResult<T> {
  assertAligned(input);
  const n = input.inferers.length;
  const f = input.fcLosses.length;
  const fi = input.fcLosses.map((_, k) => forecastImplied(ar, input, k, -1, sp));
  const allValues = [...input.inferers, ...fi];
  const allRegrets = [...input.infRegrets, ...input.fcRegrets];
  const weights = regretWeights(allRegrets, sp);
  const combined = weightedAverage(ar, allValues, weights);
  const naive = combine(ar, input.inferers, input.infRegrets, sp);
  const oneOutInfererForecaster = input.fcLosses.map((_, k) => input.inferers.map((__, j) => (n > 1 ? forecastImplied(ar, input, k, j, sp) : fi[k]!)));
  const oneOutInferer = input.inferers.map((_, j) => {
    const values: T[][] = [];
    const regrets: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i === j) continue;
      values.push(input.inferers[i]!);
      regrets.push(input.infRegrets[i]!);
    }
    for (let k = 0; k < f; k++) {
      values.push(oneOutInfererForecaster[k]![j]!);
      regrets.push(input.fcRegrets[k]!);
    }
    return values.length > 0 ? combine(ar, values, regrets, sp) : combined;
  });
  const oneOutForecaster = fi.map((_, k) => {
    const keep = allValues.filter((__, idx) => idx !== n + k);
    const regrets = allRegrets.filter((__, idx) => idx !== n + k);
    return combine(ar, keep, regrets, sp);
  });
  const oneInForecaster = fi.map((v, k) => combine(ar, [...input.inferers, v], [...input.infRegrets, input.fcRegrets[k]!], sp));
  return {
    forecastImplied: fi,
    combined,
    naive,
    oneOutInferer,
    oneOutForecaster,
    oneInForecaster,
    oneOutInfererForecaster,
    infWeights: weights.slice(0, n),
    fcWeights: weights.slice(n),
  };
}
