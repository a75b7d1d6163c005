import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetwork } from "@/lib/queries/network";

export type RealizedPriceState = "ok" | "unreachable" | "not-configured" | "no-asset" | "no-data";

export type RealizedPriceStatusDto = {
  state: RealizedPriceState;
  /** "BTC/USD": the series asked about; null when the topic names no asset. */
  series: string | null;
  /** The configured source, e.g. "coinbase+coingecko" or "devnet"; null when none is configured. */
  source: string | null;
  /** True on the devnet: its market is simulated, and every realized value must say so. */
  simulated: boolean;
  /** What the chart area says instead of drawing nothing, e.g. "no realized prices: source coinbase unreachable". */
  message: string | null;
  /** The source's own words for the last failure for this series. */
  detail: string | null;
  /** Time (ISO) of the newest stored price of the series, null when there is none. */
  latestPriceTime: string | null;
  /** When the collector last asked the source (ISO), null if never. */
  checkedAt: string | null;
};

const describeSource = (source: string) => {
  const names = source.split("+");
  return `${names.length > 1 ? "sources" : "source"} ${names.join(" and ")}`;
};

/** The last failure recorded for one asset ("BTC: reason | ETH: reason"), or for all when asset is null. */
function failureFor(error: string | null, asset: string): string | null {
  if (!error) return null;
  const part = error.split(" | ").find((p) => p.startsWith(`${asset}: `));
  return part ? part.slice(asset.length + 2) : null;
}

/**
 * Whether realized prices for an asset ("BTC", from parseTopicMetadata) can be shown, and what to say if not.
 * One row from collector_state and one index probe on ground_truth.
 */
export async function getRealizedPriceStatus(asset: string | null, quote = "USD"): Promise<RealizedPriceStatusDto> {
  const network = await findFollowedNetwork();
  const series = asset ? `${asset.toUpperCase()}/${quote.toUpperCase()}` : null;
  const base = { series, simulated: network?.simulated ?? false, detail: null, latestPriceTime: null, checkedAt: null };
  if (!network) return { ...base, state: "not-configured", source: null, message: "no realized prices: nothing indexed yet" };
  const { prisma } = await getDb();
  const [row] = await prisma.$queryRaw<{ source: string | null; error: string | null; checked_at: Date | null; latest: Date | null }[]>`
    SELECT cs.price_source AS source, cs.price_source_error AS error, cs.price_source_checked_at AS checked_at,
           (SELECT max(g.time) FROM ground_truth g
             WHERE g.series = ${series ?? ""} AND g.source = ANY(string_to_array(cs.price_source, '+'))) AS latest
      FROM (SELECT ${network.id}::int AS network_id) n
      LEFT JOIN collector_state cs ON cs.network_id = n.network_id`;
  const source = row?.source ?? null;
  const checkedAt = row?.checked_at?.toISOString() ?? null;
  const latestPriceTime = row?.latest?.toISOString() ?? null;
  if (!source)
    return { ...base, state: "not-configured", source: null, message: "no realized prices: no price source is configured" };
  if (!asset || !series)
    return { ...base, state: "no-asset", source, checkedAt, message: "no realized prices: the topic's name names no asset to price" };
  const detail = failureFor(row?.error ?? null, asset.toUpperCase());
  if (detail)
    return { ...base, state: "unreachable", source, detail, checkedAt, latestPriceTime, message: `no realized prices: ${describeSource(source)} unreachable` };
  if (!latestPriceTime)
    return { ...base, state: "no-data", source, checkedAt, message: `no realized prices for ${series} yet from ${describeSource(source)}` };
  return { ...base, state: "ok", source, checkedAt, latestPriceTime, message: null };
}
