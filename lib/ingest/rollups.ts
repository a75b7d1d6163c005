// Per-(topic, hour) rollups of losses, effects, inclusions and rewards (loss_hours, worker_hours, reward_hours),
// so the topic page's long ranges read hours instead of every epoch × worker row. They are derived data, rewritten
// in the ingest transaction for every (topic, hour) a batch touched: recomputed from the stored rows, never
// incremented, so an overlapping or replayed batch leaves them exactly as a fresh rebuild would. The benchmark's
// dataset is rolled up by `rebuildRollups`, the same statements over every hour.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import type { IngestBatch } from "./batch-schema";
import { rebuildPriceHours, refreshPriceHours } from "./price-rollups";

type Rows = IngestBatch["rows"];
type TopicNonce = { topic_id: string; nonce: string };

// The tables whose rows feed the rollups, keyed by the nonce (rewards: the height) whose block's hour they fall in.
const NONCE_TABLES = ["loss_bundles", "loss_values", "network_inferences", "network_inference_values", "inference_weights", "rewards"] as const;

function touchedNonces(rows: Rows): TopicNonce[] {
  const seen = new Map<string, TopicNonce>();
  for (const name of NONCE_TABLES) {
    for (const r of (rows[name] ?? []) as { topic_id: string | number; nonce?: string | number; block_height?: string | number }[]) {
      const nonce = String(name === "rewards" ? r.block_height : r.nonce);
      const key = `${r.topic_id}:${nonce}`;
      if (!seen.has(key)) seen.set(key, { topic_id: String(r.topic_id), nonce });
    }
  }
  return [...seen.values()];
}

/** Rewrites the rollup rows of every (topic, hour) the batch's rows fall in; returns how many pairs. */
export async function refreshRollups(tx: SqlTransaction, networkId: number, rows: Rows): Promise<number> {
  await refreshPriceHours(tx, rows.ground_truth);
  const nonces = touchedNonces(rows);
  const heights = (rows.blocks ?? []).map((b) => String((b as { height: string | number }).height));
  if (nonces.length === 0 && heights.length === 0) return 0;
  // A block that arrives after the rows at its height (a backfill out of order) gives those rows their hour. Each
  // EXISTS carries OFFSET 0 so it stays one primary-key probe per (topic, height): without statistics (no autovacuum,
  // or PGlite) the planner hashed every loss bundle of the network instead, each batch (78 ms on a devnet week; 21 ms).
  const { rows: pairs } = await tx.query<{ topic_id: string; hour: string }>(Prisma.sql`
    WITH x AS (
      SELECT topic_id, nonce FROM json_to_recordset(${JSON.stringify(nonces)}::json) AS r(topic_id bigint, nonce bigint)
      UNION
      SELECT t.topic_id, h.height FROM topics t CROSS JOIN json_array_elements_text(${JSON.stringify(heights)}::json) AS j(v)
      CROSS JOIN LATERAL (SELECT j.v::bigint AS height) h
      WHERE t.network_id = ${networkId}
        AND (EXISTS (SELECT 1 FROM loss_bundles WHERE network_id = ${networkId} AND topic_id = t.topic_id AND nonce = h.height OFFSET 0)
          OR EXISTS (SELECT 1 FROM network_inference_values WHERE network_id = ${networkId} AND topic_id = t.topic_id AND nonce = h.height OFFSET 0)
          OR EXISTS (SELECT 1 FROM rewards WHERE network_id = ${networkId} AND topic_id = t.topic_id AND block_height = h.height OFFSET 0))
    )
    SELECT DISTINCT x.topic_id::text AS topic_id, date_trunc('hour', b.time) AS hour
    FROM x JOIN blocks b ON b.network_id = ${networkId} AND b.height = x.nonce`);
  if (pairs.length === 0) return 0;
  const scope = Prisma.sql`SELECT topic_id, hour FROM json_to_recordset(${JSON.stringify(pairs)}::json) AS s(topic_id bigint, hour timestamptz)`;
  await writeHours(tx, networkId, scope);
  return pairs.length;
}

