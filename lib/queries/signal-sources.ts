import "server-only";
// What the signal publisher and the signal pages read: per price or log-return topic and label, the network
// inferences with their block times, and the ground-truth candles of the topic's asset.
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { LedgerSeries } from "@/lib/signals/ledger";
import type { PriceSeries } from "@/lib/signals/prices";
import { parseTopicMetadata } from "@/lib/forecast/topic-meta";
import { horizonOfLabel } from "@/lib/signals/topic-horizon";

type InferenceRow = { topic_id: string; label: string; nonce: string; height: string; time: Date; value: string };

/** Candles per series, from the source with the most of them (sources are never mixed within a series). */
export async function readPriceSeries(seriesNames: readonly string[]): Promise<Map<string, PriceSeries>> {
  if (seriesNames.length === 0) return new Map();
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<{ source: string; series: string; time: Date; value: string }[]>(Prisma.sql`
    WITH best AS (
      SELECT DISTINCT ON (series) series, source FROM ground_truth WHERE series IN (${Prisma.join(seriesNames)})
      GROUP BY series, source ORDER BY series, count(*) DESC, source)
    SELECT g.source, g.series, g.time, g.value::text AS value
    FROM ground_truth g JOIN best USING (series, source) ORDER BY g.series, g.time`);
  const out = new Map<string, { source: string; series: string; times: number[]; values: string[] }>();
  for (const r of rows) {
    let s = out.get(r.series);
    if (!s) out.set(r.series, (s = { source: r.source, series: r.series, times: [], values: [] }));
    s.times.push(r.time.getTime());
    s.values.push(r.value);
  }
  return out;
}

/** Every tradable (topic, label) series of a network, optionally one topic; volatility topics attach to their asset. */
export async function readLedgerSeries(networkId: number, topicId?: bigint): Promise<LedgerSeries[]> {
  const { prisma } = await getDb();
  const topics = await prisma.topic.findMany({ where: { networkId }, select: { topicId: true, metadata: true }, orderBy: { topicId: "asc" } });
  const metas = topics.map((t) => ({ id: t.topicId, meta: parseTopicMetadata(t.metadata) }));
  const tradable = metas.filter((t) => (t.meta.category === "price" || t.meta.category === "log-return") && t.meta.asset && (topicId === undefined || t.id === topicId));
  if (tradable.length === 0) return [];
  const volTopics = metas.filter((t) => t.meta.category === "volatility" && t.meta.asset && tradable.some((x) => x.meta.asset === t.meta.asset));
  const ids = [...tradable, ...volTopics].map((t) => t.id);
  const rows = await prisma.$queryRaw<InferenceRow[]>(Prisma.sql`
    SELECT ni.topic_id::text AS topic_id, ni.label, ni.nonce::text AS nonce, ni.block_height::text AS height, b.time,
           ni.combined_value::text AS value
    FROM network_inferences ni
    JOIN blocks b ON b.network_id = ni.network_id AND b.height = ni.block_height
    WHERE ni.network_id = ${networkId} AND NOT ni.outlier_resistant AND ni.topic_id IN (${Prisma.join(ids)})
    ORDER BY ni.topic_id, ni.label, ni.block_height, ni.nonce`);
  const byKey = new Map<string, InferenceRow[]>();
  for (const r of rows) {
    const key = `${r.topic_id}\u0000${r.label}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const prices = await readPriceSeries([...new Set(tradable.map((t) => `${t.meta.asset}/USD`))]);
  const series: LedgerSeries[] = [];
  for (const t of tradable) {
    const priceSeries = prices.get(`${t.meta.asset}/USD`);
    if (!priceSeries) continue;
    const vol = volTopics.find((v) => v.meta.asset === t.meta.asset);
    const volRows = vol ? [...byKey.entries()].find(([k]) => k.startsWith(`${vol.id}\u0000`))?.[1] ?? [] : [];
    for (const [key, inferences] of byKey) {
      const [id, label] = key.split("\u0000") as [string, string];
      if (id !== t.id.toString()) continue;
      const horizon = horizonOfLabel(t.meta, label);
      if (!horizon) continue;
      series.push({
        topicId: id,
        label,
        kind: t.meta.category as "price" | "log-return",
        horizonSeconds: horizon.seconds,
        inferences: inferences.map((r) => ({ nonce: r.nonce, height: r.height, t: r.time.getTime(), value: r.value })),
        prices: priceSeries,
        volatility: vol ? { topicId: vol.id.toString(), points: volRows.map((r) => ({ t: r.time.getTime(), value: Number(r.value) })) } : null,
      });
    }
  }
  return series;
}
