// Each network inference's realized value (network_inferences.realized_value), stored beside it in the ingest
// transaction with the key of the spec it was computed under (realized_key: source, series, category, horizon), so
// the forecast chart reads it with the epoch instead of probing prices per epoch. Like the rollups it is derived
// data, recomputed by lib/forecast/realized-sql.ts for every epoch a batch can change: the batch's own inferences,
// the epochs whose block arrives, and the epochs whose realized instants (or the end of the series) its prices reach.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { horizonOf, parseTopicMetadata } from "@/lib/forecast/topic-meta";
import { PRICE_TOLERANCE_SECONDS, realizedKey, realizedSpec, realizedSql, truthSeries } from "@/lib/forecast/realized-sql";
import type { IngestBatch } from "./batch-schema";

type Rows = IngestBatch["rows"];
type Topic = { network_id: number; topic_id: string; metadata: string };
/** The epochs to recompute, as SQL on `ni`, for a label of horizon `h` seconds. */
type Scope = (h: number) => Prisma.Sql;

/** The series' current source, as the topic page picks it: the one with the latest price. */
async function latestSource(tx: SqlTransaction, series: string): Promise<string | null> {
  const { rows } = await tx.query<{ source: string }>(Prisma.sql`SELECT source FROM ground_truth WHERE series = ${series} ORDER BY time DESC LIMIT 1`);
  return rows[0]?.source ?? null;
}

/** Recomputes the stored realized value of the topic's epochs in `scope`, per label (each has its own horizon). */
async function writeRealized(tx: SqlTransaction, topic: Topic, scope: Scope, sources: Map<string, string | null>): Promise<number> {
  const meta = parseTopicMetadata(topic.metadata);
  const series = truthSeries(meta);
  if (!series || meta.category === "other" || meta.horizons.length === 0) return 0;
  if (!sources.has(series)) sources.set(series, await latestSource(tx, series));
  const source = sources.get(series);
  if (!source) return 0;
  const where = Prisma.sql`ni.network_id = ${topic.network_id} AND ni.topic_id = ${topic.topic_id}::bigint`;
  const widest = Math.max(...meta.horizons.map((h) => h.seconds));
  const { rows: labels } = await tx.query<{ label: string }>(Prisma.sql`SELECT DISTINCT label FROM network_inferences ni WHERE ${where} AND ${scope(widest)}`);
  let n = 0;
  for (const { label } of labels) {
    const spec = realizedSpec(meta.category, { source, series }, horizonOf(meta, label)?.seconds ?? null);
    if (!spec) continue;
    const { rowCount } = await tx.query(Prisma.sql`
      -- Materialized and joined back by row id: the epochs are computed once and each updates its own row. Inlined and
      -- joined by key, a planner without statistics (PGlite; a server with autovacuum off) walked the topic's whole
      -- history and ran the CTE again for each epoch of it.
      WITH e AS MATERIALIZED (
        SELECT ni.ctid AS row_id, ni.nonce, b.time FROM network_inferences ni JOIN blocks b ON b.network_id = ni.network_id AND b.height = ni.nonce
        WHERE ${where} AND ni.label = ${label} AND ${scope(spec.horizonSeconds)}
        -- Locked as read, so a row id stays the row's until commit even beside another network's batch.
        FOR NO KEY UPDATE OF ni
      ), x AS MATERIALIZED (SELECT e.row_id, ${realizedSql(spec)} AS realized FROM e)
      UPDATE network_inferences ni SET realized_value = x.realized, realized_key = ${realizedKey(spec)}
      FROM x WHERE ni.ctid = x.row_id
        -- Most epochs in a price batch's window keep their value: rewriting them only made dead row versions.
        AND (ni.realized_value IS DISTINCT FROM x.realized OR ni.realized_key IS DISTINCT FROM ${realizedKey(spec)})`);
    n += rowCount;
  }
  return n;
}