/** Rolls up every topic's hours in [from, to) from the stored rows (the benchmark's COPYed history). */
export async function rebuildRollups(tx: SqlTransaction, networkId: number, from: Date, to: Date): Promise<void> {
  await rebuildPriceHours(tx, from, to);
  await writeHours(tx, networkId, Prisma.sql`
    SELECT t.topic_id, g.hour FROM topics t
    CROSS JOIN generate_series(date_trunc('hour', ${from}::timestamptz), ${to}::timestamptz - interval '1 microsecond', interval '1 hour') AS g(hour)
    WHERE t.network_id = ${networkId}`);
}

/** The rollups of the (topic_id, hour) pairs `scope` selects. */
async function writeHours(tx: SqlTransaction, n: number, scope: Prisma.Sql): Promise<void> {
  // Block time never decreases with height, so an hour is one range of heights (its first and last block by the
  // time index), and every read below is a range or point lookup on a primary key, per scoped hour: each LATERAL
  // carries OFFSET 0 so the planner cannot flatten it into a join (blind to the scope's size, it then chose
  // whole-table scans on a year of data).
  const hours = Prisma.sql`
    SELECT s.topic_id, s.hour, lo.height AS lo, hi.height AS hi FROM (${scope}) s
    CROSS JOIN LATERAL (SELECT height FROM blocks WHERE network_id = ${n} AND time >= s.hour AND time < s.hour + interval '1 hour'
                        ORDER BY time, height LIMIT 1) lo
    CROSS JOIN LATERAL (SELECT height FROM blocks WHERE network_id = ${n} AND time >= s.hour AND time < s.hour + interval '1 hour'
                        ORDER BY time DESC, height DESC LIMIT 1) hi`;
  await tx.query(lossHours(n, hours));
  await tx.query(workerHours(n, hours));
  await tx.query(Prisma.sql`
    WITH h AS (${hours})
    INSERT INTO reward_hours (network_id, topic_id, grain, hour, role, actor, amount, n)
    SELECT ${n}, h.topic_id, 'h', h.hour, r.actor_type, r.address, sum(r.amount), count(*)::int
    FROM h CROSS JOIN LATERAL (SELECT actor_type, address, amount FROM rewards
                               WHERE network_id = ${n} AND topic_id = h.topic_id AND block_height BETWEEN h.lo AND h.hi OFFSET 0) r
    GROUP BY h.topic_id, h.hour, r.actor_type, r.address
    ON CONFLICT (network_id, topic_id, grain, hour, role, actor) DO UPDATE SET amount = EXCLUDED.amount, n = EXCLUDED.n`);
  for (const statement of dayRows(n, scope)) await tx.query(statement);
}

