import { afterEach, describe, expect, it } from "vitest";
import { pgliteRunner } from "@/lib/db/client";
import { migrate, readMigrations, type Migration } from "@/lib/db/migrate";
import { PGlite } from "@electric-sql/pglite";
import { actualShape, diffShapes, expectedShape } from "../support/schema-model";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.dispose()));
});

async function shapeOf(db: TestDatabase) {
  return actualShape(<T,>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql));
}

describe(`migrations against schema.prisma (${describeTestDatabase()})`, () => {
  it("the migrated database has every model, column, type, key and index of schema.prisma", async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const problems = diffShapes(expectedShape(), await shapeOf(db));
    expect(problems).toEqual([]);
    expect(Object.keys(expectedShape()).length).toBeGreaterThanOrEqual(30);
  });

  it("detects drift: a column missing from a migration is reported by name", async () => {
    const migrations = readMigrations();
    const tampered: Migration[] = migrations.map((m, i) =>
      i === 0 ? { ...m, sql: m.sql.replace(/^\s*"naive_value" DECIMAL,\n/m, "") } : m,
    );
    expect(tampered[0]?.sql).not.toEqual(migrations[0]?.sql);
    const lite = new PGlite();
    try {
      await migrate(pgliteRunner(lite), tampered);
      const live = await actualShape(async <T,>(sql: string) => (await lite.query<T>(sql)).rows);
      const problems = diffShapes(expectedShape(), live);
      expect(problems).toContain("network_inferences.naive_value: missing from the database");
    } finally {
      await lite.close();
    }
  });

  it("detects drift: a schema field with no migration is reported", async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const schema = expectedShape();
    schema.topics!.columns.unmigrated_field = { type: "text", nullable: true, isList: false };
    expect(diffShapes(schema, await shapeOf(db))).toEqual(["topics.unmigrated_field: missing from the database"]);
  });
});

describe(`the migrator (${describeTestDatabase()})`, () => {
  it("records each migration the way Prisma Migrate does and applies nothing twice", async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const migrations = readMigrations();
    expect(db.migrations.applied).toEqual(migrations.map((m) => m.name));
    const rows = await db.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]
    >(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(migrations[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a migration edited after it was applied, and rolls back a failing one completely", async () => {
    const lite = new PGlite();
    try {
      const runner = pgliteRunner(lite);
      const migrations = readMigrations();
      const second = await migrate(runner, migrations);
      expect(await migrate(runner, migrations)).toEqual({ applied: [], total: second.total });

      const edited = migrations.map((m) => ({ ...m, checksum: "0".repeat(64) }));
      await expect(migrate(runner, edited)).rejects.toThrow(/was modified after it was applied/);

      const broken: Migration = { name: "99999999999999_broken", sql: `CREATE TABLE half_done (id int); SELECT nope;`, checksum: "f".repeat(64) };
      await expect(migrate(runner, [...migrations, broken])).rejects.toThrow(/99999999999999_broken failed/);
      const leftovers = await lite.query(`SELECT 1 FROM pg_class WHERE relname = 'half_done'`);
      expect(leftovers.rows).toHaveLength(0);
      const recorded = await lite.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`);
      expect(recorded.rows).toHaveLength(0);
    } finally {
      await lite.close();
    }
  });
});
