// The 7-day edges read their whole-hour window from the newest block in SQL (wholeRangeBeforeSql), so the read keeps
// its parameters as blocks arrive. It must pick exactly the rollup rows the JavaScript window (wholeRange) picks, at
// any time of day and in any session time zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { wholeRange, wholeRangeBeforeSql } from "@/lib/queries/forecast/hours";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

const WEEK = 7 * 86_400;
const HOUR_MS = 3_600_000;

/** Which of the hour and day rows from nine days before `to` to a day after it a window picks, in a session whose
 *  time zone is `zone`: each as grain and seconds since the epoch. */
async function picked(to: Date, window: Prisma.Sql, zone: string) {
  const start = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS - 9 * 24 * HOUR_MS);
  const end = new Date(start.getTime() + 10 * 24 * HOUR_MS);
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL TIME ZONE '${zone}'`);
    const rows = await tx.$queryRaw<{ row: string }[]>(Prisma.sql`
      SELECT grain || ' ' || date_part('epoch', hour)::bigint AS row
        FROM unnest(ARRAY['h', 'd']) AS g(grain)
       CROSS JOIN generate_series(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, interval '1 hour') AS s(hour)
       WHERE ${window}
       ORDER BY 1`);
    return rows.map((r) => r.row);
  });
}

describe(`the edges' window worked out in SQL (${describeTestDatabase()})`, () => {
  it("picks the same hour and day rows as the JavaScript window, at hour and day boundaries and between them", async () => {
    const times = [
      "2026-11-01T00:00:00.000Z", // midnight exactly: the window starts on a midnight too
      "2026-11-01T00:00:00.001Z",
      "2026-11-01T09:00:00.000Z",
      "2026-11-01T09:59:59.999Z",
      "2026-11-01T23:30:00.000Z",
      "2026-03-29T01:30:00.000Z", // a night clocks change in Europe
      "2024-02-29T12:34:56.789Z",
    ];
    for (const time of times) {
      const to = new Date(time);
      // The JavaScript window binds its hours as parameters, which the database reads in UTC (its sessions' zone).
      const expected = await picked(to, wholeRange({ from: new Date(to.getTime() - WEEK * 1000), to })!, "UTC");
      // A week of whole hours, as day rows inside it and hour rows at its ends: at least the 6 inner days.
      expect(expected.filter((row) => row.startsWith("d")).length).toBeGreaterThanOrEqual(6 * 24);
      // The SQL window holds in any session zone (a user's Postgres need not run in UTC).
      for (const zone of ["UTC", "Pacific/Chatham", "America/New_York", "Europe/Berlin"])
        expect({ time, zone, rows: await picked(to, wholeRangeBeforeSql(Prisma.sql`${to.toISOString()}::timestamptz`, WEEK), zone) }).toEqual({ time, zone, rows: expected });
    }
  });
});
