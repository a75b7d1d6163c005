// Compares what the collector stored with what the devnet says it produced (its record), row for row and digit for
// digit. Each entry maps one record table and one database table to the same canonical strings.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Check } from "./devnet-expectations";

type Row = Record<string, unknown>;
type Rec = Record<string, unknown>;

const actor = (raw: unknown) => {
  const s = String(raw).toUpperCase();
  return s.includes("REPUTER") ? "reputer" : s.includes("FORECASTER") ? "forecaster" : "inferer";
};
const j = (...parts: unknown[]) => parts.map((p) => String(p)).join("|");
const rows = (record: Rec, key: string) => (record[key] as Row[] | undefined) ?? [];

async function q(prisma: PrismaClient, sql: string): Promise<string[]> {
  const result = await prisma.$queryRawUnsafe<{ k: string }[]>(sql);
  return result.map((r) => r.k);
}

export type Comparison = { table: string; expected: number; missing: string[]; unexpected: string[] };

/** The table a comparison is about ("scores (ema)" → "scores"). */
export const tableOf = (c: Comparison) => c.table.replace(/ \(.*\)$/, "");

/**
 * Every check, record-based ones first, then `extra` (from devnet-expectations): for each, the rows the devnet says
 * the table holds that it lacks (`missing`) and the rows it holds that the devnet never produced (`unexpected`).
 */
