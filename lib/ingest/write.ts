// Set-based writes: a table's rows travel as one JSON parameter and are expanded by json_to_recordset, so a batch
// of 10,000 rows is one statement, not 10,000. Identifiers come from the static table specs, never from input.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Column, TableSpec } from "./tables";

type Executor = { $executeRaw(query: Prisma.Sql): Promise<number> };

const sqlTypes: Record<Column["type"], string> = {
  height: "bigint",
  int: "integer",
  dec: "numeric",
  amount: "numeric",
  text: "text",
  bool: "boolean",
  time: "timestamptz",
  json: "jsonb",
  texts: "text[]",
};

const q = (identifier: string) => `"${identifier}"`;

function conflictClause(spec: TableSpec): string {
  const updatable = spec.columns.map((c) => c.name).filter((c) => !spec.key.includes(c));
  switch (spec.merge.kind) {
    case "insert":
      return "DO NOTHING";
    case "latest": {
      const set = updatable.map((c) => `${q(c)} = EXCLUDED.${q(c)}`).join(", ");
      const mine = updatable.map((c) => `t.${q(c)}`).join(", ");
      const theirs = updatable.map((c) => `EXCLUDED.${q(c)}`).join(", ");
      // Older state never overwrites newer, and an identical row is not rewritten (so counts mean changes).
      return `DO UPDATE SET ${set} WHERE EXCLUDED.${q(spec.merge.version)} >= t.${q(spec.merge.version)} AND (${mine}) IS DISTINCT FROM (${theirs})`;
    }
    case "custom":
      return `DO UPDATE SET ${spec.merge.set}`;
  }
}

export function upsertStatement(spec: TableSpec, rowsJson: string, networkId: number): Prisma.Sql {
  const scoped = spec.networkScoped !== false;
  const columns = spec.columns.map((c) => q(c.name));
  const recordType = spec.columns.map((c) => `${q(c.name)} ${sqlTypes[c.type]}`).join(", ");
  const key = [...(scoped ? ["network_id"] : []), ...spec.key].map(q).join(", ");
  const target = `${q(spec.table)} AS t (${[...(scoped ? [q("network_id")] : []), ...columns].join(", ")})`;
  return Prisma.sql`INSERT INTO ${Prisma.raw(target)}
    SELECT ${scoped ? Prisma.sql`${networkId}::int, ` : Prisma.empty}${Prisma.raw(columns.map((c) => `r.${c}`).join(", "))}
    FROM json_to_recordset(${rowsJson}::json) AS r(${Prisma.raw(recordType)})
    ON CONFLICT (${Prisma.raw(key)}) ${Prisma.raw(conflictClause(spec))}`;
}

export async function writeRows(db: Executor, spec: TableSpec, rows: readonly Record<string, unknown>[], networkId: number): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$executeRaw(upsertStatement(spec, JSON.stringify(rows), networkId));
}

/** Index pairs of rows that share a natural key: one statement cannot write the same row twice. */
export function findDuplicateKeys(spec: TableSpec, rows: readonly Record<string, unknown>[]): [number, number][] {
  const seen = new Map<string, number>();
  const duplicates: [number, number][] = [];
  rows.forEach((row, index) => {
    // Key parts are validated strings/numbers/booleans without NUL, so NUL is a safe separator.
    const key = spec.key.map((k) => String(row[k] ?? "\u0001")).join("\u0000");
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else duplicates.push([first, index]);
  });
  return duplicates;
}
