// Named strategies: how a prepared epoch becomes a direction and a size. Both read only the epoch itself, so they
// inherit the engine's no-look-ahead guarantee.
import type { PreparedEpoch } from "./engine";

export const STRATEGIES = ["threshold", "confidence-scaled"] as const;
export type StrategyName = (typeof STRATEGIES)[number];
export type Direction = "long" | "short" | "flat";

export type StrategyParams = {
  strategy: StrategyName;
  /** |expected return| needed to take a position, in basis points. */
  thresholdBps: number;
  /** confidence-scaled only: below this confidence the signal stays flat. */
  minConfidence: number;
  allowShort: boolean;
};

export const DEFAULT_PARAMS: StrategyParams = { strategy: "threshold", thresholdBps: 10, minConfidence: 0.3, allowShort: true };

export const STRATEGY_LABELS: Record<StrategyName, string> = {
  threshold: "Threshold: full size when the expected move clears the threshold",
  "confidence-scaled": "Confidence-scaled: size = confidence, flat below the minimum confidence",
};

export type Signal = {
  height: number;
  t: number;
  direction: Direction;
  /** Fraction of equity, 0..1 (0 when flat). */
  size: number;
  /** |expected return| in basis points; null when the inputs are missing. */
  strengthBps: number | null;
  expectedReturnBps: number | null;
  confidence: number | null;
};

function directionOf(expected: number | null, p: StrategyParams): Direction {
  if (expected === null) return "flat";
  const bps = expected * 10_000;
  if (bps >= p.thresholdBps && bps > 0) return "long";
  if (bps <= -p.thresholdBps && bps < 0) return p.allowShort ? "short" : "flat";
  return "flat";
}

export function decide(e: PreparedEpoch, p: StrategyParams): Signal {
  let direction = directionOf(e.expectedReturn, p);
  let size = direction === "flat" ? 0 : 1;
  if (p.strategy === "confidence-scaled") {
    if (e.confidence === null || e.confidence < p.minConfidence) direction = "flat";
    size = direction === "flat" ? 0 : e.confidence!;
  }
  // A volatility forecast only scales the size of a position the price forecast already chose.
  if (direction !== "flat" && e.volScale !== null) size *= e.volScale;
  const expectedReturnBps = e.expectedReturn === null ? null : e.expectedReturn * 10_000;
  return {
    height: e.height,
    t: e.t,
    direction,
    size,
    strengthBps: expectedReturnBps === null ? null : Math.abs(expectedReturnBps),
    expectedReturnBps,
    confidence: e.confidence,
  };
}

export function decideAll(epochs: readonly PreparedEpoch[], p: StrategyParams): Signal[] {
  return epochs.map((e) => decide(e, p));
}

/** Signed exposure of a signal: +size long, −size short, 0 flat. */
export function positionOf(s: Pick<Signal, "direction" | "size">): number {
  return s.direction === "long" ? s.size : s.direction === "short" ? -s.size : 0;
}

/** Signed exposure per epoch straight into a column, for the backtest (no Signal object per epoch). */
export function positionsOf(epochs: readonly PreparedEpoch[], p: StrategyParams): Float64Array {
  const out = new Float64Array(epochs.length);
  for (let i = 0; i < epochs.length; i++) out[i] = positionOf(decide(epochs[i]!, p));
  return out;
}

/** The strategies the live ledger publishes, each with its default parameters. */
export const LEDGER_STRATEGIES: readonly StrategyParams[] = [
  { ...DEFAULT_PARAMS, strategy: "threshold" },
  { ...DEFAULT_PARAMS, strategy: "confidence-scaled" },
];
