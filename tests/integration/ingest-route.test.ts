import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { tableNames, tableSpecs } from "@/lib/ingest/tables";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { sampleBatch, V1, W1, W2 } from "../support/sample-batch";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
process.env.INGEST_MAX_BYTES = "65536";
const { POST } = await import("@/app/api/ingest/route");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());
beforeEach(async () => {
  const tables = [...tableNames.map((n) => tableSpecs[n].table), "ingest_batches", "ingest_cursors", "collector_state", "networks"];
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")}`);
});

function post(body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
      body: text,
    }),
  );
}

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of [...tableNames.map((n) => tableSpecs[n].table), "ingest_batches", "ingest_cursors", "networks"]) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
const nothingWritten = async () => expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);

describe(`POST /api/ingest (${describeTestDatabase()})`, () => {
  it("writes a batch with every digit intact and answers per-table counts", async () => {
    const res = await post(sampleBatch());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "applied", batch_id: "blocks:100-102" });
    expect(body.counts).toMatchObject({ blocks: 3, worker_inferences: 2, network_inferences: 1, scores: 1, validators: 1, ground_truth: 1 });
    const [ni] = await db.prisma.$queryRaw<{ v: string }[]>`SELECT combined_value::text AS v FROM network_inferences`;
    expect(ni?.v).toBe("2605.533879185080648394998043723508");
    const [score] = await db.prisma.$queryRaw<{ v: string }[]>`SELECT score::text AS v FROM scores WHERE address = ${W1}`;
    expect(score?.v).toBe("-0.000000000000000000000000000000000017");
    const [stake] = await db.prisma.$queryRaw<{ v: string }[]>`SELECT self_stake::text AS v FROM reputer_stakes`;
    expect(stake?.v).toBe("1000000000000000000000000000");
    const cursor = await db.prisma.ingestCursor.findFirst();
    expect(cursor?.height).toBe(102n);
  });

  it("treats a replayed batch as a no-op and refuses the same id with other contents", async () => {
    expect((await post(sampleBatch())).status).toBe(200);
    const before = await rowCounts();
    const replay = await post(sampleBatch());
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: "duplicate", counts: {} });
    expect(await rowCounts()).toEqual(before);

    const changed = sampleBatch();
    changed.rows.blocks![0]!.hash = "FF";
    const conflict = await post(changed);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe("conflict");
    expect(await rowCounts()).toEqual(before);
  });

  it("rewrites the same rows under a new batch id without duplicating or regressing them", async () => {
    expect((await post(sampleBatch())).status).toBe(200);
    const before = await rowCounts();
    const older = sampleBatch({ batch_id: "blocks:100-102-retry" });
    older.rows.validators![0]!.updated_height = "50";
    older.rows.validators![0]!.moniker = "Stale Name";
    const res = await post(older);
    expect(res.status).toBe(200);
    const { counts } = await res.json();
    expect(counts).toMatchObject({ blocks: 0, worker_inferences: 0, validators: 0 });
    expect({ ...(await rowCounts()), ingest_batches: 1 }).toEqual(before);
    const validator = await db.prisma.validator.findFirst({ where: { operatorAddress: V1 } });
    expect(validator?.moniker).toBe("Node One");
  });

  it("adds only the new facts of a batch that overlaps stored ones, leaving the stored ones as they were", async () => {
    expect((await post(sampleBatch())).status).toBe(200);
    const overlapping = sampleBatch({ batch_id: "blocks:100-103" });
    const [first] = overlapping.rows.worker_inferences!;
    overlapping.rows.worker_inferences![0] = { ...first!, value: "1.5" }; // a stored fact is never rewritten
    overlapping.rows.worker_inferences!.push({ ...first!, nonce: "91", value: "2700.000000000000000000000000000001", block_height: "103" });
    const res = await post(overlapping);
    expect(res.status).toBe(200);
    expect((await res.json()).counts).toMatchObject({ worker_inferences: 1, blocks: 0 });
    const values = await db.prisma.$queryRaw<{ nonce: bigint; v: string }[]>`
      SELECT nonce, value::text AS v FROM worker_inferences WHERE inferer = ${W1} ORDER BY nonce`;
    expect(values).toEqual([
      { nonce: 90n, v: "2611.01109296" },
      { nonce: 91n, v: "2700.000000000000000000000000000001" },
    ]);
  });

  it("stores text and JSON with tabs, newlines, backslashes and quotes exactly as sent", async () => {
    const awkward = 'tab\there\nnew line \\N not null, back\\slash, "quoted", \r, ünïcødé 🚀';
    const batch = sampleBatch();
    batch.rows.worker_inferences![0]!.extra_data = awkward;
    batch.rows.worker_inferences![1]!.proof = "\\.";
    batch.rows.emission_snapshots = [{ block_height: "102", raw: { note: awkward, nested: ["a\tb", null, 1.25] } }];
    expect((await post(batch)).status).toBe(200);
    const [row] = await db.prisma.$queryRaw<{ extra_data: string; proof: string | null }[]>`
      SELECT extra_data, (SELECT proof FROM worker_inferences WHERE inferer = ${W2}) AS proof FROM worker_inferences WHERE inferer = ${W1}`;
    expect(row).toEqual({ extra_data: awkward, proof: "\\." });
    const snapshot = await db.prisma.emissionSnapshot.findFirst();
    expect(snapshot?.raw).toEqual({ note: awkward, nested: ["a\tb", null, 1.25] });
    expect(snapshot?.inflation).toBeNull();
  });

  it("answers 401 without the right bearer token, and writes nothing", async () => {
    for (const authorization of ["", "Bearer wrong-token-wrong-token", `Basic ${TOKEN}`, TOKEN]) {
      const res = await post(sampleBatch(), { authorization });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
    await nothingWritten();
  });

  it("answers 415 for a body that is not declared JSON", async () => {
    const res = await post(sampleBatch(), { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/application\/json/);
    await nothingWritten();
  });

  it("answers 413 past the size limit, whether or not Content-Length tells", async () => {
    const big = sampleBatch();
    big.rows.blocks = Array.from({ length: 2000 }, (_, i) => ({ height: String(i), time: "2026-11-24T12:00:00Z", hash: "X".repeat(40), tx_count: 0, event_count: 0 }));
    expect((await post(big)).status).toBe(413);
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        controller.close();
      },
    });
    const res = await POST(
      new Request("http://localhost/api/ingest", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: streamed,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    await nothingWritten();
  });

  it("answers 422 naming every offending field, and writes none of the batch", async () => {
    const bad = sampleBatch() as unknown as { rows: Record<string, Record<string, unknown>[]>; network: Record<string, unknown> };
    bad.rows.scores![0]!.score = 0.5;
    bad.rows.reputer_stakes![0]!.self_stake = "1.5";
    bad.rows.blocks![1]!.height = "-1";
    bad.rows.blocks![2]!.colour = "red";
    bad.rows.worker_inferences![1]!.inferer = bad.rows.worker_inferences![0]!.inferer;
    bad.network.kind = "moonnet";
    const res = await post(bad);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_batch");
    const fields = error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(["rows.scores[0].score", "rows.reputer_stakes[0].self_stake", "rows.blocks[1].height", "rows.blocks[2]", "network.kind"]),
    );
    expect(error.issues.find((i: { field: string }) => i.field === "rows.blocks[2]").message).toMatch(/colour/);
    await nothingWritten();

    const dup = sampleBatch();
    dup.rows.worker_inferences![1]!.inferer = W1;
    const dupRes = await post(dup);
    expect(dupRes.status).toBe(422);
    expect((await dupRes.json()).error.issues).toEqual([
      { field: "rows.worker_inferences[1]", message: "repeats the key (topic_id, nonce, inferer, label) of rows.worker_inferences[0]" },
    ]);
    expect((await post("{not json")).status).toBe(400);
    await nothingWritten();
  });

  it("refuses to relabel a real chain as simulated", async () => {
    expect((await post(sampleBatch())).status).toBe(200);
    const fake = sampleBatch({ batch_id: "other", network: { ...sampleBatch().network, simulated: true } });
    const res = await post(fake);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/recorded as a real network/);
  });

  it("lets one collector write at a time: a second is refused until the first one's lease expires", async () => {
    const collector = (id: string) => ({ id, state: "catching_up" as const, chain_height: "5000" });
    const first = await post(sampleBatch({ collector: collector("collector-a") }));
    expect(first.status).toBe(200);
    expect((await first.json()).cursors).toEqual({ blocks: "102" });
    const before = await rowCounts();

    const second = sampleBatch({ batch_id: "blocks:103-103", collector: collector("collector-b") });
    second.rows = { blocks: [{ height: "103", time: "2026-11-24T12:00:15Z", hash: "AD", tx_count: 0, event_count: 0 }] };
    const refused = await post(second);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/another collector \(collector-a\) holds the write lease/);
    expect(await rowCounts()).toEqual(before);

    await db.prisma.$executeRaw`UPDATE collector_state SET lease_expires_at = now() - interval '1 second'`;
    expect((await post(second)).status).toBe(200);
    const state = await db.prisma.collectorState.findFirst();
    expect(state).toMatchObject({ holder: "collector-b", state: "catching_up", chainHeight: 5000n });

    // A holder that says it stopped hands the lease back at once; a stranger saying so takes nothing.
    const third = (state: "stopped" | "running", id = "collector-c") => sampleBatch({ batch_id: `${id}:${state}`, collector: { ...collector(id), state }, rows: {}, cursor: undefined });
    expect((await post(third("stopped"))).status).toBe(409);
    expect((await post(third("running"))).status).toBe(409);
    expect((await post(third("stopped", "collector-b"))).status).toBe(200);
    expect((await db.prisma.collectorState.findFirst())?.state).toBe("stopped");
    expect((await post(third("running"))).status).toBe(200);
    expect(await db.prisma.collectorState.findFirst()).toMatchObject({ holder: "collector-c", state: "running" });
  });

  it("is atomic: a failure in the last table leaves no row, cursor or batch record behind", async () => {
    await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_ground_truth() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'ground truth store is broken'; END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_gt BEFORE INSERT ON ground_truth FOR EACH ROW EXECUTE FUNCTION fail_ground_truth()`);
    try {
      const res = await post(sampleBatch());
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toMatch(/ground truth store is broken/);
      await nothingWritten();
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_gt ON ground_truth`);
    }
  });
});
