// Every bad ingest request gets a 4xx naming the field, never a 500, and writes nothing: thousands of generated
// malformed batches posted to the real route, on PGlite and (when configured) Postgres.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { setDatabase } from "@/lib/db";
import { badRequestArb, richBatch, type BadRequest } from "../support/malformed-batches";
import { createTestDatabase, postgresTestUrl, type TestDatabase } from "../support/test-db";

const TOKEN = "property-test-token-0123456789";
const MAX_BYTES = 65_536;
process.env.INGEST_TOKEN = TOKEN;
process.env.INGEST_MAX_BYTES = String(MAX_BYTES);
const { POST } = await import("@/app/api/ingest/route");

const RUNS = 2_000;
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.dispose();
});

function post(text: string, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
      body: text,
    }),
  );
}

/** Row count and content digest of every table in the database, bookkeeping included. */
async function snapshot(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRawUnsafe<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number; d: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS d FROM "${t}" x`,
    );
    out[t] = `${row?.n}:${row?.d ?? "-"}`;
  }
  return out;
}

const names = (field: string) => (i: { field: string }) =>
  field === "" || i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`);

const databases: [string, () => Promise<TestDatabase>][] = [
  ["PGlite", async () => {
    const db = await openDatabase({ kind: "pglite" });
    return { ...db, dispose: db.close };
  }],
  ...(postgresTestUrl() ? [["Postgres", () => createTestDatabase()] as [string, () => Promise<TestDatabase>]] : []),
];

describe.each(databases)("POST /api/ingest refuses malformed batches (%s)", (_label, open) => {
  it(`answers ${RUNS} generated bad requests with a 4xx naming the field, and writes nothing`, { timeout: 120_000 }, async () => {
    const db = await open();
    opened.push(db);
    setDatabase(db);
    const base = richBatch();
    // The unbroken batch is accepted, so each refusal below is about the one thing broken in it.
    const first = await post(JSON.stringify(base));
    expect(first.status, JSON.stringify(await first.clone().json())).toBe(200);
    const before = await snapshot(db);
    const seen = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(badRequestArb(base, MAX_BYTES), async (bad: BadRequest) => {
        const res = await post(bad.text, bad.headers);
        const body = (await res.json()) as { error?: { code: string; issues?: { field: string; message: string }[] } };
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect({ what: bad.what, status: res.status }).toEqual({ what: bad.what, status: bad.status });
        expect(body.error?.issues?.some(names(bad.field)), `${bad.what}: ${JSON.stringify(body.error)}`).toBe(true);
      }),
      { numRuns: RUNS, seed: 8_2026 },
    );

    expect(await snapshot(db)).toEqual(before);
    // The generator reaches every kind of refusal, not only the commonest.
    expect([...seen.keys()].sort()).toEqual([400, 401, 409, 413, 415, 422]);
  });
});
