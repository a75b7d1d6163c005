import type { ScorePointDto } from "@/lib/queries/staking-scorecard";

/** A small server-drawn line of EMA scores over time (floats for drawing only; the exact values are listed). */
export function ScoreSparkline({ points, label }: { points: ScorePointDto[]; label: string }) {
  if (points.length < 2) return <p className="text-xs text-muted-foreground">Not enough EMA scores to draw a trend yet.</p>;
  const w = 240;
  const h = 48;
  const ys = points.map((p) => Number(p.score));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const span = hi - lo || 1;
  const path = ys.map((y, i) => `${i === 0 ? "M" : "L"}${((i / (ys.length - 1)) * w).toFixed(1)},${(h - 4 - ((y - lo) / span) * (h - 8)).toFixed(1)}`).join(" ");
  const firstPoint = points[0]!;
  const lastPoint = points.at(-1)!;
  return (
    <figure className="grid grid-cols-1 gap-1">
      <svg viewBox={`0 0 ${w} ${h}`} className="h-12 w-full max-w-60 text-primary" role="img" aria-label={`${label}: from ${firstPoint.score} at block ${firstPoint.height} to ${lastPoint.score} at block ${lastPoint.height}`}>
        <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <figcaption className="text-xs text-muted-foreground tabular-nums">
        {points.length} EMA scores, blocks {firstPoint.height}–{lastPoint.height}
      </figcaption>
    </figure>
  );
}
