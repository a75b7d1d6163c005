// What one registry entry says about a dataset. Everything public (the /api/v1 route, CSV/NDJSON, the OpenAPI
// document, the /data dictionary and the MCP tools) is generated from these entries: a new dataset is one entry.
import type { ColumnDef, ColumnKind } from "./columns";

export type KeyPart = { sql: string; cast: "bigint" | "text" | "boolean" | "timestamptz" };

export type DatasetDef = {
  name: string;
  title: string;
  description: string;
  /** FROM clause; the dataset's own table is aliased `t`, block times come from `b`. */
  from: string;
  /** Rows belong to one network (`t.network_id`); false for ground truth, which describes the outside world. */
  networkScoped: boolean;
  /** The keyset order: the table's natural key, so a cursor names exactly one position. */
  key: KeyPart[];
  /**
   * How many leading key parts an index serves when the rest are computed (unnested arrays): the keyset then also
   * bounds those parts on their own, so a page starts at its position in the index instead of at the first row.
   */
  indexedKeyParts?: number;
  /** Height a row belongs to: `from_height`/`to_height` (and `from`/`to`, through block times) filter on it. */
  height?: string;
  /** Time column filtered directly by `from`/`to` when the dataset has no height. */
  time?: string;
  /**
   * Rows up to a height never change once committed (immutable facts, committed with their block): paging is
   * pinned to the as-of height of the first page, so rows ingested meanwhile neither shift nor join a paging run.
   */
  immutable: boolean;
  topic?: string;
  /** Address columns: `address=` matches a row where any of them equals it. */
  address?: string[];
  label?: string;
  columns: ColumnDef[];
};

type Extra = { unit?: string; nullable?: boolean; sql?: string };

const col =
  (kind: ColumnKind) =>
  (name: string, description: string, extra: Extra = {}): ColumnDef => ({ name, kind, sql: extra.sql ?? `t.${name}`, description, ...extra });

export const height = col("height");
export const int = col("int");
export const dec = col("dec");
export const text = col("text");
export const bool = col("bool");
export const time = col("time");
export const texts = col("texts");

/** An amount in uallo and the same amount in ALLO, side by side. */
export function amount(name: string, description: string, extra: Extra = {}): ColumnDef[] {
  const sql = extra.sql ?? `t.${name}`;
  return [
    { name, kind: "amount", sql, description, nullable: extra.nullable },
    { name: `${name}_allo`, kind: "allo", sql, description, nullable: extra.nullable },
  ];
}

export const blockJoin = (heightSql = "t.block_height") => `LEFT JOIN blocks b ON b.network_id = t.network_id AND b.height = ${heightSql}`;
export const blockTime = () => time("time", "Time of the block the row belongs to", { sql: "b.time", nullable: true });

export const keyOf = (...parts: string[]): KeyPart[] =>
  parts.map((p) => {
    const [sql, cast] = p.split(":") as [string, KeyPart["cast"] | undefined];
    return { sql: `t.${sql}`, cast: cast ?? "text" };
  });
