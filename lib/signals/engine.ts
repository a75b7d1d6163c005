// The signal engine: from the network's prediction at each epoch to an expected return, a confidence, a direction
// and a size. No look-ahead: the signal at an epoch uses that epoch's prediction and only the outcomes of earlier
// epochs whose horizon had already passed (realizedAt ≤ t); nothing later can change it.
import { empiricalBands } from "@/lib/forecast/bands";

export type TopicKind = "price" | "log-return";

export type SignalEpoch = {
  /** Publish height: the block that carried the network inference. */
  height: number;
  /** Publish time, ms. Rows sorted by t. */
  t: number;
  /** Expected return over the horizon as a fraction (0.01 = +1 %); null when the inputs are missing. */
  expectedReturn: number | null;
  /** The asset's realized return over the same horizon; usable only from realizedAt on. */
  realizedReturn: number | null;
  /** t + horizon, ms. */
  realizedAt: number;
  /** Size multiplier in (0, 1] from a volatility topic's forecast known at t; it never sets direction. */
  volScale?: number | null;
};

/** Predicted price against the price at publish time, or the predicted log-return as a simple return. */
export function expectedReturnOf(kind: TopicKind, predicted: number | null, reference: number | null): number | null {
  if (predicted === null || !Number.isFinite(predicted)) return null;
  if (kind === "log-return") return Math.expm1(predicted);
  if (reference === null || !(reference > 0)) return null;
  return predicted / reference - 1;
}

/** Scale exposure down when the volatility forecast exceeds the target (never up, never below a tenth). */
export function volatilityScale(predictedVol: number | null, targetVol: number): number | null {
  if (predictedVol === null || !Number.isFinite(predictedVol) || predictedVol <= 0) return null;
  return Math.max(0.1, Math.min(1, targetVol / predictedVol));
}

export type ConfidenceOptions = {
  /** Residuals (realized − expected return) forming the band. */
  bandWindow?: number;
  /** Latest known outcomes forming the recent hit rate. */
  accuracyWindow?: number;
  /** Fewer known outcomes than this: no confidence yet (warming up). */
  minSamples?: number;
};

export type PreparedEpoch = {
  height: number;
  t: number;
  expectedReturn: number | null;
  /** Half-width of the 68 % band of the expected return, as a fraction; null while warming up. */
  band68: number | null;
  /** Share of the latest known outcomes whose sign the expected return got right; null while warming up. */
  recentHitRate: number | null;
  /** min(1, |expected| / band68) × recent hit rate, in [0, 1]; null while warming up. */
  confidence: number | null;
  volScale: number | null;
};

export const DEFAULT_CONFIDENCE: Required<ConfidenceOptions> = { bandWindow: 200, accuracyWindow: 50, minSamples: 20 };

/** The parameter-free part of the engine (bands, recent accuracy, confidence), computed once per series. */
export function prepareEpochs(epochs: readonly SignalEpoch[], options: ConfidenceOptions = {}): PreparedEpoch[] {
  const { bandWindow, accuracyWindow, minSamples } = { ...DEFAULT_CONFIDENCE, ...options };
  const bands = empiricalBands(
    epochs.map((e) => ({ t: e.t, prediction: e.expectedReturn, realized: e.realizedReturn, realizedAt: e.realizedAt })),
    { window: bandWindow, minSamples },
  );
  // Outcomes enter the hit window in the order they became known, each only once its horizon has passed.
  const outcomes = epochs
    .filter((e) => e.expectedReturn !== null && e.realizedReturn !== null && e.expectedReturn !== 0 && e.realizedReturn !== 0)
    .map((e) => ({ at: e.realizedAt, hit: Math.sign(e.expectedReturn!) === Math.sign(e.realizedReturn!) ? 1 : 0 }))
    .sort((a, b) => a.at - b.at);
  const window: number[] = [];
  let hits = 0;
  let next = 0;
  return epochs.map((e, i) => {
    while (next < outcomes.length && outcomes[next]!.at <= e.t) {
      const o = outcomes[next++]!;
      window.push(o.hit);
      hits += o.hit;
      if (window.length > accuracyWindow) hits -= window.shift()!;
    }
    const band = bands[i] ?? null;
    const band68 = band ? (band.hi68 - band.lo68) / 2 : null;
    const recentHitRate = window.length >= minSamples ? hits / window.length : null;
    let confidence: number | null = null;
    if (e.expectedReturn !== null && band68 !== null && recentHitRate !== null)
      confidence = (band68 > 0 ? Math.min(1, Math.abs(e.expectedReturn) / band68) : 1) * recentHitRate;
    return { height: e.height, t: e.t, expectedReturn: e.expectedReturn, band68, recentHitRate, confidence, volScale: e.volScale ?? null };
  });
}
