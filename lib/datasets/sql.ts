// SQL of a dataset query, built from its registry entry. Registry fragments are constants of this codebase
// (Prisma.raw); every value from a caller is a bound parameter.
import { Prisma } from "@/lib/generated/prisma/client";
import { csvSelectSql, selectSql, type ColumnDef } from "./columns";
import type { DatasetDef } from "./dataset";
import type { Filters } from "./filters";

export type Scope = { networkId: number | null; asOf: string | null };

const raw = Prisma.raw;

export function selectedColumns(def: DatasetDef, filters: Filters): ColumnDef[] {
  return filters.columns ? def.columns.filter((c) => filters.columns!.includes(c.name)) : def.columns;
}

function conditions(def: DatasetDef, filters: Filters, scope: Scope): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (def.networkScoped) where.push(Prisma.sql`t.network_id = ${scope.networkId ?? -1}`);
  if (filters.topic && def.topic) where.push(Prisma.sql`${raw(def.topic)} = ${filters.topic}::bigint`);
  if (filters.address && def.address)
    where.push(Prisma.sql`(${Prisma.join(def.address.map((a) => Prisma.sql`${raw(a)} = ${filters.address}`), " OR ")})`);
  if (filters.label && def.label) where.push(Prisma.sql`${raw(def.label)} = ${filters.label}`);
  if (def.height) {
    const h = raw(def.height);
    if (filters.fromHeight) where.push(Prisma.sql`${h} >= ${filters.fromHeight}::bigint`);
    if (filters.toHeight) where.push(Prisma.sql`${h} <= ${filters.toHeight}::bigint`);
    // A time bound becomes a height bound through block times; no block in range (NULL) means no row.
    if (filters.from)
      where.push(Prisma.sql`${h} >= (SELECT min(height) FROM blocks WHERE network_id = ${scope.networkId ?? -1} AND time >= ${filters.from}::timestamptz)`);
    if (filters.to)
      where.push(Prisma.sql`${h} <= (SELECT max(height) FROM blocks WHERE network_id = ${scope.networkId ?? -1} AND time <= ${filters.to}::timestamptz)`);
    if (def.immutable && scope.asOf !== null) where.push(Prisma.sql`${h} <= ${scope.asOf}::bigint`);
  } else if (def.time) {
    if (filters.from) where.push(Prisma.sql`${raw(def.time)} >= ${filters.from}::timestamptz`);
    if (filters.to) where.push(Prisma.sql`${raw(def.time)} <= ${filters.to}::timestamptz`);
  }
  return where;
}

const whereSql = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

export function countSql(def: DatasetDef, filters: Filters, scope: Scope): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::text AS n FROM ${raw(def.from)} ${whereSql(conditions(def, filters, scope))}`;
}

// The network id leads the key in the comparison so the primary-key index serves the keyset directly.
const keyColumns = (def: DatasetDef) => [...(def.networkScoped ? ["t.network_id"] : []), ...def.key.map((k) => k.sql)];

/**
 * One keyset page: rows strictly after `after` (the previous page's last key), in natural-key order, with the key
 * rendered as `__k0…` for the next cursor. `limit` null: the whole range in one statement (a streamed export).
 */
export function pageSql(
  def: DatasetDef,
  filters: Filters,
  scope: Scope,
  after: string[] | null,
  limit: number | null,
  render: (c: ColumnDef) => string = selectSql,
): Prisma.Sql {
  const where = conditions(def, filters, scope);
  if (after) {
    const values = [
      ...(def.networkScoped ? [Prisma.sql`${scope.networkId ?? -1}::int`] : []),
      ...def.key.map((k, i) => Prisma.sql`${after[i]}::${raw(k.cast)}`),
    ];
    where.push(Prisma.sql`(${raw(keyColumns(def).join(", "))}) > (${Prisma.join(values, ", ")})`);
    // Implied by the comparison above, and usable by the index on its own: a row after the key is not before its prefix.
    if (def.indexedKeyParts) {
      const n = def.indexedKeyParts + (def.networkScoped ? 1 : 0);
      where.push(Prisma.sql`(${raw(keyColumns(def).slice(0, n).join(", "))}) >= (${Prisma.join(values.slice(0, n), ", ")})`);
    }
  }
  const select = [
    ...selectedColumns(def, filters).map((c) => `${render(c)} AS "${c.name}"`),
    ...(limit === null ? [] : def.key.map((k, i) => `(${k.sql})::text AS "__k${i}"`)),
  ].join(", ");
  const limitSql = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`;
  return Prisma.sql`SELECT ${raw(select)} FROM ${raw(def.from)} ${whereSql(where)} ORDER BY ${raw(keyColumns(def).join(", "))} ${limitSql}`;
}

/** The whole range with every cell already rendered as its CSV text, for `COPY (…) TO STDOUT (FORMAT csv)`. */
export const csvExportSql = (def: DatasetDef, filters: Filters, scope: Scope): Prisma.Sql => pageSql(def, filters, scope, null, null, csvSelectSql);
