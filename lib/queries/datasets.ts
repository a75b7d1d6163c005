import "server-only";
import { Readable } from "node:stream";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/datasets/cursor";
import type { DatasetDef } from "@/lib/datasets/dataset";
import { ParameterError, parseQuery, type Filters } from "@/lib/datasets/filters";
import { countSql, csvExportSql, pageSql, selectedColumns, type Scope } from "@/lib/datasets/sql";
import { csvStream } from "@/lib/datasets/formats";
import { DATASETS } from "@/lib/datasets/registry";
import { cursorRows } from "@/lib/queries/dataset-stream";
import { getIndexStatus } from "@/lib/queries/status";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type Row = Record<string, unknown>;
export type AsOf = { asOfHeight: string | null; lagSeconds: number | null };
export type Page = AsOf & { rows: Row[]; nextCursor: string | null };

/** Rows per query while streaming a whole range: large enough to amortise a round trip, small enough to stay flat. */
const STREAM_CHUNK = 5_000;

// Reads run as short transactions on the raw connection (lib/db/sql-transaction.ts): its driver hands back the
// text the SQL renders, without Prisma's per-value decoding, which matters at a million rows.
async function run<T>(sql: Prisma.Sql): Promise<T[]> {
  const db = await getDb();
  return db.transaction(async (tx) => (await tx.query<T>(sql)).rows);
}

/** The network and as-of height of a query: the pinned height (as_of_height or a cursor's), else the indexed one. */
export async function resolveScope(filters: Filters, pinned?: string | null): Promise<Scope & AsOf> {
  const [networkId, status] = await Promise.all([findFollowedNetworkId(), getIndexStatus()]);
  const indexed = status.indexedHeight;
  const asked = pinned ?? filters.asOfHeight ?? null;
  if (asked !== null && (indexed === null || BigInt(asked) > BigInt(indexed)))
    throw new ParameterError(filters.asOfHeight ? "as_of_height" : "cursor", `is above the indexed height (${indexed ?? "nothing indexed"})`);
  return { networkId, asOf: asked ?? indexed, asOfHeight: asked ?? indexed, lagSeconds: status.lagSeconds };
}

export async function countRows(def: DatasetDef, filters: Filters, scope: Scope): Promise<string> {
  const [row] = await run<{ n: string }>(countSql(def, filters, scope));
  return row?.n ?? "0";
}

const keyOfRow = (def: DatasetDef, row: Row) => def.key.map((_, i) => row[`__k${i}`] as string);

function stripKeys(def: DatasetDef, row: Row): Row {
  for (let i = 0; i < def.key.length; i++) delete row[`__k${i}`];
  return row;
}

/** One JSON page; a cursor continues the paging run it came from, pinned to that run's as-of height. */
export async function readPage(def: DatasetDef, filters: Filters, limit: number, cursorText?: string): Promise<Page> {
  const cursor = cursorText ? decodeCursor(cursorText, def.name, def.key.length) : null;
  const scope = await resolveScope(filters, cursor?.asOf);
  // One extra row tells whether another page exists without a second query.
  const rows = await run<Row>(pageSql(def, filters, scope, cursor?.key ?? null, limit + 1));
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const nextCursor = more && last ? encodeCursor({ dataset: def.name, asOf: scope.asOf, key: keyOfRow(def, last) }) : null;
  return { asOfHeight: scope.asOfHeight, lagSeconds: scope.lagSeconds, rows: page.map((r) => stripKeys(def, r)), nextCursor };
}

/**
 * Every row of a query in key order, chunk by chunk: memory stays flat whatever the range. Postgres reads one
 * cursor; PGlite (one in-process connection, which a long transaction would hold against ingestion) reads keyset
 * chunks, each its own short statement.
 */
export async function* streamRows(def: DatasetDef, filters: Filters, scope: Scope): AsyncGenerator<Row[]> {
  const db = await getDb();
  if (db.kind === "postgres") {
    yield* cursorRows(pageSql(def, filters, scope, null, null), STREAM_CHUNK, db);
    return;
  }
  let after: string[] | null = null;
  for (;;) {
    const rows: Row[] = await run<Row>(pageSql(def, filters, scope, after, STREAM_CHUNK));
    if (rows.length === 0) return;
    after = keyOfRow(def, rows[rows.length - 1]!);
    yield rows;
    if (rows.length < STREAM_CHUNK) return;
  }
}

/**
 * The CSV file of a whole range. On Postgres the server renders it (`COPY … TO STDOUT`, the same cells as
 * `csvLines`, tested byte for byte); PGlite has no streaming COPY out, so its rows are written here chunk by chunk.
 */
export async function csvBody(def: DatasetDef, filters: Filters, scope: Scope): Promise<ReadableStream<Uint8Array>> {
  const db = await getDb();
  if (!db.copyOut) return csvStream(selectedColumns(def, filters), streamRows(def, filters, scope));
  return Readable.toWeb(db.copyOut(csvExportSql(def, filters, scope), "FORMAT csv, HEADER")) as ReadableStream<Uint8Array>;
}

export type DatasetSummary = { name: string; title: string; description: string; rowCount: string };

/** Each dataset with its row count in this deployment (the /data page). */
export async function listDatasets(): Promise<{ datasets: DatasetSummary[] } & AsOf> {
  const scope = await resolveScope({});
  const counts = await Promise.all(DATASETS.map((d) => countRows(d, {}, scope)));
  return {
    asOfHeight: scope.asOfHeight,
    lagSeconds: scope.lagSeconds,
    datasets: DATASETS.map((d, i) => ({ name: d.name, title: d.title, description: d.description, rowCount: counts[i]! })),
  };
}

export type ExportPreview =
  | { ok: true; count: string; asOfHeight: string | null }
  | { ok: false; parameter: string; message: string };

/** The row count the /data builder shows before download: the same parse and count as `?count=only`. */
export async function previewExport(def: DatasetDef, query: Record<string, string | undefined>): Promise<ExportPreview> {
  try {
    const { filters } = parseQuery(def, query);
    const scope = await resolveScope(filters);
    return { ok: true, count: await countRows(def, filters, scope), asOfHeight: scope.asOfHeight };
  } catch (error) {
    if (error instanceof ParameterError) return { ok: false, parameter: error.parameter, message: error.message };
    throw error;
  }
}
