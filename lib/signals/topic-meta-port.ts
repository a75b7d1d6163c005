// What a topic predicts, read from its metadata. This belongs to lib/forecast/topic-meta.ts (parseTopicMetadata);
// until that lands on main this port answers the same shape for the common names ("BTC/USD - Log Returns - 8h",
// "ETH/USD - Price Prediction - 8h", "… - Volatility - 15m", "… - Multi-horizon (20m, 1h, 4h)"), so the swap is an
// import change in lib/signals/ledger.ts and lib/queries/signals.ts.
export type TopicCategory = "price" | "log-return" | "volatility" | "other";
export type TopicHorizon = { label: string; seconds: number };
export type TopicMetadata = { asset: string | null; quote: string | null; category: TopicCategory; horizons: TopicHorizon[] };

const UNITS: Record<string, [number, string]> = { m: [60, "m"], min: [60, "m"], h: [3600, "h"], hour: [3600, "h"], d: [86400, "d"], day: [86400, "d"] };
const HORIZON = /(?<![\w.])(\d{1,4})\s?(min|m|hours?|h|days?|d)(?![a-z])/gi;

export function parseHorizons(text: string): TopicHorizon[] {
  const out: TopicHorizon[] = [];
  for (const m of text.matchAll(HORIZON)) {
    const unit = UNITS[m[2]!.toLowerCase().replace(/s$/, "")];
    const seconds = unit ? Number(m[1]) * unit[0] : 0;
    if (seconds > 0 && !out.some((h) => h.seconds === seconds)) out.push({ label: `${Number(m[1])}${unit![1]}`, seconds });
  }
  return out;
}

export function parseTopicMetadata(metadata: string): TopicMetadata {
  const text = metadata.slice(0, 500);
  const lower = text.toLowerCase();
  const category: TopicCategory = /volatil/.test(lower)
    ? "volatility"
    : /log[\s-]?returns?|\breturns?\b/.test(lower)
      ? "log-return"
      : /\bprice\b|\bprediction\b/.test(lower)
        ? "price"
        : "other";
  const pair = /\b([A-Z][A-Z0-9]{1,9})\s*\/\s*(USDT?|USDC|EUR)\b/.exec(text);
  return { asset: pair?.[1] ?? null, quote: pair?.[2] ?? null, category, horizons: parseHorizons(text) };
}

/** A label's horizon: the label itself ("20m") on a multi-horizon topic, else the topic's single horizon. */
export function horizonOfLabel(meta: TopicMetadata, label: string): TopicHorizon | null {
  const own = parseHorizons(label)[0];
  if (own && meta.horizons.some((h) => h.seconds === own.seconds)) return own;
  return meta.horizons.length === 1 ? meta.horizons[0]! : null;
}
