// The topic page's time window, read from the URL: ?range=1d|7d|30d|all, or ?from=&to= (ISO dates or times).
export const RANGE_PRESETS = { "1d": 86_400, "7d": 7 * 86_400, "30d": 30 * 86_400, all: null } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_RANGE: RangePreset = "7d";

export type RangeSpec =
  | { kind: "preset"; key: RangePreset; seconds: number | null }
  | { kind: "custom"; from: Date; to: Date };

const isPreset = (v: string | undefined): v is RangePreset => v !== undefined && Object.hasOwn(RANGE_PRESETS, v);

// A bare date is a whole UTC day: as `to` it includes that day.
function parseTime(v: string | undefined, endOfDay = false): Date | null {
  if (!v || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return null;
  const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
  if (v.length === 10 && endOfDay) d.setUTCDate(d.getUTCDate() + 1);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A malformed or inverted custom range falls back to the default preset rather than failing the page. */
export function parseRange(params: { range?: string; from?: string; to?: string }): RangeSpec {
  const from = parseTime(params.from);
  const to = parseTime(params.to, true);
  if (from && to && from < to) return { kind: "custom", from, to };
  const key = isPreset(params.range) ? params.range : DEFAULT_RANGE;
  return { kind: "preset", key, seconds: RANGE_PRESETS[key] };
}

/** The window in time, given the latest indexed block time; `all` starts at the epoch. */
export function rangeWindow(spec: RangeSpec, asOf: Date): { from: Date; to: Date } {
  if (spec.kind === "custom") return { from: spec.from, to: spec.to < asOf ? spec.to : asOf };
  return { from: spec.seconds === null ? new Date(0) : new Date(asOf.getTime() - spec.seconds * 1000), to: asOf };
}
