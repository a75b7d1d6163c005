import { describe, expect, it } from "vitest";
import { describeTestDatabase } from "../support/test-db";
import { setRouteEnv, withTestDatabase } from "../support/post-batch";
import { FORMULA_METADATA, INFERER, inferenceBatch, topicRow, TRICKY_METADATA } from "../support/dataset-batches";
import { parseCsv } from "../support/csv";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000", EXPORT_MAX_ROWS: "50" });
const { GET } = await import("@/app/api/v1/[dataset]/route");

const topics = [topicRow(1, TRICKY_METADATA, 12), topicRow(2, FORMULA_METADATA, 12)];
const scores = [{ topic_id: "1", actor_type: "inferer", kind: "ema", address: INFERER(0), block_height: "12", score: "-0.000000000000000000000000000000000017", is_active: true }];
const stakes = [{ topic_id: "1", reputer: INFERER(1), block_height: "12", self_stake: "1234567890123456789012345678", delegated_stake: "5" }];
withTestDatabase(
  () => inferenceBatch(1, 10, 3),
  () => inferenceBatch(11, 20, 3, { topics, scores, reputer_stakes: stakes }),
);

const get = (path: string) => {
  const url = new URL(`http://localhost/api/v1/${path}`);
  return GET(new Request(url), { params: Promise.resolve({ dataset: url.pathname.split("/").at(-1)! }) });
};

describe(`GET /api/v1/[dataset] (${describeTestDatabase()})`, () => {
  it("escapes commas, quotes and newlines in CSV and guards formulas in text columns", async () => {
    const res = await get("topics?format=csv&columns=topic_id,metadata,topic_stake,topic_stake_allo");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text).toContain(`"BTC/USD, 8h ""log-return""\nsecond line"`);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      ["topic_id", "metadata", "topic_stake", "topic_stake_allo"],
      ["1", TRICKY_METADATA, "1000000000000000000000000000", "1000000000"],
      ["2", `'${FORMULA_METADATA}`, "1000000000000000000000000000", "1000000000"],
    ]);
  });

  it("keeps every digit: Allora decimals, uallo amounts and their ALLO values", async () => {
    const scores = await (await get("scores?format=json")).json();
    expect(scores.rows[0]).toMatchObject({ score: "-0.000000000000000000000000000000000017", block_height: "12", time: "2026-11-24T12:01:00.000Z" });
    const stakes = parseCsv(await (await get("reputer_stakes?format=csv&columns=self_stake,self_stake_allo,delegated_stake_allo")).text());
    expect(stakes[1]).toEqual(["1234567890123456789012345678", "1234567890.123456789012345678", "0.000000000000000005"]);
    const inference = await (await get(`worker_inferences?address=${INFERER(2)}&from_height=7&to_height=7`)).json();
    expect(inference.rows).toEqual([
      { topic_id: "1", nonce: "7", inferer: INFERER(2), label: "y", value: "7.2000000000000000000000000000001", block_height: "7", time: "2026-11-24T12:00:35.000Z" },
    ]);
  });

  it("counts exactly the rows an export carries, in every format", async () => {
    const filter = "worker_inferences?from=2026-11-24T12:00:20Z&to=2026-11-24T12:01:00Z&topic=1";
    const preview = await (await get(`${filter}&count=only`)).json();
    expect(preview).toMatchObject({ dataset: "worker_inferences", count: "27", as_of_height: "20" });
    const csv = parseCsv(await (await get(`${filter}&format=csv`)).text());
    expect(csv.length - 1).toBe(27);
    const ndjson = (await (await get(`${filter}&format=ndjson`)).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(ndjson).toHaveLength(27);
    expect(new Set(ndjson.map((r) => r.block_height))).toEqual(new Set(["4", "5", "6", "7", "8", "9", "10", "11", "12"]));
  });

  it("refuses an export above the hard cap with an error that says so, rather than a shorter file", async () => {
    const res = await get("worker_inferences?format=csv");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
    const body = await res.json();
    expect(body.error.code).toBe("export_too_large");
    expect(body.error.message).toContain("60 rows, above the cap of 50");
    expect((await get("worker_inferences?format=csv&to_height=10")).status).toBe(200);
  });

  it("answers the as-of height and lag in headers and in the JSON body", async () => {
    const res = await get("worker_inferences?limit=2");
    expect(res.headers.get("x-as-of-height")).toBe("20");
    const body = await res.json();
    expect(body.as_of_height).toBe("20");
    expect(typeof body.lag_seconds).toBe("number");
    expect(body.rows).toHaveLength(2);
    expect(body.next_cursor).toEqual(expect.any(String));
  });

  it.each([
    ["nonsense", "dataset"],
    ["worker_inferences?address=cosmos1xyz", "address"],
    ["worker_inferences?address=allo1NOTLOWER", "address"],
    ["worker_inferences?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", "from"],
    ["worker_inferences?from_height=ten", "from_height"],
    ["worker_inferences?to_height=1.5", "to_height"],
    ["worker_inferences?from_height=9&to_height=3", "from_height"],
    ["worker_inferences?from=yesterday", "from"],
    ["worker_inferences?topic=-1", "topic"],
    ["worker_inferences?format=xlsx", "format"],
    ["worker_inferences?limit=5000", "limit"],
    ["worker_inferences?cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["worker_inferences?topic_id=1", "topic_id"],
    ["worker_inferences?columns=value,nope", "columns"],
    ["ground_truth?from_height=1", "from_height"],
    ["worker_inferences?as_of_height=999", "as_of_height"],
  ])("%s → 400 naming %s", async (path, parameter) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toContain(parameter);
    expect(body.error.issues[0].field).toBe(parameter);
  });
});
