// Display of signal figures. Missing is "—", never 0; these are statistics of floats, not token amounts.
export const dash = "—";

export function fmtPct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? dash : `${(x * 100).toFixed(digits)}%`;
}

export function fmtNum(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? dash : x.toFixed(digits);
}

/** A decimal string in basis points → "+12.3 bps". */
export function fmtBps(value: string | number | null): string {
  if (value === null) return dash;
  const n = Number(value);
  return Number.isFinite(n) ? `${n > 0 ? "+" : ""}${n.toFixed(1)} bps` : dash;
}

export const strategyLabel: Record<string, string> = { threshold: "Threshold", "confidence-scaled": "Confidence-scaled" };
