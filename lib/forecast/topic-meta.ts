// PLACEHOLDER until PART B's parser lands on main (same signature); replaced on merge.
export type TopicCategory = "price" | "log-return" | "volatility" | "other";
export interface TopicHorizon { label: string; seconds: number }
export interface TopicMetadata { asset: string | null; quote: string | null; category: TopicCategory; horizons: TopicHorizon[] }

const UNIT: Record<string, number> = { m: 60, min: 60, h: 3600, d: 86400 };

export function parseTopicMetadata(metadata: string): TopicMetadata {
  const pair = /([A-Z]{2,10})\/([A-Z]{2,5})/.exec(metadata);
  const lower = metadata.toLowerCase();
  const category: TopicCategory = lower.includes("volatility") ? "volatility" : lower.includes("log") ? "log-return" : lower.includes("price") ? "price" : "other";
  const horizons = [...metadata.matchAll(/(\d+)\s?(min|m|h|d)\b/g)].map((m) => ({ label: `${m[1]}${m[2] === "min" ? "m" : m[2]}`, seconds: Number(m[1]) * UNIT[m[2]!]! }));
  return { asset: pair?.[1] ?? null, quote: pair?.[2] ?? null, category, horizons };
}
