"use client";
import type { ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * The one chart container: a labelled figure of fixed height that fills its column. Recharts' accessibility layer
 * (on by default in v3) makes the plot focusable; arrow keys move the tooltip from point to point.
 */
export function ChartFrame({ label, height = 280, children, caption }: { label: string; height?: number; children: ReactNode; caption?: ReactNode }) {
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }} className="w-full [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-ring">
        <ResponsiveContainer width="100%" height="100%">
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
      {caption ? <figcaption className="mt-2 text-xs text-muted-foreground">{caption}</figcaption> : null}
    </figure>
  );
}
