// Chain behaviour over HTTP: heights, live blocks, staking views, mint, consumer API, market data,
// and the record agreeing with what block_results carried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { getJson, list, obj } from "./helpers";

let d: Devnet;

beforeAll(async () => {
  d = await startDevnet({ days: 2, blockTimeMs: 0, port: 0, apiKey: "test-key" });
});

afterAll(async () => {
  await d?.close();
});

describe("devnet heights", () => {
  it("serves /status, rejects future heights like a node and answers historical queries", async () => {
    const tip = d.sim.height();
    expect(tip).toBe(2 * 17280);
    const status = obj(obj((await getJson(`${d.url}/status`)).body).result);
    expect(obj(status.sync_info).latest_block_height).toBe(String(tip));
    const future = await getJson(`${d.url}/block?height=${tip + 1}`);
    expect(future.status).toBe(500);
    expect(obj(obj(future.body).error).data).toContain("must be less than or equal to the current blockchain height");
    const rest = await getJson(`${d.url}/emissions/v10/topics/1`, { "x-cosmos-block-height": String(tip + 10) });
    expect(rest.status).toBe(400);
    expect(obj(rest.body).code).toBe(3);
    const early = await getJson(`${d.url}/emissions/v10/topics/1`, { "x-cosmos-block-height": "1" });
    expect(early.status).toBe(404);
    const block = obj(obj(obj((await getJson(`${d.url}/block?height=100`)).body).result).block);
    expect(obj(block.header).time).toBe("2026-11-01T00:08:15Z");
  });

  it("advances the chain live and keeps history unchanged", async () => {
    const before = (await getJson(`${d.url}/block_results?height=1000`)).text;
    const res = await fetch(`${d.url}/__devnet/advance`, { method: "POST", body: JSON.stringify({ blocks: 25 }) });
    expect(obj(await res.json()).height).toBe(2 * 17280 + 25);
    expect((await getJson(`${d.url}/block_results?height=1000`)).text).toBe(before);
    const live = await startDevnet({ historyBlocks: 500, blockTimeMs: 100, port: 0 });
    try {
      await new Promise((r) => setTimeout(r, 450));
      const h = Number(obj((await getJson(`${live.url}/__devnet/info`)).body).height);
      expect(h).toBeGreaterThanOrEqual(503);
    } finally {
      await live.close();
    }
  });
});

describe("devnet state", () => {
  it("pages validators and shows delegations and unbondings", async () => {
    const page1 = obj((await getJson(`${d.url}/cosmos/staking/v1beta1/validators?pagination.limit=5`)).body);
    expect(list(page1.validators)).toHaveLength(5);
    const next = String(obj(page1.pagination).next_key);
    const page2 = obj((await getJson(`${d.url}/cosmos/staking/v1beta1/validators?pagination.limit=5&pagination.key=${encodeURIComponent(next)}`)).body);
    expect(list(page2.validators)[0]!.operator_address).not.toBe(list(page1.validators)[0]!.operator_address);
    const all = list(obj((await getJson(`${d.url}/cosmos/staking/v1beta1/validators`)).body).validators);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(obj(obj(all[0]!.commission).commission_rates).rate).toMatch(/^0\.\d{18}$/);
    const staker = d.sim.validators.stakers[0]!;
    const dels = obj((await getJson(`${d.url}/cosmos/staking/v1beta1/delegations/${staker}`)).body);
    expect(list(dels.delegation_responses).length).toBeGreaterThan(0);
  });

  it("keeps reputer stake = self + delegated, and exposes placements and reward per share", async () => {
    const e = d.sim.engine(4)!;
    const reputer = e.actors.reputers.find((r) => d.sim.ledger.delegatedAt(4, r.address, d.sim.height()) > 0n)!.address;
    const get = async (p: string) => obj((await getJson(`${d.url}/emissions/v10/${p}`)).body);
    const total = BigInt(String((await get(`reputer_stake/${reputer}/4`)).amount));
    const self = BigInt(String((await get(`reputer_stake_self/${reputer}/4`)).amount));
    const delegated = BigInt(String((await get(`reputer_delegate_stake/${reputer}/4`)).amount));
    expect(total).toBe(self + delegated);
    expect(String((await get(`delegate_reward_per_share/4/${reputer}`)).reward_per_share)).toMatch(/^\d+(\.\d+)?$/);
    const delegator = [...(d.sim.ledger.delegatorsOf.get(4) ?? [])][0]!;
    const placement = obj((await get(`delegate_stake_placement/4/${delegator}/${reputer}`)).delegator_info);
    expect(Object.keys(placement)).toEqual(["amount", "reward_debt"]);
    const params = obj((await get("params")).params);
    expect(params.remove_stake_delay_window).toBe("17280");
  });

  it("reports mint emission info consistent with stake", async () => {
    const info = obj((await getJson(`${d.url}/mint/v5/emission_info`)).body);
    expect(BigInt(String(info.validator_cut)) + BigInt(String(info.allora_rewards_cut))).toBe(BigInt(String(info.block_emission)));
    const bonded = BigInt(String(obj(obj((await getJson(`${d.url}/cosmos/staking/v1beta1/pool`)).body).pool).bonded_tokens));
    const emissionsStake = BigInt(String(obj((await getJson(`${d.url}/emissions/v10/total_stake`)).body).amount));
    expect(BigInt(String(info.network_staked_tokens))).toBe(bonded + emissionsStake);
  });
});

