// One transaction on one raw connection, for the ingest write path: Prisma's interactive transactions cannot run
// COPY … FROM STDIN, and bulk facts arrive at COPY speed only through it. Same interface for Postgres and PGlite.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PgliteConnection } from "./pglite-remote";

export type SqlTransaction = {
  /** Runs a `Prisma.sql` template with bound parameters. */
  query<T = Record<string, unknown>>(sql: Prisma.Sql): Promise<{ rows: T[]; rowCount: number }>;
  /** `COPY table (columns) FROM STDIN` with `data`, chunks of whole rows in COPY's text format; returns the rows copied. */
  copyRows(table: string, columns: readonly string[], data: Iterable<string>): Promise<number>;
};

export type RunTransaction = <T>(work: (tx: SqlTransaction) => Promise<T>) => Promise<T>;

// Both drivers accept strings for every parameter; the SQL casts them, so bigint and Date need no driver support.
const toParam = (value: unknown) => (typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value);
const params = (sql: Prisma.Sql) => sql.values.map(toParam);

const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM ${source}`;

/** No statement of a batch may hang on forever while it holds the collector's lease row. */
const STATEMENT_TIMEOUT = "120s";

export function postgresTransactions(pool: pg.Pool): RunTransaction {
  return async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN; SET LOCAL statement_timeout = '${STATEMENT_TIMEOUT}'`);
      const tx: SqlTransaction = {
        query: async <T>(sql: Prisma.Sql) => {
          const result = await client.query(sql.text, params(sql));
          return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
        },
        copyRows: async (table, columns, data) => {
          const stream = client.query(copyFrom(copyStatement(table, columns, "STDIN")));
          await pipeline(Readable.from(data), stream);
          return stream.rowCount;
        },
      };
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      // A connection that could not even roll back is discarded rather than returned to the pool.
      client.release(broken);
    }
  };
}

/** Runs `work` as it is; the PGlite database passes a guard that lets the pages' reads go first (lib/db/pglite-reads). */
export type TransactionGuard = <T>(run: () => Promise<T>) => Promise<T>;

export function pgliteTransactions(lite: PgliteConnection, guard: TransactionGuard = (run) => run()): RunTransaction {
  return (work) =>
    guard(() =>
      lite.transaction(async (ptx: PGliteTransaction) =>
        work({
          query: async <T>(sql: Prisma.Sql) => {
            const result = await ptx.query<T>(sql.text, params(sql));
            return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
          },
          // One COPY per chunk (lib/ingest/write.ts yields 2,000 rows at a time): the database's thread never holds
          // a whole catch-up batch's values at once.
          copyRows: async (table, columns, data) => {
            let copied = 0;
            for (const chunk of data) {
              const result = await ptx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
              copied += result.affectedRows ?? 0;
            }
            return copied;
          },
        }),
      ),
    );
}
