// One palette for every chart, as CSS variables (app/globals.css) so both themes stay readable.
export const SERIES_COLORS = {
  network: "var(--chart-1)",
  realized: "var(--chart-2)",
  naive: "var(--chart-3)",
  best: "var(--chart-4)",
  median: "var(--chart-5)",
  band: "var(--chart-band)",
} as const;

/** Colours for selected workers and stacked shares, in order. */
export const EXTRA_COLORS = ["var(--chart-4)", "var(--chart-5)", "var(--chart-6)", "var(--chart-7)", "var(--chart-3)"] as const;

export const extraColor = (i: number) => EXTRA_COLORS[i % EXTRA_COLORS.length]!;
