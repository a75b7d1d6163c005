// Server-side downsampling so a chart never receives more than ~1,000 points, whatever the range.
// Min-max per bucket keeps every spike (a mean would hide the one epoch the network missed badly), and
// missing values stay missing: a bucket whose rows are all null yields one null row, drawn as a gap.

/** Keeps at most `maxPoints` of `rows` (sorted by x): per bucket its first, min and max rows, in x order. */
export function downsampleMinMax<T>(
  rows: readonly T[],
  maxPoints: number,
  x: (row: T) => number,
  y: (row: T) => number | null,
): T[] {
  if (maxPoints < 5) throw new RangeError("maxPoints must be at least 5");
  if (rows.length <= maxPoints) return rows.slice();
  // Up to three rows per bucket (a gap marker, the min and the max), plus the first and last rows.
  const buckets = Math.floor((maxPoints - 2) / 3);
  const first = x(rows[0]!);
  const span = x(rows[rows.length - 1]!) - first;
  const keep = new Set<number>();
  let start = 0;
  for (let b = 0; b < buckets && start < rows.length; b++) {
    const edge = span === 0 ? Infinity : first + (span * (b + 1)) / buckets;
    let end = start;
    while (end < rows.length && (b === buckets - 1 || x(rows[end]!) < edge)) end++;
    if (end === start) continue;
    let lo = -1;
    let hi = -1;
    let gap = -1;
    for (let i = start; i < end; i++) {
      const v = y(rows[i]!);
      if (v === null || !Number.isFinite(v)) {
        if (gap < 0) gap = i;
        continue;
      }
      if (lo < 0 || v < y(rows[lo]!)!) lo = i;
      if (hi < 0 || v > y(rows[hi]!)!) hi = i;
    }
    if (gap >= 0) keep.add(gap);
    if (lo >= 0) keep.add(lo);
    if (hi >= 0) keep.add(hi);
    start = end;
  }
  keep.add(0);
  keep.add(rows.length - 1);
  return [...keep].sort((a, b) => a - b).map((i) => rows[i]!);
}

/** Splits [from, to] into at most `maxBuckets` equal buckets of whole units (e.g. epochs); width ≥ 1. */
export function bucketWidth(from: number, to: number, maxBuckets: number): number {
  const span = Math.max(0, to - from) + 1;
  return Math.max(1, Math.ceil(span / Math.max(1, maxBuckets)));
}

/**
 * Inserts a row made by `gap(x)` wherever consecutive rows are more than `maxStep` apart, so a chart draws a
 * break (null values) where epochs are missing instead of a straight line across them.
 */
export function insertGaps<T>(rows: readonly T[], maxStep: number, x: (row: T) => number, gap: (x: number) => T): T[] {
  const out: T[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && x(row) - x(rows[i - 1]!) > maxStep) out.push(gap((x(row) + x(rows[i - 1]!)) / 2));
    out.push(row);
  });
  return out;
}
