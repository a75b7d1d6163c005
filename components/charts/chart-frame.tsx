import type { ReactNode } from "react";

/**
 * The one chart container: a labelled figure of fixed height that fills its column. It carries no chart library,
 * so the figure, its label and its height are server-rendered while the plot inside loads (see lazy-charts.tsx).
 * Recharts' accessibility layer (on by default in v3) makes the plot focusable; arrow keys move the tooltip.
 */
export function ChartFrame({ label, height = 280, children, caption }: { label: string; height?: number; children: ReactNode; caption?: ReactNode }) {
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }} className="w-full [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-ring">
        {children}
      </div>
      {caption ? <figcaption className="mt-2 text-xs text-muted-foreground">{caption}</figcaption> : null}
    </figure>
  );
}

/** What the frame shows until the plot's chunk arrives: the same box, so nothing below it moves. */
export function ChartLoading() {
  return <div className="flex h-full w-full items-center justify-center rounded-md bg-muted/40 text-xs text-muted-foreground">Loading chart…</div>;
}
