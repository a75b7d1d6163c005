// The embedded database on its own thread (lib/db/pglite-remote.ts + pglite-worker.mjs), opened as the app opens it:
// what Prisma gets back across the thread is what it got from PGlite in-process — exact numbers, the database's own
// errors with their codes, transactions that commit or roll back — and a stopped thread says so.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "@electric-sql/pglite";
import { Prisma } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "@/lib/db/client";
import { openPgliteWorker } from "@/lib/db/pglite-remote";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: "pglite" });
});
afterAll(() => db.close());

const network = (chainId: string) => ({ chainId, name: chainId, kind: "devnet" });

describe("the embedded database on its own thread", () => {
  it("gives Prisma exact integers, decimals, timestamps, arrays and bytes", async () => {
    const [row] = await db.prisma.$queryRaw<
      { big: bigint; dec: Prisma.Decimal; at: Date; none: string | null; decs: Prisma.Decimal[]; ats: Date[]; bytes: Uint8Array }[]
    >`
      SELECT 9007199254740993::int8 AS big, 123456789012345678901234567890.000000000000000001::numeric AS dec,
             '2026-12-08T01:02:03.456Z'::timestamptz AS at, NULL::text AS none,
             ARRAY[1.5, 0.000000000000000000001]::numeric[] AS decs, ARRAY['2026-12-08T00:00:00Z']::timestamptz[] AS ats,
             '\\x0102ff'::bytea AS bytes`;
    // Each of these goes through the Prisma adapter's own parser, which runs on the app's thread.
    expect(row!.decs.map((d) => d.toFixed())).toEqual(["1.5", "0.000000000000000000001"]);
    expect(row!.ats.map((d) => new Date(d).toISOString())).toEqual(["2026-12-08T00:00:00.000Z"]);
    expect([...row!.bytes]).toEqual([1, 2, 255]);
    expect(row!.big).toBe(9007199254740993n);
    expect(row!.dec.toFixed()).toBe("123456789012345678901234567890.000000000000000001");
    expect(row!.at.toISOString()).toBe("2026-12-08T01:02:03.456Z");
    expect(row!.none).toBeNull();
  });

  it("reports a unique violation as Prisma's own error, naming the field", async () => {
    await db.prisma.network.create({ data: network("remote-unique") });
    const duplicate = await db.prisma.network.create({ data: network("remote-unique") }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((duplicate as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(JSON.stringify((duplicate as Prisma.PrismaClientKnownRequestError).meta)).toContain("chain_id");
  });

  it("commits an interactive transaction that succeeds and rolls back one that throws", async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.network.create({ data: network("remote-commit") });
    });
    const failed = await db.prisma
      .$transaction(async (tx) => {
        await tx.network.create({ data: network("remote-rollback") });
        throw new Error("changed my mind");
      })
      .catch((error: Error) => error.message);
    expect(failed).toBe("changed my mind");
    const chains = (await db.prisma.network.findMany({ where: { chainId: { startsWith: "remote-" } } })).map((n) => n.chainId);
    expect(chains).toContain("remote-commit");
    expect(chains).not.toContain("remote-rollback");
  });

  it("rolls back an ingest transaction whose statement fails, and keeps the database's error code", async () => {
    const error = await db
      .transaction(async (tx) => {
        await tx.query(Prisma.sql`INSERT INTO networks (chain_id, name, kind, updated_at) VALUES ('remote-ingest', 'x', 'devnet', now())`);
        await tx.query(Prisma.sql`SELECT 1 / 0`);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect((error as messages.DatabaseError).code).toBe("22012");
    expect(await db.prisma.network.count({ where: { chainId: "remote-ingest" } })).toBe(0);
  });

  it("copies rows in COPY's text format inside an ingest transaction", async () => {
    const copied = await db.transaction((tx) =>
      tx.copyRows("networks", ["chain_id", "name", "kind", "updated_at"], ["remote-copy-1\tOne\tdevnet\t2026-12-08 00:00:00+00\n", "remote-copy-2\tTwo\tdevnet\t2026-12-08 00:00:00+00\n"]),
    );
    expect(copied).toBe(2);
    expect((await db.prisma.network.findMany({ where: { chainId: { startsWith: "remote-copy-" } }, orderBy: { chainId: "asc" } })).map((n) => n.name)).toEqual(["One", "Two"]);
  });

  it("refuses a folder it cannot open with the reason, and leaves nothing that keeps a script running", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pglite-remote-")), "not-a-folder");
    writeFileSync(file, "");
    // A script that fails to open its database must end by itself: a thread left behind would keep it alive.
    const script = `import("./lib/db/pglite-remote.ts").then((m) => m.openPgliteWorker(${JSON.stringify(file)})).then(() => console.log("opened"), (e) => console.log(e.message))`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stdout).toContain(`could not open the embedded database in ${file}: `);
    expect(run.stdout).not.toContain("opened");
  });

  it("answers every call after the thread has stopped with an error that says so", async () => {
    const lite = await openPgliteWorker();
    expect((await lite.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await lite.close();
    await expect(lite.query("SELECT 1")).rejects.toThrow(/embedded database's thread has stopped/);
  });
});
