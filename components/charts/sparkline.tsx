"use client";
// A tiny trend line: plain SVG (no chart library on the overview), a gap where buckets are missing, and the value
// under the pointer or keyboard focus read out in text.
import { useState } from "react";

export type SparklinePoint = { height: string; value: number };

const W = 120;
const H = 32;

/** Splits the series where the step between two points is over three times the typical step: missing data stays a gap. */
function segments(points: SparklinePoint[]): SparklinePoint[][] {
  const steps = points.slice(1).map((p, i) => Number(p.height) - Number(points[i]!.height)).sort((a, b) => a - b);
  const typical = steps[Math.floor(steps.length / 2)] ?? 0;
  const out: SparklinePoint[][] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (!prev || (typical > 0 && Number(p.height) - Number(prev.height) > 3 * typical)) out.push([]);
    out.at(-1)!.push(p);
  });
  return out;
}

export function Sparkline({ points, label }: { points: SparklinePoint[]; label: string }) {
  const [active, setActive] = useState<number | null>(null);
  if (points.length < 2) return <span className="text-xs text-muted-foreground">warming up</span>;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const first = Number(points[0]!.height);
  const span = Math.max(1, Number(points.at(-1)!.height) - first);
  const x = (p: SparklinePoint) => ((Number(p.height) - first) / span) * (W - 2) + 1;
  const y = (p: SparklinePoint) => (max === min ? H / 2 : H - 2 - ((p.value - min) / (max - min)) * (H - 4));
  const shown = active === null ? null : points[active];
  return (
    <div className="flex items-center gap-2">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={label}
        tabIndex={0}
        className="shrink-0 overflow-visible rounded text-primary focus-visible:outline-2 focus-visible:outline-ring"
        onMouseLeave={() => setActive(null)}
        onBlur={() => setActive(null)}
        onFocus={() => setActive(points.length - 1)}
        onKeyDown={(e) => {
          if (e.key === "ArrowLeft") setActive((i) => Math.max(0, (i ?? points.length - 1) - 1));
          if (e.key === "ArrowRight") setActive((i) => Math.min(points.length - 1, (i ?? 0) + 1));
        }}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const at = ((e.clientX - box.left) / box.width) * span + first;
          let best = 0;
          points.forEach((p, i) => {
            if (Math.abs(Number(p.height) - at) < Math.abs(Number(points[best]!.height) - at)) best = i;
          });
          setActive(best);
        }}
      >
        {segments(points).map((seg) =>
          seg.length === 1 ? (
            <circle key={seg[0]!.height} cx={x(seg[0]!)} cy={y(seg[0]!)} r={1.5} fill="currentColor" />
          ) : (
            <polyline
              key={seg[0]!.height}
              points={seg.map((p) => `${x(p).toFixed(1)},${y(p).toFixed(1)}`).join(" ")}
              fill="none"
              stroke="currentColor"
              strokeWidth={1.5}
              strokeLinejoin="round"
            />
          ),
        )}
        {shown ? <circle cx={x(shown)} cy={y(shown)} r={2.5} fill="currentColor" /> : null}
      </svg>
      <span className="min-w-0 text-xs text-muted-foreground tabular-nums" aria-live="polite">
        {shown ? `${shown.value.toPrecision(6)} · block ${shown.height}` : ""}
      </span>
    </div>
  );
}
