// Reads what a topic predicts from its free-text metadata. Allora has no structured field for asset, target or
// horizon: the names follow a few conventions ("BTC/USD - Log Returns - 8h", "ETH 10min Prediction",
// "PLAYGROUND: 1 day BTC/USD Price Prediction", "… - Multi-horizon (20m, 1h, 4h)"), so this is tolerant parsing
// that answers null / "other" / [] rather than guessing when a name fits none of them.

export type TopicCategory = "price" | "log-return" | "volatility" | "other";

export interface TopicHorizon {
  /** As written in the name, normalised to a compact form: "8h", "15m", "1d". */
  label: string;
  seconds: number;
}

export interface TopicMetadata {
  asset: string | null;
  quote: string | null;
  category: TopicCategory;
  horizons: TopicHorizon[];
}

const UNIT_SECONDS: Record<string, { seconds: number; short: string }> = {
  s: { seconds: 1, short: "s" }, sec: { seconds: 1, short: "s" }, second: { seconds: 1, short: "s" },
  m: { seconds: 60, short: "m" }, min: { seconds: 60, short: "m" }, minute: { seconds: 60, short: "m" },
  h: { seconds: 3600, short: "h" }, hr: { seconds: 3600, short: "h" }, hour: { seconds: 3600, short: "h" },
  d: { seconds: 86400, short: "d" }, day: { seconds: 86400, short: "d" },
  w: { seconds: 604800, short: "w" }, wk: { seconds: 604800, short: "w" }, week: { seconds: 604800, short: "w" },
};

// "8h", "10min", "1 day", "24 hours", "15-minute": a number, optional space or dash, a unit (plural allowed).
// The unit must end the token, so "8hrs" works but "1million" or "5ms" do not become horizons.
const HORIZON = /(?<![\w.])(\d{1,4})[ -]?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?![a-z])/gi;

// Pairs written with a separator: "BTC/USD", "ETH-USDT", "SOL_USD".
const PAIR = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,9})\s*[/_-]\s*([A-Za-z]{2,5})(?![A-Za-z0-9])/g;
// A bare ticker: 2–10 capitals (digits allowed after the first letter), not a unit or a filler word.
const TICKER = /(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,9})(?![A-Za-z0-9])/g;
const QUOTES = new Set(["USD", "USDT", "USDC", "EUR", "BTC", "ETH"]);
const NOT_TICKERS = new Set(["PLAYGROUND", "TEST", "USD", "AI", "ML", "LOG", "MSE", "NEW", "OLD", "V2", "V3"]);

function singular(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length > 2 && lower.endsWith("s") ? lower.slice(0, -1) : lower;
}

function parseHorizons(text: string): TopicHorizon[] {
  const seen = new Set<number>();
  const horizons: TopicHorizon[] = [];
  for (const match of text.matchAll(HORIZON)) {
    const amount = Number(match[1]);
    const unit = UNIT_SECONDS[singular(match[2] ?? "")];
    if (!unit || amount <= 0) continue;
    const seconds = amount * unit.seconds;
    if (seen.has(seconds)) continue;
    seen.add(seconds);
    horizons.push({ label: `${amount}${unit.short}`, seconds });
  }
  return horizons;
}

function parseCategory(text: string): TopicCategory {
  const lower = text.toLowerCase();
  if (/volatil/.test(lower)) return "volatility";
  if (/log[\s-]?returns?|\breturns?\b/.test(lower)) return "log-return";
  // "ETH 10min Prediction" names a price topic: the early topics predicted the price without saying "price".
  if (/\bprice\b|\bprediction\b|\bforecast\b/.test(lower)) return "price";
  return "other";
}

function parseAsset(text: string): { asset: string | null; quote: string | null } {
  for (const pair of text.matchAll(PAIR)) {
    const [, base = "", quote = ""] = pair;
    if (QUOTES.has(quote.toUpperCase()) && !NOT_TICKERS.has(base.toUpperCase()))
      return { asset: base.toUpperCase(), quote: quote.toUpperCase() };
  }
  for (const match of text.matchAll(TICKER)) {
    const candidate = match[1] ?? "";
    if (NOT_TICKERS.has(candidate) || parseHorizons(candidate).length) continue;
    return { asset: candidate, quote: null };
  }
  return { asset: null, quote: null };
}

export function parseTopicMetadata(metadata: string): TopicMetadata {
  const text = typeof metadata === "string" ? metadata.slice(0, 500) : "";
  const { asset, quote } = parseAsset(text);
  return { asset, quote, category: parseCategory(text), horizons: parseHorizons(text) };
}

/** The horizon of a label: the one the name lists for it, or the name's only horizon; undefined when unknown. */
export function horizonOf(meta: TopicMetadata, label: string): TopicHorizon | undefined {
  return meta.horizons.find((h) => h.label === label) ?? (meta.horizons.length === 1 ? meta.horizons[0] : undefined);
}