export async function compareWithRecord(prisma: PrismaClient, record: Rec, extra: Check[] = []): Promise<Comparison[]> {
  const checks: Check[] = [
    [
      "worker_inferences",
      rows(record, "inferences").flatMap((r) =>
        ((r.values as { label: string; value: string }[] | undefined) ?? [{ label: "y", value: String(r.value) }]).map((v) => j(r.topic_id, r.nonce, r.inferer, v.label, v.value, r.height)),
      ),
      `SELECT concat_ws('|', topic_id, nonce, inferer, label, value::text, block_height) AS k FROM worker_inferences`,
    ],
    [
      "forecasts",
      rows(record, "forecasts").flatMap((r) => (r.elements as Row[]).map((e) => j(r.topic_id, r.nonce, r.forecaster, e.inferer, e.value))),
      `SELECT concat_ws('|', topic_id, nonce, forecaster, inferer, value::text) AS k FROM forecasts`,
    ],
    [
      "network_inferences",
      rows(record, "network_inferences").flatMap((r) =>
        (r.labels as string[]).map((label, i) => j(r.topic_id, r.nonce, label, (r.combined_value as string[])[i], (r.naive_value as string[])[i])),
      ),
      `SELECT concat_ws('|', topic_id, nonce, label, combined_value::text, naive_value::text) AS k FROM network_inferences`,
    ],
    [
      "inference_weights",
      rows(record, "weights").map((r) => j(r.topic_id, r.nonce, r.actor_type, r.address, r.weight)),
      `SELECT concat_ws('|', topic_id, nonce, actor_type, address, weight::text) AS k FROM inference_weights WHERE weight IS NOT NULL`,
    ],
    [
      "loss_bundles (reputers)",
      rows(record, "reputer_losses").map((r) => j(r.topic_id, r.nonce, r.reputer, r.combined_loss, r.naive_loss)),
      `SELECT concat_ws('|', topic_id, nonce, reputer, combined_value::text, naive_value::text) AS k FROM loss_bundles WHERE reputer <> ''`,
    ],
    [
      "loss_bundles (network)",
      rows(record, "losses").map((r) => j(r.topic_id, r.nonce, r.combined_loss, r.naive_loss)),
      `SELECT concat_ws('|', topic_id, nonce, combined_value::text, naive_value::text) AS k FROM loss_bundles WHERE reputer = ''`,
    ],
    [
      "scores (instant)",
      rows(record, "scores").map((r) => j(r.topic_id, actor(r.actor_type), r.address, r.nonce, r.score)),
      `SELECT concat_ws('|', topic_id, actor_type, address, block_height, score::text) AS k FROM scores WHERE kind = 'instant'`,
    ],
    [
      "scores (ema)",
      rows(record, "ema_scores").map((r) => j(r.topic_id, actor(r.actor_type), r.address, r.nonce, r.score)),
      `SELECT concat_ws('|', topic_id, actor_type, address, block_height, score::text) AS k FROM scores WHERE kind = 'ema'`,
    ],
    [
      "rewards",
      rows(record, "rewards").map((r) => j(r.topic_id, actor(r.actor_type), r.address, r.nonce, r.reward)),
      `SELECT concat_ws('|', topic_id, actor_type, address, block_height, amount::text) AS k FROM rewards`,
    ],
    [
      "topic_rewards",
      rows(record, "topic_rewards").map((r) => j(r.topic_id, r.height, r.amount)),
      `SELECT concat_ws('|', topic_id, block_height, amount::text) AS k FROM topic_rewards`,
    ],
    [
      "stake_events",
      [
        ...rows(record, "stakes").map((r) => j(r.height, r.kind === "add" ? "add_stake" : "remove_stake", r.topic_id, r.reputer, r.delegator, r.amount)),
        ...rows(record, "delegate_rewards").map((r) => j(r.height, "delegate_reward_claimed", r.topic_id, r.reputer, r.delegator, r.amount)),
        ...rows(record, "delegate_reward_distributions").map((r) => j(r.height, "delegate_reward_distributed", r.topic_id, r.reputer, "", r.amount)),
      ],
      `SELECT concat_ws('|', block_height, kind, topic_id, reputer, delegator, amount::text) AS k FROM stake_events`,
    ],
    [
      "reward_per_share",
      rows(record, "reward_per_share").map((r) => j(r.topic_id, r.reputer, r.height, r.reward_per_share)),
      `SELECT concat_ws('|', topic_id, reputer, block_height, reward_per_share::text) AS k FROM reward_per_share`,
    ],
    [
      "stake_removals",
      rows(record, "removals").map((r) => j(r.topic_id, r.reputer, r.delegator ?? "", r.requested_height, r.amount, r.completion_height, r.status)),
      `SELECT concat_ws('|', topic_id, reputer, delegator, requested_height, amount::text, completion_height, status) AS k FROM stake_removals`,
    ],
    [
      "registrations",
      rows(record, "registrations").map((r) => j(r.topic_id, r.address, r.kind, r.height)),
      `SELECT concat_ws('|', topic_id, address, role, registered_height) AS k FROM registrations`,
    ],
    [
      "validators",
      rows(record, "validators").map((r) => j(r.operator_address, r.moniker, r.jailed, r.tokens, r.commission_rate)),
      `SELECT concat_ws('|', operator_address, moniker, CASE WHEN jailed THEN 'true' ELSE 'false' END, tokens::text, commission_rate::text) AS k FROM validators`,
    ],
    ...extra,
  ];
  const results: Comparison[] = [];
  for (const [table, expectedRows, sql] of checks) {
    const actual = new Set(await q(prisma, sql));
    const expected = new Set(expectedRows);
    results.push({
      table,
      expected: expected.size,
      missing: [...expected].filter((k) => !actual.has(k)).slice(0, 5),
      unexpected: [...actual].filter((k) => !expected.has(k)).slice(0, 5),
    });
  }
  return results;
}

/** A fingerprint of every indexed table's full contents: equal digests mean identical final states. */
export async function digestTables(prisma: PrismaClient, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number; d: string | null }[]>(
      // Without network_id: two collectors racing to register the network may leave it a different serial id.
      `SELECT count(*)::int AS n, md5(string_agg(r, E'\\n' ORDER BY r)) AS d FROM (SELECT (to_jsonb(t) - 'network_id')::text AS r FROM "${table}" t) x`,
    );
    out[table] = `${row?.n ?? 0}:${row?.d ?? "-"}`;
  }
  return out;
}
