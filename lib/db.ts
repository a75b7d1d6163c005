// The app's database: opened and migrated once per process, shared by every server module.
import { serverEnv } from "@/lib/env";
import { openDatabase, type Database } from "@/lib/db/client";

const globalForDb = globalThis as typeof globalThis & { __alloraDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!globalForDb.__alloraDb) {
    const env = serverEnv();
    const opening = env.DATABASE_URL
      ? openDatabase({ kind: "postgres", url: env.DATABASE_URL })
      : openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR });
    // A failed open is not cached, so the next request retries (e.g. Postgres started late).
    globalForDb.__alloraDb = opening.catch((error: unknown) => {
      globalForDb.__alloraDb = undefined;
      throw error;
    });
  }
  return globalForDb.__alloraDb;
}

/** Points every server module at an already-open database (tests, and tools that open their own). */
export function setDatabase(db: Database): void {
  globalForDb.__alloraDb = Promise.resolve(db);
}
