import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/client";

type Row = Record<string, unknown>;

/**
 * Every row of one query, FETCHed chunk by chunk from a server-side cursor in one read-only transaction: a single
 * plan for the whole range (the planner picks hash joins and one sort, instead of a keyset probe per chunk), a
 * consistent snapshot, and flat memory. The next FETCH waits until the consumer has taken the previous chunk.
 */
export async function* cursorRows(sql: Prisma.Sql, chunk: number, db?: Database): AsyncGenerator<Row[]> {
  const database = db ?? (await getDb());
  const chunks: { rows: Row[] | null; taken: () => void }[] = [];
  let wake = () => {};
  let stopped = false;
  const handOver = (rows: Row[] | null) =>
    new Promise<void>((taken) => {
      chunks.push({ rows, taken });
      wake();
    });
  const reading = database.transaction(async (tx) => {
    await tx.query(Prisma.sql`SET TRANSACTION READ ONLY`);
    // Optimise for the whole result, not the first rows: an export reads all of it.
    await tx.query(Prisma.sql`SET LOCAL cursor_tuple_fraction = 1.0`);
    await tx.query(Prisma.sql`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`);
    for (;;) {
      const { rows } = await tx.query<Row>(Prisma.sql`FETCH ${Prisma.raw(String(chunk))} FROM export_rows`);
      if (stopped) return;
      if (rows.length) await handOver(rows);
      if (rows.length < chunk) break;
    }
  });
  const settled = reading.then(
    () => ({ error: undefined as unknown }),
    (error: unknown) => ({ error }),
  );
  try {
    for (;;) {
      if (chunks.length === 0) {
        const woke = new Promise<null>((resolve) => (wake = () => resolve(null)));
        const outcome = await Promise.race([settled, woke]);
        if (outcome && chunks.length === 0) {
          if (outcome.error) throw outcome.error;
          return;
        }
        continue;
      }
      const next = chunks.shift()!;
      next.taken();
      yield next.rows!;
    }
  } finally {
    // A consumer that stops early (the client went away) ends the transaction at the next FETCH.
    stopped = true;
    for (const c of chunks.splice(0)) c.taken();
    await reading.catch(() => undefined);
  }
}
