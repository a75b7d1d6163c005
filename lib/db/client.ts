// The one database handle: real Postgres through @prisma/adapter-pg when DATABASE_URL is set, otherwise an
// embedded PGlite database persisted on disk (the zero-setup default). Same schema, migrations and queries.
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate, type MigrateResult, type SqlRunner } from "./migrate";
import { postgresCopyOut, type CopyOut } from "./copy-out";
import { pgliteReads } from "./pglite-reads";
import { openPgliteWorker, type PgliteConnection } from "./pglite-remote";
import { pgliteTransactions, postgresTransactions, type RunTransaction } from "./sql-transaction";

export type Database = {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  migrations: MigrateResult;
  /** A raw-SQL transaction on one connection (the ingest write path); reads go through `prisma`. */
  transaction: RunTransaction;
  /** Postgres only: a query's rows rendered by the server itself (`COPY … TO STDOUT`), for streamed exports. */
  copyOut?: CopyOut;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string; migrate?: boolean }
  | { kind: "pglite"; dataDir?: string; migrate?: boolean };

export function pgliteRunner(db: PgliteConnection): SqlRunner {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

export function pgClientRunner(client: pg.Client): SqlRunner {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

async function migratePostgres(url: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await migrate(pgClientRunner(client));
  } finally {
    await client.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === "postgres") {
    const migrations = options.migrate === false ? { applied: [], total: 0 } : await migratePostgres(options.url);
    // One pool serves Prisma and the raw transactions, so the connection limit is one number.
    // No JIT: the topic page's per-row price lookups have estimated costs that trip jit_above_cost, and compiling
    // them took ~0.5 s of a query that runs in ~10 ms (seen in EXPLAIN ANALYZE on a year of data).
    // UTC sessions whatever the server's zone: Prisma binds a Date as a time without offset, which Postgres reads in
    // the session's zone, and the rollups' hours and days (date_trunc) are UTC ones, as the pages compute them.
    const pool = new pg.Pool({ connectionString: options.url, options: "-c jit=off -c TimeZone=UTC" });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    return {
      prisma,
      kind: "postgres",
      migrations,
      transaction: postgresTransactions(pool),
      copyOut: postgresCopyOut(pool),
      close: async () => {
        await prisma.$disconnect();
        if (!pool.ended) await pool.end();
      },
    };
  }
  // PGlite is one connection, on a thread of its own (lib/db/pglite-remote): the migrator and Prisma share it.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lite = await openPgliteWorker(options.dataDir);
  const migrations = options.migrate === false ? { applied: [], total: 0 } : await migrate(pgliteRunner(lite));
  const reads = pgliteReads(lite);
  // The adapter calls only query, exec and transaction, which the connection has (lib/db/pglite-remote).
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(reads.reader as PGlite) });
  return {
    prisma,
    kind: "pglite",
    migrations,
    transaction: pgliteTransactions(lite, reads.writing),
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