/** SQL on `ni`: the epochs whose block time is in [from, to] (block time never decreases with height). */
const byTime = (networkId: number, from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`ni.nonce BETWEEN
  (SELECT height FROM blocks WHERE network_id = ${networkId} AND time >= ${from} ORDER BY time, height LIMIT 1) AND
  (SELECT height FROM blocks WHERE network_id = ${networkId} AND time <= ${to} ORDER BY time DESC, height DESC LIMIT 1)`;

/** Recomputes every stored realized value the batch's rows can change; returns how many inference rows. */
export async function refreshRealized(tx: SqlTransaction, networkId: number, rows: Rows): Promise<number> {
  const sources = new Map<string, string | null>();
  let n = 0;
  // The batch's inferences, and those whose block (their time) arrives now.
  const nonces = new Map<string, Set<string>>();
  const add = (topicId: string | number, nonce: string | number) =>
    nonces.set(String(topicId), (nonces.get(String(topicId)) ?? new Set<string>()).add(String(nonce)));
  for (const r of (rows.network_inferences ?? []) as { topic_id: string | number; nonce: string | number }[]) add(r.topic_id, r.nonce);
  const heights = (rows.blocks ?? []).map((b) => String((b as { height: string | number }).height));
  if (heights.length) {
    const { rows: found } = await tx.query<{ topic_id: string; nonce: string }>(Prisma.sql`
      SELECT t.topic_id::text AS topic_id, h.v AS nonce FROM topics t CROSS JOIN json_array_elements_text(${JSON.stringify(heights)}::json) AS h(v)
      WHERE t.network_id = ${networkId}
        AND EXISTS (SELECT 1 FROM network_inferences WHERE network_id = ${networkId} AND topic_id = t.topic_id AND nonce = h.v::bigint)`);
    for (const f of found) add(f.topic_id, f.nonce);
  }
  if (nonces.size) {
    const { rows: topics } = await tx.query<Topic>(Prisma.sql`
      SELECT network_id, topic_id::text AS topic_id, metadata FROM topics
      WHERE network_id = ${networkId} AND topic_id IN (SELECT v::bigint FROM json_array_elements_text(${JSON.stringify([...nonces.keys()])}::json) AS j(v))`);
    for (const t of topics) {
      const list = JSON.stringify([...nonces.get(t.topic_id)!]);
      n += await writeRealized(tx, t, () => Prisma.sql`ni.nonce IN (SELECT v::bigint FROM json_array_elements_text(${list}::json) AS j(v))`, sources);
    }
  }
  // Prices: of every network's topics on the series (prices are not per network), the epochs whose instants fall
  // from the series' previous end (now covered) to the batch's last price (plus the tolerance a price reaches).
  const spans = new Map<string, { source: string; series: string; min: string; max: string }>();
  for (const p of (rows.ground_truth ?? []) as { source: string; series: string; time: string }[]) {
    const key = `${p.source}\t${p.series}`;
    const s = spans.get(key);
    const t = new Date(p.time).toISOString();
    if (!s) spans.set(key, { source: p.source, series: p.series, min: t, max: t });
    else if (t < s.min) s.min = t;
    else if (t > s.max) s.max = t;
  }
  if (spans.size === 0) return n;
  const { rows: all } = await tx.query<Topic>(Prisma.sql`SELECT network_id, topic_id::text AS topic_id, metadata FROM topics`);
  for (const s of spans.values()) {
    if (!sources.has(s.series)) sources.set(s.series, await latestSource(tx, s.series));
    if (sources.get(s.series) !== s.source) continue; // the page reads another source: rows under this one are not read
    const {
      rows: [prev],
    } = await tx.query<{ t: string | null }>(Prisma.sql`
      SELECT max(time) AS t FROM ground_truth WHERE source = ${s.source} AND series = ${s.series} AND time < ${s.min}::timestamptz`);
    const from = Prisma.sql`least(${prev?.t ?? null}::timestamptz, ${s.min}::timestamptz)`;
    for (const t of all.filter((x) => truthSeries(parseTopicMetadata(x.metadata)) === s.series)) {
      n += await writeRealized(
        tx,
        t,
        (h) => byTime(t.network_id, Prisma.sql`${from} - ${h}::int * interval '1 second'`, Prisma.sql`${s.max}::timestamptz + ${PRICE_TOLERANCE_SECONDS}::int * interval '1 second'`),
        sources,
      );
    }
  }
  return n;
}

/** Computes the realized value of every epoch of the network whose block time is in [from, to): a COPYed history. */
export async function rebuildRealized(tx: SqlTransaction, networkId: number, from: Date, to: Date): Promise<number> {
  const { rows: topics } = await tx.query<Topic>(Prisma.sql`SELECT network_id, topic_id::text AS topic_id, metadata FROM topics WHERE network_id = ${networkId}`);
  const sources = new Map<string, string | null>();
  let n = 0;
  const scope = () => byTime(networkId, Prisma.sql`${from}::timestamptz`, Prisma.sql`${to}::timestamptz - interval '1 millisecond'`);
  for (const t of topics) n += await writeRealized(tx, t, scope, sources);
  return n;
}