function lossHours(n: number, hours: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH h AS (${hours}), ep AS (
      SELECT h.topic_id, h.hour, lb.nonce, NULLIF(lb.combined_value, 'NaN')::float8 AS net, NULLIF(lb.naive_value, 'NaN')::float8 AS naive
      FROM h CROSS JOIN LATERAL (SELECT nonce, combined_value, naive_value FROM loss_bundles
        WHERE network_id = ${n} AND topic_id = h.topic_id AND nonce BETWEEN h.lo AND h.hi AND reputer = '' OFFSET 0) lb
    ), agg AS (
      -- The network's wins and net_sum / net_n are against the naive loss, over the epochs that have both.
      SELECT topic_id, hour, 'network' AS role, '' AS actor, count(net)::int AS n, sum(net) AS loss_sum,
             (count(*) FILTER (WHERE net < naive))::int AS wins,
             sum(naive) FILTER (WHERE net IS NOT NULL) AS naive_sum, (count(naive) FILTER (WHERE net IS NOT NULL))::int AS naive_n,
             sum(net) FILTER (WHERE naive IS NOT NULL) AS net_sum, (count(net) FILTER (WHERE naive IS NOT NULL))::int AS net_n
      FROM ep GROUP BY topic_id, hour
      UNION ALL
      SELECT ep.topic_id, ep.hour, 'inferer', v.actor, count(*)::int, sum(v.value::float8), (count(*) FILTER (WHERE ep.net < v.value::float8))::int, NULL, 0,
             sum(ep.net), count(ep.net)::int
      FROM ep CROSS JOIN LATERAL (SELECT actor, value FROM loss_values WHERE network_id = ${n} AND topic_id = ep.topic_id AND nonce = ep.nonce
        AND reputer = '' AND kind = 'inferer' AND peer = '' AND value <> 'NaN' OFFSET 0) v
      GROUP BY ep.topic_id, ep.hour, v.actor
      UNION ALL
      SELECT h.topic_id, h.hour, 'reputer', lb.reputer, count(*)::int, NULL, 0, NULL, 0, NULL, 0
      FROM h CROSS JOIN LATERAL (SELECT reputer FROM loss_bundles
        WHERE network_id = ${n} AND topic_id = h.topic_id AND nonce BETWEEN h.lo AND h.hi AND reputer <> '' OFFSET 0) lb
      GROUP BY h.topic_id, h.hour, lb.reputer
    )
    INSERT INTO loss_hours (network_id, topic_id, grain, hour, role, actor, n, loss_sum, wins, naive_sum, naive_n, net_sum, net_n)
    SELECT ${n}, topic_id, 'h', hour, role, actor, n, loss_sum, wins, naive_sum, naive_n, net_sum, net_n FROM agg
    ON CONFLICT (network_id, topic_id, grain, role, hour, actor) DO UPDATE SET
      n = EXCLUDED.n, loss_sum = EXCLUDED.loss_sum, wins = EXCLUDED.wins, naive_sum = EXCLUDED.naive_sum, naive_n = EXCLUDED.naive_n,
      net_sum = EXCLUDED.net_sum, net_n = EXCLUDED.net_n`;
}

function workerHours(n: number, hours: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH h AS (${hours}), e AS (
      SELECT h.topic_id, h.hour, ni.nonce, ni.label,
             NULLIF(ni.combined_value, 'NaN')::float8 AS combined, NULLIF(ni.naive_value, 'NaN')::float8 AS naive
      FROM h CROSS JOIN LATERAL (SELECT nonce, label, combined_value, naive_value FROM network_inferences
        WHERE network_id = ${n} AND topic_id = h.topic_id AND nonce BETWEEN h.lo AND h.hi AND outlier_resistant = false OFFSET 0) ni
    ), v AS (
      -- Inferers: combined − one-out; forecasters: one-in − naive (as lib/queries/forecast/effects.ts reads them).
      SELECT e.topic_id, e.hour, e.nonce, e.label, x.actor,
             CASE WHEN x.kind = 'one_out_inferer' THEN 'inferer' ELSE 'forecaster' END AS role,
             CASE WHEN x.kind = 'one_out_inferer' THEN e.combined - x.value::float8 ELSE x.value::float8 - e.naive END AS effect
      FROM e CROSS JOIN LATERAL (SELECT kind, actor, value FROM network_inference_values WHERE network_id = ${n} AND topic_id = e.topic_id
        AND nonce = e.nonce AND label = e.label AND outlier_resistant = false AND kind IN ('one_out_inferer', 'one_in_forecaster')
        AND peer = '' AND value <> 'NaN' OFFSET 0) x
    ), eff AS (
      SELECT v.topic_id, v.hour, v.label, v.role, v.actor, count(*)::int AS effect_n, sum(v.effect) AS effect_sum,
             count(NULLIF(iw.weight, 'NaN'))::int AS weight_n, sum(NULLIF(iw.weight, 'NaN')::float8) AS weight_sum
      FROM v LEFT JOIN LATERAL (SELECT weight FROM inference_weights WHERE network_id = ${n} AND topic_id = v.topic_id AND nonce = v.nonce
        AND actor_type = v.role AND address = v.actor OFFSET 0) iw ON true
      WHERE v.effect IS NOT NULL
      GROUP BY v.topic_id, v.hour, v.label, v.role, v.actor
    ), inc AS (
      SELECT h.topic_id, h.hour, x.label, x.kind AS role, x.actor, count(DISTINCT x.nonce)::int AS inclusions
      FROM h CROSS JOIN LATERAL (SELECT label, kind, actor, nonce FROM network_inference_values WHERE network_id = ${n} AND topic_id = h.topic_id
        AND nonce BETWEEN h.lo AND h.hi AND kind IN ('inferer', 'forecaster') AND outlier_resistant = false AND peer = '' OFFSET 0) x
      GROUP BY h.topic_id, h.hour, x.label, x.kind, x.actor
    )
    INSERT INTO worker_hours (network_id, topic_id, grain, hour, label, role, actor, inclusions, effect_n, effect_sum, weight_n, weight_sum)
    SELECT ${n}, topic_id, 'h', hour, label, role, actor, coalesce(inc.inclusions, 0), coalesce(eff.effect_n, 0), eff.effect_sum,
           coalesce(eff.weight_n, 0), eff.weight_sum
    FROM eff FULL JOIN inc USING (topic_id, hour, label, role, actor)
    ON CONFLICT (network_id, topic_id, grain, hour, label, role, actor) DO UPDATE SET
      inclusions = EXCLUDED.inclusions, effect_n = EXCLUDED.effect_n, effect_sum = EXCLUDED.effect_sum,
      weight_n = EXCLUDED.weight_n, weight_sum = EXCLUDED.weight_sum`;
}

