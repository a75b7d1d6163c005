// CSV and NDJSON bodies of a whole range, streamed: rows are pulled chunk by chunk as the client reads, so a
// million-row export holds one chunk in memory, never the file.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { ColumnDef } from "./columns";

type Row = Record<string, unknown>;

// A spreadsheet runs a cell that starts with one of these as a formula; a leading quote makes it text
// (OWASP "CSV injection"). Only text columns get it: numbers such as "-0.5" stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (column.kind === "texts") return guardFormula(JSON.stringify(value));
  if (column.kind === "bool") return value ? "true" : "false";
  const text = String(value);
  return column.kind === "text" ? guardFormula(text) : text;
}

async function* csvRecords(columns: ColumnDef[], chunks: AsyncIterable<Row[]>): AsyncGenerator<string[]> {
  for await (const chunk of chunks) for (const row of chunk) yield columns.map((c) => csvCell(c, row[c.name]));
}

export function csvStream(columns: ColumnDef[], chunks: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns: columns.map((c) => c.name), eof: true });
  const source = Readable.from(csvRecords(columns, chunks));
  source.on("error", (error) => csv.destroy(error));
  source.pipe(csv);
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

async function* ndjsonLines(columns: ColumnDef[], chunks: AsyncIterable<Row[]>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    let text = "";
    for (const row of chunk) {
      const out: Row = {};
      for (const c of columns) out[c.name] = row[c.name] ?? null;
      text += `${JSON.stringify(out)}\n`;
    }
    yield Buffer.from(text);
  }
}

export function ndjsonStream(columns: ColumnDef[], chunks: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(ndjsonLines(columns, chunks))) as ReadableStream<Uint8Array>;
}
