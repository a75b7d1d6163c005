// Applies prisma/migrations/*/migration.sql in order and records them in _prisma_migrations exactly as Prisma
// Migrate does (same table, sha256 checksum, advisory lock id), so `prisma migrate deploy` on a connected machine
// sees the same history. Each migration runs in its own transaction: a failed one leaves nothing half-applied.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The two things migrating needs from a connection; implemented over node-postgres and over PGlite. */
export type SqlRunner = {
  /** Runs one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; total: number };

// Prisma Migrate's own lock id, so the app and `prisma migrate deploy` never migrate one database at once.
const PRISMA_ADVISORY_LOCK = 72707369;

export function migrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

// The folder is read at run time on purpose (the app runs from the project root); the turbopackIgnore comments
// keep Next's build from tracing the whole project because of it.
export function readMigrations(dir = migrationsDir()): Migration[] {
  if (!existsSync(/* turbopackIgnore: true */ dir)) throw new Error(`migrations folder not found at ${dir}: run from the project root`);
  return readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const createBookkeeping = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(runner: SqlRunner, migrations = readMigrations()): Promise<MigrateResult> {
  await runner.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  try {
    await runner.exec(createBookkeeping);
    const rows = await runner.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) throw new Error(`migration ${failed.migration_name} failed earlier and was never resolved; fix the database, then mark it rolled back`);

    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum)
          throw new Error(`migration ${migration.name} was modified after it was applied (checksum differs); add a new migration instead`);
        continue;
      }
      await runner.exec("BEGIN");
      try {
        const id = randomUUID();
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        await runner.exec(migration.sql);
        await runner.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await runner.exec("COMMIT");
      } catch (error) {
        await runner.exec("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    const [count] = await runner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return { applied, total: count?.n ?? 0 };
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
  }
}