/** Day rows (grain 'd'): each touched UTC day's hour rows summed, so long ranges read a row per day. */
function dayRows(n: number, scope: Prisma.Sql): Prisma.Sql[] {
  const days = Prisma.sql`SELECT DISTINCT topic_id, date_trunc('day', hour, 'UTC') AS day FROM (${scope}) s`;
  const hoursOf = Prisma.sql`network_id = ${n} AND topic_id = d.topic_id AND grain = 'h' AND hour >= d.day AND hour < d.day + interval '1 day'`;
  return [
    Prisma.sql`
      WITH d AS (${days})
      INSERT INTO loss_hours (network_id, topic_id, grain, hour, role, actor, n, loss_sum, wins, naive_sum, naive_n, net_sum, net_n)
      SELECT ${n}, d.topic_id, 'd', d.day, x.role, x.actor, sum(x.n)::int, sum(x.loss_sum), sum(x.wins)::int, sum(x.naive_sum), sum(x.naive_n)::int,
             sum(x.net_sum), sum(x.net_n)::int
      FROM d CROSS JOIN LATERAL (SELECT role, actor, n, loss_sum, wins, naive_sum, naive_n, net_sum, net_n FROM loss_hours
        WHERE ${hoursOf} AND role IN ('network', 'inferer', 'reputer') OFFSET 0) x
      GROUP BY d.topic_id, d.day, x.role, x.actor
      ON CONFLICT (network_id, topic_id, grain, role, hour, actor) DO UPDATE SET
        n = EXCLUDED.n, loss_sum = EXCLUDED.loss_sum, wins = EXCLUDED.wins, naive_sum = EXCLUDED.naive_sum, naive_n = EXCLUDED.naive_n,
        net_sum = EXCLUDED.net_sum, net_n = EXCLUDED.net_n`,
    Prisma.sql`
      WITH d AS (${days})
      INSERT INTO worker_hours (network_id, topic_id, grain, hour, label, role, actor, inclusions, effect_n, effect_sum, weight_n, weight_sum)
      SELECT ${n}, d.topic_id, 'd', d.day, x.label, x.role, x.actor, sum(x.inclusions)::int, sum(x.effect_n)::int, sum(x.effect_sum),
             sum(x.weight_n)::int, sum(x.weight_sum)
      FROM d CROSS JOIN LATERAL (SELECT label, role, actor, inclusions, effect_n, effect_sum, weight_n, weight_sum FROM worker_hours
        WHERE ${hoursOf} OFFSET 0) x
      GROUP BY d.topic_id, d.day, x.label, x.role, x.actor
      ON CONFLICT (network_id, topic_id, grain, hour, label, role, actor) DO UPDATE SET
        inclusions = EXCLUDED.inclusions, effect_n = EXCLUDED.effect_n, effect_sum = EXCLUDED.effect_sum,
        weight_n = EXCLUDED.weight_n, weight_sum = EXCLUDED.weight_sum`,
    Prisma.sql`
      WITH d AS (${days})
      INSERT INTO reward_hours (network_id, topic_id, grain, hour, role, actor, amount, n)
      SELECT ${n}, d.topic_id, 'd', d.day, x.role, x.actor, sum(x.amount), sum(x.n)::int
      FROM d CROSS JOIN LATERAL (SELECT role, actor, amount, n FROM reward_hours WHERE ${hoursOf} OFFSET 0) x
      GROUP BY d.topic_id, d.day, x.role, x.actor
      ON CONFLICT (network_id, topic_id, grain, hour, role, actor) DO UPDATE SET amount = EXCLUDED.amount, n = EXCLUDED.n`,
  ];
}
