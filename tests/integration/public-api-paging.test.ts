import { describe, expect, it } from "vitest";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { describeTestDatabase } from "../support/test-db";
import { postThroughRoute, setRouteEnv, withTestDatabase } from "../support/post-batch";
import { INFERER, inferenceBatch } from "../support/dataset-batches";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000" });
const { GET } = await import("@/app/api/v1/[dataset]/route");

withTestDatabase();
const ingest = (batch: IngestBatch) => postThroughRoute(batch);

// Late submissions: a new inferer's values for old nonces, carried by new blocks. In key order they sort before the
// rows already paged, the case a plain keyset over a live table would silently skip or shift.
function withLateRows(batch: IngestBatch, from: number, inferer: string): IngestBatch {
  const late = Array.from({ length: 5 }, (_, i) => ({
    topic_id: "1", nonce: String(from - 40 + i), inferer, label: "y", value: "1", block_height: String(from), extra_data: null, proof: null,
  }));
  batch.rows.worker_inferences!.push(...late);
  return batch;
}

describe(`keyset pagination while ingesting (${describeTestDatabase()})`, () => {
  it("pages through a table without a duplicate or a skipped row while a concurrent ingest inserts rows", async () => {
    for (let h = 1; h <= 50; h += 10) await ingest(inferenceBatch(h, h + 9, 4));
    let ingesting = true;
    let committed = 0;
    // The writer starts once the first page has pinned the run's as-of height.
    let writer: Promise<void> = Promise.resolve();
    const startWriter = async () => {
      for (let h = 51; ingesting && h < 2000; h += 10) {
        await ingest(withLateRows(inferenceBatch(h, h + 9, 4), h, INFERER(10 + committed)));
        committed++;
      }
    };
    const seen: string[] = [];
    const asOfs = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    try {
    do {
      const url = new URL(`http://localhost/api/v1/worker_inferences?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      const res = await GET(new Request(url), { params: Promise.resolve({ dataset: "worker_inferences" }) });
      const body = (await res.json()) as { as_of_height: string; next_cursor: string | null; rows: { nonce: string; inferer: string }[] };
      expect(res.status, JSON.stringify(body)).toBe(200);
      asOfs.add(body.as_of_height);
      seen.push(...body.rows.map((r) => `${r.nonce}/${r.inferer}`));
      cursor = body.next_cursor;
      pages++;
      if (pages === 1) writer = startWriter();
      // Give the writer a turn between pages, so batches land while the run is under way.
      if (pages % 3 === 0) await new Promise((r) => setTimeout(r, 5));
    } while (cursor);
    } finally {
      ingesting = false;
      await writer;
    }

    expect(committed).toBeGreaterThan(0);
    expect(asOfs).toEqual(new Set(["50"]));
    const expected = Array.from({ length: 50 }, (_, h) => [0, 1, 2, 3].map((i) => `${h + 1}/${INFERER(i)}`)).flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());

    // A fresh run afterwards sees the rows committed meanwhile, late ones included.
    const after = await GET(new Request("http://localhost/api/v1/worker_inferences?count=only"), { params: Promise.resolve({ dataset: "worker_inferences" }) });
    expect(BigInt((await after.json()).count)).toBe(BigInt(200 + committed * 45));
  });
});
