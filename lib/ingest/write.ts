// Set-based writes, never row by row. Immutable facts are streamed with COPY straight into their table, the
// fastest way into Postgres; if any of them is already stored (an overlap after a restart) every table's write is
// rolled back to one savepoint and all the rows are merged instead. Merged rows travel as one JSON parameter expanded by
// json_to_recordset and upserted ON CONFLICT. Identifiers come from the static table specs, never from input.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { RowKeyIndex } from "./row-keys";
import type { Column, ColumnType, TableSpec } from "./tables";

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
  decs: "numeric[]",
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
      const version = q(spec.merge.version);
      // A closed position reopens only from a read newer than the one that found it gone.
      const reopen = spec.merge.closable ? ` AND (t."ended_at_height" IS NULL OR EXCLUDED.${version} > t."ended_at_height")` : "";
      // Older state never overwrites newer, and an identical row is not rewritten (so counts mean changes).
      return `DO UPDATE SET ${set} WHERE EXCLUDED.${version} >= t.${version}${reopen} AND (${mine}) IS DISTINCT FROM (${theirs})`;
    }
    case "custom":
      return `DO UPDATE SET ${spec.merge.set}`;
  }
}

const isScoped = (spec: TableSpec) => spec.networkScoped !== false;

/** The columns a write fills, in order: network_id first for tables scoped to one network. */
const writtenColumns = (spec: TableSpec) => [...(isScoped(spec) ? ["network_id"] : []), ...spec.columns.map((c) => c.name)];

export function upsertStatement(spec: TableSpec, rowsJson: string, networkId: number): Prisma.Sql {
  const scoped = isScoped(spec);
  const columns = spec.columns.map((c) => q(c.name));
  const recordType = spec.columns.map((c) => `${q(c.name)} ${sqlTypes[c.type]}`).join(", ");
  const key = [...(scoped ? ["network_id"] : []), ...spec.key].map(q).join(", ");
  const target = `${q(spec.table)} AS t (${writtenColumns(spec).map(q).join(", ")})`;
  return Prisma.sql`INSERT INTO ${Prisma.raw(target)}
    SELECT ${scoped ? Prisma.sql`${networkId}::int, ` : Prisma.empty}${Prisma.raw(columns.map((c) => `r.${c}`).join(", "))}
    FROM json_to_recordset(${rowsJson}::json) AS r(${Prisma.raw(recordType)})
    ON CONFLICT (${Prisma.raw(key)}) ${Prisma.raw(conflictClause(spec))}`;
}

type Row = Readonly<Record<string, unknown>>;

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const copyEscapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
// Tested first: almost no value holds one, and a replace that finds nothing costs twice a test.
const COPY_SPECIAL = /[\\\t\n\r]/;
const escapeCopy = (value: string) => (COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!) : value);
const ARRAY_SPECIAL = /["\\]/;
/** A Postgres array literal, every item quoted (an item may be empty or hold commas and braces); one string built. */
function arrayLiteral(items: readonly string[]): string {
  let literal = "{";
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    literal += `${i ? "," : ""}"${ARRAY_SPECIAL.test(item) ? item.replace(/["\\]/g, "\\$&") : item}"`;
  }
  return literal + "}";
}

const copyField: Record<ColumnType, (value: unknown) => string> = {
  // Validated to digits, signs, dots and ISO times: nothing in them needs escaping.
  height: String,
  int: String,
  dec: String,
  amount: String,
  time: String,
  bool: (v) => (v ? "t" : "f"),
  text: (v) => escapeCopy(v as string),
  json: (v) => escapeCopy(JSON.stringify(v)),
  texts: (v) => escapeCopy(arrayLiteral(v as string[])),
  // Validated to digits, signs and dots (and nulls): an array literal needs no quotes around them.
  decs: (v) => `{${(v as (string | null)[]).map((d) => d ?? "NULL").join(",")}}`,
};

const COPY_CHUNK_ROWS = 2_000;

/**
 * The rows in COPY's text format, columns in spec order, prefixed by the network id for scoped tables. Yielded in
 * chunks so Postgres parses the first rows while the next are still being encoded.
 */
export function* copyText(spec: TableSpec, rows: readonly Row[], networkId: number): Generator<string> {
  const prefix = isScoped(spec) ? `${networkId}\t` : "";
  const names = spec.columns.map((c) => c.name);
  const encoders = spec.columns.map((c) => copyField[c.type]);
  let chunk = "";
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = prefix;
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i]!];
      if (i) line += "\t";
      line += value === null || value === undefined ? "\\N" : encoders[i]!(value);
    }
    chunk += line + "\n";
    if ((r + 1) % COPY_CHUNK_ROWS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

const UNIQUE_VIOLATION = "23505";

/** Writes one table's rows (COPY for immutable facts unless `merge`) and returns how many were inserted or changed. */
async function writeTable(tx: SqlTransaction, spec: TableSpec, rows: readonly Row[], networkId: number, merge: boolean): Promise<number> {
  if (rows.length === 0) return 0;
  if (!merge && spec.merge.kind === "insert") return tx.copyRows(spec.table, writtenColumns(spec), copyText(spec, rows, networkId));
  return (await tx.query(upsertStatement(spec, JSON.stringify(rows), networkId))).rowCount;
}

/**
 * Writes every table's rows in `tables` order; returns the count per table that had rows. One savepoint covers
 * them all: a savepoint per table cost two round trips each (17 tables a batch), and an overlap is rare.
 */
export async function writeAllRows<N extends string>(
  tx: SqlTransaction, tables: readonly { name: N; spec: TableSpec; rows: readonly Row[] | undefined }[], networkId: number,
): Promise<Partial<Record<N, number>>> {
  const run = async (merge: boolean) => {
    const counts: Partial<Record<N, number>> = {};
    for (const { name, spec, rows } of tables) if (rows?.length) counts[name] = await writeTable(tx, spec, rows, networkId, merge);
    return counts;
  };
  if (!tables.some((t) => t.rows?.length)) return {};
  await tx.query(Prisma.sql`SAVEPOINT copy_facts`);
  try {
    const counts = await run(false);
    await tx.query(Prisma.sql`RELEASE SAVEPOINT copy_facts`);
    return counts;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await tx.query(Prisma.sql`ROLLBACK TO SAVEPOINT copy_facts`);
    return run(true);
  }
}

/** Index pairs of rows that share a natural key: one statement cannot write the same row twice. */
export function findDuplicateKeys(spec: TableSpec, rows: readonly Row[]): [number, number][] {
  const index = new RowKeyIndex<Row>(spec.key);
  // The row index of each stored (first) row: the index skips repeats, so its positions are not the batch's.
  const firsts: number[] = [];
  const duplicates: [number, number][] = [];
  for (let i = 0; i < rows.length; i++) {
    const at = index.addFirst(rows[i]!);
    if (at === firsts.length) firsts.push(i);
    else duplicates.push([firsts[at]!, i]);
  }
  return duplicates;
}
