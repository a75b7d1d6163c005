// `npm run bench:account`: p50/p95 of every account-page query on a benchmark dataset of 10,000 delegators and
// 100,000 stake events (goal: each under 100 ms p95). The dataset is SYNTHETIC — generated here and loaded with
// COPY into a scratch Postgres database with a unique name, dropped afterwards; it is not chain data. Uses
// DATABASE_URL (default: the local Postgres). Runtime is bounded: BENCH_ITERATIONS (default 200) per query, and
// at most BENCH_SECONDS (default 10) each. Run with the react-server condition so lib/queries' "server-only" loads.
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { bech32 } from "bech32";
import { openDatabase } from "@/lib/db/client";
import { setDatabase } from "@/lib/db";

process.env.ALLORA_NETWORK = "testnet";
const DELEGATORS = 10_000;
const STAKE_EVENTS = 100_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BLOCKS = 30 * 17_280; // 30 days of 5-second blocks, so the 7- and 30-day windows have history
const GENESIS = Date.parse("2026-10-01T00:00:00Z");
const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const int = (n: number) => Math.floor(rand() * n);
const address = (prefix: string, n: number) => bech32.encode(prefix, bech32.toWords(Uint8Array.from({ length: 20 }, (_, i) => (n >> (8 * (i % 4))) & 0xff ^ i)));
const iso = (h: number) => new Date(GENESIS + h * 5000).toISOString();
const allo = (n: number) => `${BigInt(Math.max(1, Math.round(n))) * 10n ** 18n}`;

const delegators = Array.from({ length: DELEGATORS }, (_, i) => address("allo", 1_000_000 + i));
const reputers = Array.from({ length: 40 }, (_, i) => ({ topic: (i % 6) + 1, address: address("allo", 2_000_000 + i) }));
const validators = Array.from({ length: 100 }, (_, i) => address("allovaloper", 3_000_000 + i));

function* tableRows(table: string): Generator<(string | number | boolean | null)[]> {
  switch (table) {
    case "blocks":
      for (let h = 1; h <= BLOCKS; h++) yield [1, h, iso(h), null, 0, 0];
      return;
    case "reputer_stakes":
      for (const r of reputers) for (let h = 1000; h <= BLOCKS; h += 1000) yield [1, r.topic, r.address, h, allo(5000 + h / 100), allo(20000 + h / 50)];
      return;
    case "reward_per_share":
      for (const r of reputers) for (let h = 500; h <= BLOCKS; h += 250) yield [1, r.topic, r.address, h, `0.${String(h * 37).padStart(12, "0")}123456789`];
      return;
    case "delegator_placements":
      for (const [i, d] of delegators.entries())
        for (let k = 0; k < 1 + (i % 3); k++) {
          const r = reputers[(i + k * 7) % reputers.length]!;
          for (let h = 2000 + (i % 5000); h < BLOCKS; h += 150_000) yield [1, r.topic, r.address, d, h, allo(100 + int(5000)), `${int(1e9)}.5`];
        }
      return;
    case "stake_events":
      for (let e = 0; e < STAKE_EVENTS; e++) {
        const h = 1 + Math.floor((e / STAKE_EVENTS) * (BLOCKS - 2));
        const r = reputers[int(reputers.length)]!;
        const kind = ["add_stake", "remove_stake", "delegate_reward_claimed"][e % 3]!;
        yield [1, h, 0, kind, r.topic, r.address, e % 10 === 9 ? "" : delegators[int(DELEGATORS)]!, allo(1 + int(1000))];
      }
      return;
    case "stake_removals":
      for (let i = 0; i < 20_000; i++) {
        const r = reputers[i % reputers.length]!;
        const h = BLOCKS - 40_000 + i;
        const pending = i % 4 === 0;
        yield [1, r.topic, r.address, i % 10 === 0 ? "" : delegators[int(DELEGATORS)]!, h, allo(50), h + 17_280 * (pending ? 3 : 1), pending ? "pending" : "completed", null, pending ? null : h + 17_280];
      }
      return;
    case "validators":
      for (const [i, v] of validators.entries())
        yield [1, v, `v${i}`, "", "", "", i < 90 ? "BOND_STATUS_BONDED" : "BOND_STATUS_UNBONDED", i === 95, allo(1e6 + i * 1e4), "1000.0", "0.05", "0.2", "0.01", null, "1", BLOCKS];
      return;
    case "validator_delegations":
      for (const [i, d] of delegators.entries())
        for (let k = 0; k < 1 + (i % 2); k++) yield [1, d, validators[(i + k * 13) % validators.length]!, "100.0", allo(100 + (i % 900)), BLOCKS];
      return;
    case "validator_unbondings":
      for (let i = 0; i < 5000; i++) yield [1, delegators[(i * 2) % DELEGATORS]!, validators[i % 100]!, BLOCKS - 1000 - i, iso(BLOCKS + 100_000), allo(10), allo(10), "pending", BLOCKS];
      return;
    case "emission_snapshots":
      for (let h = 17_280; h <= BLOCKS; h += 17_280) yield [1, h, null, null, allo(3e6), null, null, "0.25", null, null, null];
      return;
  }
}

