// A fresh, migrated database per test file: a new Postgres database when TEST_DATABASE_URL or DATABASE_URL is set
// (created beside the one named there and dropped afterwards), an in-memory PGlite otherwise.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import type { Migration } from "@/lib/db/migrate";

export type TestDatabase = Database & { url?: string; dispose(): Promise<void> };

export function postgresTestUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function describeTestDatabase(): string {
  return postgresTestUrl() ? "Postgres" : "PGlite";
}

async function withAdmin<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty Postgres database next to the configured one and returns its URL. */
export async function createEmptyPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const worker = process.env.VITEST_POOL_ID ?? "0";
  const name = `allora_test_w${worker}_${randomBytes(4).toString("hex")}`;
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const baseUrl = postgresTestUrl();
  if (!baseUrl) {
    const db = await openDatabase({ kind: "pglite", migrate: options.migrate });
    return { ...db, dispose: db.close };
  }
  const empty = await createEmptyPostgresDatabase(baseUrl);
  const db = await openDatabase({ kind: "postgres", url: empty.url, migrate: options.migrate });
  return {
    ...db,
    url: empty.url,
    dispose: async () => {
      await db.close();
      await empty.drop();
    },
  };
}

export type { Migration };
