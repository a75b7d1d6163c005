// A user's Postgres may run in any time zone. The app's sessions are UTC whatever it is: a date the app binds is the
// instant it means, and an hour or a day in SQL (date_trunc: the rollups, the pages' bounds) is a UTC one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "@/lib/db/client";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

let db: TestDatabase;
let app: Database;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  app = db;
  if (db.url) {
    // The database's own default set to another zone, as a server's may be; the app then opens it as it does.
    await db.prisma.$executeRawUnsafe(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET TimeZone = 'America/New_York'`);
    app = await openDatabase({ kind: "postgres", url: db.url, migrate: false });
  }
});
afterAll(async () => {
  if (app !== db) await app.close();
  await db.dispose();
});

describe(`dates whatever the server's time zone (${describeTestDatabase()})`, () => {
  it("reads a bound date as the instant it is, and truncates to UTC hours and days, in reads and in the ingest transaction", async () => {
    const at = new Date("2026-11-01T02:30:00Z");
    const probe = (value: Date) => Prisma.sql`
      SELECT ${value}::timestamptz = '2026-11-01T02:30:00Z'::timestamptz AS same,
             date_trunc('day', ${value}::timestamptz) = '2026-11-01T00:00:00Z'::timestamptz AS utc_day`;
    const [read] = await app.prisma.$queryRaw<{ same: boolean; utc_day: boolean }[]>(probe(at));
    expect(read).toEqual({ same: true, utc_day: true });
    const ingest = await app.transaction(async (tx) => (await tx.query<{ same: boolean; utc_day: boolean }>(probe(at))).rows[0]);
    expect(ingest).toEqual({ same: true, utc_day: true });
  });
});
