// Each reputer's per-worker losses are stored in its loss_bundles row (the chain's column form), the network's as loss_values
// rows. What a user sees must not change with that: every value, digit for digit, in key order through JSON pages of
// any size and through CSV, a repeated batch merging instead of failing, and a malformed bundle refused by field.
import { describe, expect, it } from "vitest";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { describeTestDatabase } from "../support/test-db";
import { postThroughRoute, setRouteEnv, TEST_INGEST_TOKEN, withTestDatabase } from "../support/post-batch";
import { INFERER, inferenceBatch } from "../support/dataset-batches";
import { toReputerLosses, type LossSlot } from "@/lib/ingest/reputer-losses";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000" });
const { GET } = await import("@/app/api/v1/[dataset]/route");
const { POST } = await import("@/app/api/ingest/route");

const [W1, W2, W3] = [INFERER(0), INFERER(1), INFERER(2)];
const [R1, R2] = [INFERER(20), INFERER(21)];

// A reputer's bundle as the collector sends it, from its losses in the chain's order (not the export's key order).
const slotsOf = (scale: string): LossSlot[] => [
  { kind: "inferer", actor: W2, peer: "", value: `${scale}.000000000000000000000000000001` },
  { kind: "inferer", actor: W1, peer: "", value: `-${scale}` },
  { kind: "forecaster", actor: W3, peer: "", value: "0" },
  { kind: "one_out_inferer", actor: W1, peer: "", value: `${scale}99` },
  { kind: "one_out_inferer_forecaster", actor: W3, peer: W1, value: "0.000000000000000001" },
];
const reputerBundle = (nonce: number, reputer: string, scale: string) => ({
  topic_id: "1", nonce: String(nonce), reputer, combined_value: "0.5", naive_value: "NaN", block_height: String(nonce + 2), signature: null, pubkey: null,
  ...toReputerLosses(slotsOf(scale)),
});
const SCALES: Record<string, string> = { [`4|${R2}`]: "7", [`4|${R1}`]: "3", [`8|${R1}`]: "11" };

function lossBatch(): IngestBatch {
  return inferenceBatch(1, 12, 1, {
    loss_bundles: [
      { topic_id: "1", nonce: "4", reputer: "", combined_value: "0.25", naive_value: "0.5", block_height: "6", signature: null, pubkey: null },
      reputerBundle(4, R2, "7"),
      reputerBundle(4, R1, "3"),
      reputerBundle(8, R1, "11"),
      // A reputer whose values are unknown: NULL arrays, no rows, not a made-up empty report.
      { topic_id: "1", nonce: "8", reputer: R2, combined_value: null, naive_value: null, block_height: "10", signature: null, pubkey: null },
    ],
    loss_values: [
      { topic_id: "1", nonce: "4", reputer: "", kind: "inferer", actor: W1, peer: "", value: "0.125" },
      { topic_id: "1", nonce: "4", reputer: "", kind: "inferer", actor: W2, peer: "", value: "0.375" },
    ],
  });
}

const get = (dataset: string, query: string) =>
  GET(new Request(`http://localhost/api/v1/${dataset}?${query}`), { params: Promise.resolve({ dataset }) });

async function pages(dataset: string, query: string, limit: number) {
  const rows: Record<string, unknown>[] = [];
  let cursor = "";
  let n = 0;
  do {
    const res = await get(dataset, `${query}&limit=${limit}${cursor && `&cursor=${cursor}`}`);
    expect(res.status).toBe(200);
    const page = await res.json();
    rows.push(...page.rows);
    cursor = page.next_cursor ?? "";
    n++;
  } while (cursor);
  return { rows, pages: n };
}

const expected = () => {
  const rows = lossBatch().rows.loss_bundles!.flatMap((b) => {
    const scale = SCALES[`${b.nonce}|${b.reputer}`];
    const [nonce, reputer, block_height] = [String(b.nonce), String(b.reputer), String(b.block_height)];
    return scale === undefined ? [] : slotsOf(scale).map((slot) => ({ topic_id: "1", nonce, reputer, ...slot, block_height }));
  });
  // The natural key's order, part by part (the test's texts are ASCII letters, digits and '_', alike in every collation).
  const key = (r: (typeof rows)[number]) => [r.nonce.padStart(3, "0"), r.reputer, r.kind, r.actor, r.peer];
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const i = x.findIndex((part, j) => part !== y[j]);
    return i < 0 ? 0 : x[i]! < y[i]! ? -1 : 1;
  });
};

