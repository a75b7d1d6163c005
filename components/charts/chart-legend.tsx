"use client";
import { Legend } from "recharts";

// Legend labels in the theme's text colour (Recharts colours them like their series, which for translucent bands
// is unreadable), wrapping on narrow screens.
const label = (value: unknown) => <span style={{ color: "var(--foreground)" }}>{String(value)}</span>;

export function chartLegend() {
  return <Legend wrapperStyle={{ fontSize: 12, lineHeight: "18px" }} formatter={label} />;
}
