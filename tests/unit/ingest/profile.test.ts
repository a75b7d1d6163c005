import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { createIngestProfile, statementLabel } from "@/lib/ingest/profile";

describe("ingest profile", () => {
  it("labels a statement by its verb and table, and a CTE statement by its opening words too", () => {
    expect(statementLabel(`INSERT INTO "scores" AS t (a) SELECT 1`)).toBe("insert scores");
    expect(statementLabel("\n  WITH d AS (SELECT 1)\n  INSERT INTO loss_hours (a) SELECT 1")).toBe("insert loss_hours [WITH d AS (SEL]");
    expect(statementLabel("SELECT checksum FROM ingest_batches WHERE batch_id = $1")).toBe("from ingest_batches");
    // A row lock in the CTE is not the statement's verb.
    expect(statementLabel("WITH e AS (SELECT 1 FROM topics t FOR NO KEY UPDATE OF t) UPDATE topics SET a = 1")).toBe("update topics [WITH e AS (SEL]");
  });

  it("passes every query and COPY through unchanged and prints their summed time by label", async () => {
    const query = vi.fn(async () => ({ rows: [{ x: 1 }], rowCount: 1 }));
    const tx = { query, copyRows: vi.fn(async () => 7) } as unknown as SqlTransaction;
    const profile = createIngestProfile();
    const timed = profile.wrap(tx);
    expect(await timed.query(Prisma.sql`UPDATE topics SET a = 1`)).toEqual({ rows: [{ x: 1 }], rowCount: 1 });
    await timed.query(Prisma.sql`UPDATE topics SET a = 2`);
    expect(await timed.copyRows("inferences", ["a"], ["1\n"])).toBe(7);
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    profile.print("b-1");
    const line = String(write.mock.calls[0]![0]);
    write.mockRestore();
    expect(line).toMatch(/^ingest-profile b-1 total [\d.]+ ms \| /);
    expect(line).toMatch(/update topics [\d.]+×2/);
    expect(line).toMatch(/copy inferences [\d.]+×1/);
  });
});