const COLUMNS: Record<string, string[]> = {
  blocks: ["network_id", "height", "time", "hash", "tx_count", "event_count"],
  reputer_stakes: ["network_id", "topic_id", "reputer", "block_height", "self_stake", "delegated_stake"],
  reward_per_share: ["network_id", "topic_id", "reputer", "block_height", "reward_per_share"],
  delegator_placements: ["network_id", "topic_id", "reputer", "delegator", "block_height", "amount", "reward_debt"],
  stake_events: ["network_id", "block_height", "event_index", "kind", "topic_id", "reputer", "delegator", "amount"],
  stake_removals: ["network_id", "topic_id", "reputer", "delegator", "requested_height", "amount", "completion_height", "status", "cancelled_height", "completed_height"],
  validators: ["network_id", "operator_address", "moniker", "identity", "website", "details", "status", "jailed", "tokens", "delegator_shares", "commission_rate", "commission_max_rate", "commission_max_change_rate", "commission_updated_at", "min_self_delegation", "updated_height"],
  validator_delegations: ["network_id", "delegator", "operator_address", "shares", "amount", "updated_height"],
  validator_unbondings: ["network_id", "delegator", "operator_address", "creation_height", "completion_time", "initial_balance", "balance", "status", "updated_height"],
  emission_snapshots: ["network_id", "block_height", "inflation", "block_emission", "emission_per_month", "network_staked_tokens", "circulating_supply", "validators_percent", "reputers_percent", "ecosystem_mint", "raw"],
};

async function copyTable(client: pg.Client, table: string): Promise<number> {
  let n = 0;
  const text = function* () {
    for (const row of tableRows(table)) {
      n++;
      yield `${row.map((v) => (v === null ? "\\N" : String(v))).join("\t")}\n`;
    }
  };
  await pipeline(Readable.from(text()), client.query(copyFrom(`COPY ${table} (${COLUMNS[table]!.join(", ")}) FROM STDIN`)));
  return n;
}

const name = `bench_account_issue11_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
const db = await openDatabase({ kind: "postgres", url: url.toString() });
setDatabase(db);
const loader = new pg.Client({ connectionString: url.toString() });
try {
  await loader.connect();
  await loader.query(`INSERT INTO networks (id, chain_id, name, kind, simulated) VALUES (1, 'allora-bench-1', 'Bench (synthetic)', 'testnet', false)`);
  const t0 = performance.now();
  const counts: string[] = [];
  for (const table of Object.keys(COLUMNS)) counts.push(`${table} ${(await copyTable(loader, table)).toLocaleString("en-US")}`);
  await loader.query("ANALYZE");
  console.log(`dataset (synthetic, COPY): ${counts.join(", ")} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { getAccount, listOwnStakes, listReputerDelegations, listValidatorDelegations } = await import("@/lib/queries/staking-account");
  const { listAccountExits } = await import("@/lib/queries/staking-exits");
  const { listAccountHistory } = await import("@/lib/queries/staking-history");
  const { readBlockClock } = await import("@/lib/queries/staking-chain");
  const { findFollowedNetworkId } = await import("@/lib/queries/network");
  const clock = (await readBlockClock(1))!;
  const last30 = { from: new Date(clock.timeMs - 30 * 86_400_000), to: null };
  // Reputers are accounts too: every tenth sample is one, so the own-stake and self-removal paths are measured.
  const sample = (i: number) => (i % 10 === 9 ? reputers[i % reputers.length]!.address : delegators[(i * 7919) % DELEGATORS]!);
  const queries: [string, (a: string) => Promise<unknown>][] = [
    ["findFollowedNetworkId", () => findFollowedNetworkId()],
    ["readBlockClock", () => readBlockClock(1)],
    ["listReputerDelegations", (a) => listReputerDelegations(1, a)],
    ["listOwnStakes", (a) => listOwnStakes(1, a)],
    ["listValidatorDelegations", (a) => listValidatorDelegations(1, a)],
    ["listAccountExits", (a) => listAccountExits(1, a, clock)],
    ["listAccountHistory (page, 100 rows, 30 d)", (a) => listAccountHistory(a, last30, 100)],
    ["listAccountHistory (CSV, all rows)", (a) => listAccountHistory(a, { from: null, to: null })],
    ["getAccount (whole page read)", (a) => getAccount(a)],
  ];
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  let worst = 0;
  for (const [label, run] of queries) {
    for (let i = 0; i < 5; i++) await run(sample(i)); // warm-up: plans cached, pool connected
    const times: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    for (let i = 0; i < ITERATIONS && performance.now() < deadline; i++) {
      const t = performance.now();
      await run(sample(i + 5));
      times.push(performance.now() - t);
    }
    const p95 = pct(times, 95);
    if (!label.startsWith("getAccount")) worst = Math.max(worst, p95);
    console.log(`${label.padEnd(44)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${times.length} runs)`);
  }
  console.log(`slowest account-page query p95: ${worst.toFixed(1)} ms (goal < 100 ms)`);
} finally {
  await loader.end().catch(() => undefined);
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
