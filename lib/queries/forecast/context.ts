import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { horizonOf, parseTopicMetadata, type TopicMetadata } from "@/lib/forecast/topic-meta";
import { truthSeries } from "@/lib/forecast/realized-sql";
import { rangeWindow, type RangeSpec } from "@/lib/forecast/range";

const INT64_MAX = 9223372036854775807n;

/** A topic id from the URL: digits only, within int64; anything else is not a topic (404, never 500). */
export function parseTopicId(raw: string): bigint | null {
  if (!/^\d{1,19}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id <= INT64_MAX ? id : null;
}

export type TopicContext = {
  networkId: number;
  topicId: bigint;
  metadata: string;
  lossMethod: string;
  epochLength: number;
  meta: TopicMetadata;
  labels: string[];
  label: string;
  /** Horizon of the selected label in seconds, from the topic's name; null when the name does not say. */
  horizonSeconds: number | null;
  asOfHeight: bigint | null;
  asOfTime: Date | null;
  /** Realized-price series for the topic's asset (source with the latest data), null when none is indexed. */
  truth: { source: string; series: string } | null;
};

export async function getTopicContext(networkId: number, topicId: bigint, labelParam?: string): Promise<TopicContext | null> {
  const { prisma } = await getDb();
  const topic = await prisma.topic.findUnique({
    where: { networkId_topicId: { networkId, topicId } },
    select: { metadata: true, lossMethod: true, epochLength: true, labelWhitelist: true },
  });
  if (!topic) return null;
  const [labelRows, latestLabels, latest] = await Promise.all([
    prisma.topicLabel.findMany({ where: { networkId, topicId }, select: { labelName: true } }),
    // The labels of the latest network inference: what the topic predicts now, whatever was registered.
    prisma.$queryRaw<{ label: string }[]>(Prisma.sql`
      SELECT label FROM network_inferences
      WHERE network_id = ${networkId} AND topic_id = ${topicId}
        AND nonce = (SELECT max(nonce) FROM network_inferences WHERE network_id = ${networkId} AND topic_id = ${topicId})`),
    prisma.block.findFirst({ where: { networkId }, orderBy: { height: "desc" }, select: { height: true, time: true } }),
  ]);
  const meta = parseTopicMetadata(topic.metadata);
  const labels = orderLabels([...new Set([...topic.labelWhitelist, ...labelRows.map((l) => l.labelName), ...latestLabels.map((l) => l.label)])], meta);
  const label = labelParam && labels.includes(labelParam) ? labelParam : labels[0]!;
  const horizon = horizonOf(meta, label);
  let truth: TopicContext["truth"] = null;
  const series = truthSeries(meta);
  if (series) {
    const row = await prisma.groundTruth.findFirst({ where: { series }, orderBy: { time: "desc" }, select: { source: true } });
    if (row) truth = { source: row.source, series };
  }
  return {
    networkId,
    topicId,
    metadata: topic.metadata,
    lossMethod: topic.lossMethod,
    epochLength: Number(topic.epochLength),
    meta,
    labels,
    label,
    horizonSeconds: horizon?.seconds ?? null,
    asOfHeight: latest?.height ?? null,
    asOfTime: latest?.time ?? null,
    truth,
  };
}

/** Labels in the order of the horizons the name lists ("20m, 1h, 4h"), then by name; "y" when none is known. */
function orderLabels(labels: string[], meta: TopicMetadata): string[] {
  if (labels.length === 0) return ["y"];
  const rank = (l: string) => {
    const i = meta.horizons.findIndex((h) => h.label === l);
    return i < 0 ? Infinity : i;
  };
  return labels.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

export type HeightWindow = { fromHeight: bigint; toHeight: bigint; from: Date; to: Date };

/** The range as block heights: the first block at or after its start, up to the latest block before its end. */
export async function resolveWindow(ctx: TopicContext, spec: RangeSpec): Promise<HeightWindow | null> {
  if (ctx.asOfTime === null || ctx.asOfHeight === null) return null;
  const { from, to } = rangeWindow(spec, ctx.asOfTime);
  const { prisma } = await getDb();
  const [lo, hi] = await Promise.all([
    prisma.block.findFirst({ where: { networkId: ctx.networkId, time: { gte: from } }, orderBy: [{ time: "asc" }, { height: "asc" }], select: { height: true, time: true } }),
    prisma.block.findFirst({ where: { networkId: ctx.networkId, time: { lte: to } }, orderBy: [{ time: "desc" }, { height: "desc" }], select: { height: true, time: true } }),
  ]);
  if (!lo || !hi || lo.height > hi.height) return null;
  return { fromHeight: lo.height, toHeight: hi.height, from: lo.time, to: hi.time };
}
