// The embedded database's reads beside an ingest transaction (lib/db/pglite-reads.ts), on a real PGlite: a page's
// read that was answered since the last commit does not wait for the transaction, and no answer ever shows
// uncommitted rows or outlives a write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteWorker, type PgliteConnection } from "@/lib/db/pglite-remote";
import { Prisma } from "@/lib/generated/prisma/client";
import { pgliteReads, readKey } from "@/lib/db/pglite-reads";
import { pgliteTransactions, type SqlTransaction } from "@/lib/db/sql-transaction";

const COUNT = "SELECT count(*)::int AS n FROM facts";
const NEW_ROW = "SELECT count(*)::int AS n FROM facts WHERE id > $1";

// The database as the app opens it: on its own thread.
let lite: PgliteConnection;
beforeAll(async () => {
  lite = await openPgliteWorker();
  await lite.exec("CREATE TABLE facts (id int PRIMARY KEY)");
});
afterAll(() => lite.close());

/** An ingest transaction that inserts `id` and then holds the connection until `release` is called. */
function holdTransaction(run: ReturnType<typeof pgliteTransactions>, id: number, outcome: "commit" | "rollback" = "commit") {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let inside!: () => void;
  const started = new Promise<void>((resolve) => (inside = resolve));
  const done = run(async (tx: SqlTransaction) => {
    await tx.query(Prisma.sql`INSERT INTO facts (id) VALUES (${id})`);
    inside();
    await released;
    if (outcome === "rollback") throw new Error("rolled back");
  }).catch((error: Error) => {
    if (outcome !== "rollback") throw error;
  });
  return { started, release, done };
}

/** Whether `read` settles within `ms` (while a transaction holds the connection, a live read cannot). */
const settlesWithin = (read: Promise<unknown>, ms: number) =>
  Promise.race([read.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

const count = async (reader: PgliteConnection, sql = COUNT, params: unknown[] = []) => ((await reader.query<{ n: number }>(sql, params)).rows[0]!.n);

/** The table holding `ids`, a reader over it and its guarded ingest transactions; the count read once already. */
async function fresh(ids: number[], expected: number) {
  await lite.exec(`TRUNCATE facts; ${ids.map((id) => `INSERT INTO facts VALUES (${id});`).join(" ")}`);
  const reads = pgliteReads(lite, { quietMs: 1 });
  const run = pgliteTransactions(lite, reads.writing);
  expect(await count(reads.reader)).toBe(expected);
  return { reads, run };
}

describe("PGlite reads beside an ingest transaction", () => {
  it("answers a read asked since the last commit at once, with the committed state, and a new read after the commit", async () => {
    const { reads, run } = await fresh([1], 1);

    const held = holdTransaction(run, 2);
    await held.started;
    // Asked before: answered while the transaction holds the connection, without its uncommitted row.
    const remembered = count(reads.reader);
    expect(await settlesWithin(remembered, 200)).toBe(true);
    expect(await remembered).toBe(1);
    // Never asked: it waits for the commit and sees the new row.
    const unasked = count(reads.reader, NEW_ROW, [1]);
    expect(await settlesWithin(unasked, 200)).toBe(false);
    held.release();
    await held.done;
    expect(await unasked).toBe(1);
    expect(reads.counts().remembered).toBe(1);
  });

  it("runs the recently asked reads again after a commit, so the next transaction answers them with the new state", async () => {
    const { reads, run } = await fresh([], 0);

    const first = holdTransaction(run, 1);
    await first.started;
    first.release();
    await first.done;
    const second = holdTransaction(run, 2);
    await second.started;
    const during = count(reads.reader);
    expect(await settlesWithin(during, 200)).toBe(true);
    // The first commit's row (run again after it), not the second's (uncommitted).
    expect(await during).toBe(1);
    expect(reads.counts().refreshed).toBeGreaterThanOrEqual(1);
    second.release();
    await second.done;
    expect(await count(reads.reader)).toBe(2);
  });

  it("starts a transaction asked for while another commits only after the reads run again for that commit", async () => {
    const { reads, run } = await fresh([], 0);

    const first = holdTransaction(run, 1);
    await first.started;
    // Asked for while the first holds the connection (the signal publisher's batch beside the collector's, say).
    const second = holdTransaction(run, 2);
    first.release();
    await first.done;
    await second.started;
    // The read run again after the first commit was answered before the second began: no wait, the first's row.
    const during = count(reads.reader);
    expect(await settlesWithin(during, 200)).toBe(true);
    expect(await during).toBe(1);
    second.release();
    await second.done;
    expect(await count(reads.reader)).toBe(2);
  });

  it("keeps its answers through a rolled-back transaction and forgets them after any other write", async () => {
    const { reads, run } = await fresh([], 0);

    const failed = holdTransaction(run, 1, "rollback");
    await failed.started;
    failed.release();
    await failed.done;
    const next = holdTransaction(run, 2);
    await next.started;
    expect(await settlesWithin(count(reads.reader), 200)).toBe(true);
    next.release();
    await next.done;

    // A write through the reader itself (a Prisma write): the answer it may have changed is not given again.
    expect(await count(reads.reader)).toBe(1);
    await reads.reader.query("INSERT INTO facts (id) VALUES (3)");
    const after = holdTransaction(run, 4);
    await after.started;
    const read = count(reads.reader);
    expect(await settlesWithin(read, 200)).toBe(false);
    after.release();
    await after.done;
    expect(await read).toBe(3);
  });

  it("runs an equal read asked while the first is on its way once, and forgets the answer after a few seconds", async () => {
    await lite.exec("TRUNCATE facts; INSERT INTO facts VALUES (1), (2)");
    const reads = pgliteReads(lite, { quietMs: 1, maxAgeMs: 50 });
    expect(await Promise.all([count(reads.reader), count(reads.reader), count(reads.reader)])).toEqual([2, 2, 2]);
    expect(reads.counts()).toMatchObject({ live: 1, remembered: 2 });
    // A write the reader never saw (a second connection would do this on Postgres): answers age out.
    await lite.exec("INSERT INTO facts VALUES (3)");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await count(reads.reader)).toBe(3);
    expect(reads.counts().live).toBe(2);
  });

  it("keys only plain reads: a write, a lock or a sequence is always run", () => {
    expect(readKey(COUNT, [], undefined)).toBe(readKey(COUNT, [], undefined));
    expect(readKey(NEW_ROW, [1], undefined)).not.toBe(readKey(NEW_ROW, [2], undefined));
    expect(readKey(NEW_ROW, [1n], { rowMode: "array" })).not.toBe(readKey(NEW_ROW, [1n], undefined));
    for (const sql of [
      "INSERT INTO facts VALUES (1)",
      "WITH x AS (DELETE FROM facts RETURNING id) SELECT * FROM x",
      "SELECT id FROM facts FOR UPDATE",
      "SELECT id FROM facts FOR NO KEY UPDATE",
      "SELECT nextval('s')",
      "SELECT pg_advisory_xact_lock(1)",
      "UPDATE facts SET id = 2",
    ])
      expect(readKey(sql, [], undefined), sql).toBeNull();
  });
});