describe("devnet off-chain endpoints", () => {
  it("serves the consumer API behind x-api-key, labeled as simulated", async () => {
    const path = `${d.url}/v2/allora/consumer/ethereum-11155111?allora_topic_id=1&inference_value_type=uint256`;
    expect((await getJson(path)).status).toBe(401);
    const { status, body, text } = await getJson(path, { "x-api-key": "test-key" });
    expect(status).toBe(200);
    expect(text).toContain("simulated");
    const data = obj(obj(obj(body).data).inference_data);
    expect(data.confidence_interval_percentiles).toEqual(["2280000000000000000", "15870000000000000000", "50000000000000000000", "84130000000000000000", "97720000000000000000"]);
    const values = (data.confidence_interval_values_normalized as string[]).map(Number);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(String(obj(obj(body).data).signature)).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it("serves OHLC candles that are the ground truth", async () => {
    const from = Date.parse("2026-11-01T06:00:00Z");
    const { body } = await getJson(`${d.url}/market/ETH/ohlc?from=${from}&to=${from + 3_600_000}&interval=300`);
    const candles = list(obj(body).candles);
    expect(candles).toHaveLength(13);
    for (const c of candles) {
      expect(Number(c.high)).toBeGreaterThanOrEqual(Math.max(Number(c.open), Number(c.close)));
      expect(Number(c.low)).toBeLessThanOrEqual(Math.min(Number(c.open), Number(c.close)));
    }
    const h = (Date.parse("2026-11-01T06:05:00Z") - Date.parse("2026-11-01T00:00:00Z")) / 5000;
    expect(Number(candles[0]!.close)).toBe(d.sim.market.price("ETH", h));
  });
});

describe("devnet record", () => {
  it("matches the events served in block_results over the same range", async () => {
    const to = d.sim.height() - 100;
    const from = to - 400;
    const record = obj((await getJson(`${d.url}/__devnet/record?from=${from}&to=${to}`)).body);
    const counts = obj(record.counts) as Record<string, number>;
    const tally = new Map<string, number>();
    const combined: string[] = [];
    for (let h = from; h <= to; h++) {
      const r = obj(obj((await getJson(`${d.url}/block_results?height=${h}`)).body).result);
      const events = [...list(r.finalize_block_events), ...list(r.txs_results).flatMap((t) => list(t.events))];
      for (const ev of events) {
        const name = String(ev.type).split(".").at(-1)!;
        tally.set(name, (tally.get(name) ?? 0) + 1);
        if (name === "EventNetworkInferenceBundle") combined.push(String(list(ev.attributes).find((a) => a.key === "combined_value")!.value));
      }
    }
    expect(counts.inferences).toBe(tally.get("EventInsertInfererPayload"));
    expect(counts.forecasts).toBe(tally.get("EventInsertForecasterPayload"));
    expect(counts.network_inferences).toBe(tally.get("EventNetworkInferenceBundle"));
    expect(counts.losses).toBe(tally.get("EventNetworkLossSet"));
    expect(counts.topic_rewards).toBe(tally.get("EventTopicRewardsSet"));
    expect(list(record.network_inferences).map((n) => JSON.stringify(n.combined_value))).toEqual(combined);
    expect(counts.validators).toBeGreaterThanOrEqual(10);
    expect(counts.prices).toBeGreaterThan(0);
    expect(record.simulated).toBe(true);
  });
});