const withoutTime = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== "time"));

const store = withTestDatabase(lossBatch);

describe(`reputer losses stored in their bundle's row (${describeTestDatabase()})`, () => {
  it("exports every reputer's value, digit for digit, in key order, through pages of 1, 2, 3 and 1,000 rows", async () => {
    const want = expected();
    expect(want).toHaveLength(15);
    for (const limit of [1, 2, 3, 1000]) {
      const { rows, pages: n } = await pages("reputer_loss_values", "format=json", limit);
      expect(rows.map(withoutTime)).toEqual(want);
      expect(n).toBeGreaterThanOrEqual(Math.ceil(15 / limit));
    }
  });

  it("filters by reputer address, by worker address and by height like any dataset", async () => {
    const byReputer = await pages("reputer_loss_values", `format=json&address=${R2}`, 2);
    expect(new Set(byReputer.rows.map((r) => r.reputer))).toEqual(new Set([R2]));
    expect(byReputer.rows).toHaveLength(5);
    const byPeer = await pages("reputer_loss_values", `format=json&address=${W3}`, 100);
    expect(byPeer.rows).toHaveLength(6);
    const late = await pages("reputer_loss_values", "format=json&from_height=9", 100);
    expect(late.rows.map((r) => r.nonce)).toEqual(Array(5).fill("8"));
  });

  it("keeps the network's values in loss_values, and the two datasets never share a value", async () => {
    const { rows } = await pages("loss_values", "format=json", 1000);
    expect(rows.map((r) => [r.reputer, r.actor, r.value])).toEqual([["", W2, "0.375"], ["", W1, "0.125"]]);
    const counted = await store.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM loss_values WHERE reputer <> ''`);
    expect(counted).toEqual([{ n: 0 }]);
  });

  it("merges a repeated bundle (an overlap after a restart) instead of failing, and changes no value", async () => {
    const again = lossBatch();
    again.batch_id = "blocks:1-12:again";
    await postThroughRoute(again);
    const { rows } = await pages("reputer_loss_values", "format=json", 1000);
    expect(rows.map(withoutTime)).toEqual(expected());
  });

  it("refuses a reputer's value sent as a loss_values row, or arrays that do not line up, naming the field, and writes nothing", async () => {
    const post = async (batch: IngestBatch) => {
      const res = await POST(new Request("http://localhost/api/ingest", {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(batch),
      }));
      return { status: res.status, issues: ((await res.json()) as { error: { issues: { field: string; message: string }[] } }).error.issues };
    };
    const bad = (name: string, edit: (b: IngestBatch) => void) => {
      const b = inferenceBatch(20, 21, 1, { loss_bundles: [{ ...reputerBundle(20, R1, "1") }] });
      b.batch_id = `bad:${name}`;
      edit(b);
      return b;
    };
    const bundle = (b: IngestBatch) => b.rows.loss_bundles![0]! as ReturnType<typeof reputerBundle>;
    const cases: [IngestBatch, string, RegExp][] = [
      [bad("row", (b) => (b.rows.loss_values = [{ topic_id: "1", nonce: "20", reputer: R1, kind: "inferer", actor: W1, peer: "", value: "1" }])), "rows.loss_values[0].reputer", /must be empty/],
      [bad("short", (b) => bundle(b).losses.pop()), "rows.loss_bundles[0].losses", /entries/],
      [bad("half", (b) => ((bundle(b) as Record<string, unknown>).loss_forecasters = null)), "rows.loss_bundles[0].losses", /given with/],
      [bad("network", (b) => (bundle(b).reputer = "")), "rows.loss_bundles[0].losses", /network's bundle/],
      [bad("repeat", (b) => (bundle(b).loss_inferers[1] = W2)), "rows.loss_bundles[0].loss_inferers", /twice/],
      [bad("decimal", (b) => (bundle(b).losses[2] = "1e-3")), "rows.loss_bundles[0].losses[2]", /exact decimal/],
    ];
    for (const [batch, field, message] of cases) {
      const { status, issues } = await post(batch);
      expect(status, field).toBe(422);
      expect(issues.find((i) => i.field === field)?.message, JSON.stringify(issues)).toMatch(message);
    }
    const written = await store.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM blocks WHERE height >= 20`);
    expect(written).toEqual([{ n: 0 }]);
  });
});
