// Display formatting for DTO values. Heights and token amounts arrive as decimal strings and are formatted as
// strings (BigInt at most), never through Number, so large values stay exact.

const ALLO_DECIMALS = 18n;

/** "1234567" → "1,234,567"; keeps any fractional part as is. */
export function formatInteger(value: string): string {
  const negative = value.startsWith("-");
  const [whole = "0", fraction] = (negative ? value.slice(1) : value).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Seconds as the two largest units: "45s", "3m 20s", "2h 5m", "3d 4h". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  if (d) return h ? `${d}d ${h}h` : `${d}d`;
  if (h) return m ? `${h}h ${m}m` : `${h}h`;
  if (m) return sec ? `${m}m ${sec}s` : `${m}m`;
  return `${sec}s`;
}

/** uallo (base units, 18 decimals) → ALLO with at most `digits` decimals, truncated toward zero. */
export function formatAllo(uallo: string, digits = 2): string {
  const [whole = "0"] = uallo.split(".");
  const negative = whole.startsWith("-");
  const units = BigInt(negative ? whole.slice(1) : whole);
  const base = 10n ** ALLO_DECIMALS;
  const intPart = (units / base).toString();
  const frac = (units % base).toString().padStart(Number(ALLO_DECIMALS), "0").slice(0, digits).replace(/0+$/, "");
  return `${negative ? "-" : ""}${formatInteger(intPart)}${frac ? `.${frac}` : ""}`;
}

/** What a missing value shows: never 0, never NaN. */
export const MISSING = "—";
/** The chain's own NaN (a value bundle it could not compute) is shown as such, never as a number. */
export const CHAIN_NAN = "NaN (as sent by the chain)";

/** An exact decimal as sent (null → "—", the chain's "NaN" labelled as such). */
export function formatDecimal(value: string | null): string {
  if (value === null) return MISSING;
  return value === "NaN" ? CHAIN_NAN : value;
}

/** A rate given as a decimal string ("0.05") → "5%", rounded to `digits` decimals. Display only: rates are not amounts. */
export function formatPercent(fraction: string | null, digits = 2): string {
  if (fraction === null) return MISSING;
  if (fraction === "NaN") return CHAIN_NAN;
  const n = Number(fraction);
  if (!Number.isFinite(n)) return fraction;
  // Only zeros after a decimal point go: "10" stays "10" (formatPercent("0.1", 0) is "10%", not "1%").
  const fixed = (n * 100).toFixed(digits);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return `${trimmed === "-0" ? "0" : trimmed}%`;
}

export function formatNetworkKind(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** ISO time → "2025-01-31 14:05 UTC": unambiguous and identical on server and client. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
