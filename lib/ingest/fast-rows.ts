// The rows of a batch (~36 per block, 36,000 in a catch-up batch) checked by plain predicates, one per column type,
// each accepting only values its zod schema in batch-schema.ts accepts: zod cost the route ~220 ms a batch. A row
// they do not accept is not refused here: the whole batch then goes through zod, which names every offending field.
import type { z } from "zod";
import { columnSchema, MAX_ROWS_PER_TABLE } from "./batch-schema";
import { maxItemsOf, tableNames, tableSpecs, type Column, type ColumnType, type RowRule, type TableSpec } from "./tables";

const INT64_MAX = "9223372036854775807";

/** 1 to `max` ASCII digits: a loop over a few characters costs less than a regex call, and heights are most values. */
function isDigits(v: string, max: number): boolean {
  if (v.length === 0 || v.length > max) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const DEC = /^-?\d{1,200}(\.\d{1,200})?$/;
const AMOUNT = /^\d{1,78}$/;
const isText = (v: unknown) => typeof v === "string" && v.length <= 4096 && !v.includes("\u0000");

/** Types whose zod schema is cheap enough (or its rule subtle enough: times, JSON depth) to run per value. */
const viaZod = (schema: z.ZodType) => (v: unknown) => schema.safeParse(v).success;

function accepts(column: Column): (v: unknown) => boolean {
  const plain: Partial<Record<ColumnType, (v: unknown) => boolean>> = {
    height: (v) => typeof v === "string" && isDigits(v, 19) && (v.length < 19 || v <= INT64_MAX),
    int: (v) => typeof v === "number" && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647,
    dec: column.nan ? (v) => typeof v === "string" && (v === "NaN" || DEC.test(v)) : (v) => typeof v === "string" && DEC.test(v),
    amount: (v) => typeof v === "string" && AMOUNT.test(v),
    text: isText,
    bool: (v) => typeof v === "boolean",
    decs: (v) => Array.isArray(v) && v.length <= maxItemsOf(column) && v.every((d) => d === null || (typeof d === "string" && DEC.test(d))),
    texts: (v) => Array.isArray(v) && v.length <= maxItemsOf(column) && v.every(isText),
  };
  return plain[column.type] ?? viaZod(columnSchema({ ...column, optional: false }));
}

type Checker = { columns: { name: string; optional: boolean; ok: (v: unknown) => boolean }[]; rules: RowRule[] };
const checkers: Record<string, Checker> = Object.fromEntries(
  tableNames.map((name) => {
    const spec: TableSpec = tableSpecs[name];
    return [name, { columns: spec.columns.map((c) => ({ name: c.name, optional: c.optional === true, ok: accepts(c) })), rules: spec.rules ?? [] }];
  }),
);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function rowAccepted({ columns, rules }: Checker, row: unknown): boolean {
  if (!isRecord(row)) return false;
  let present = 0;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const v = row[c.name];
    // One read per column: JSON carries no undefined, so an undefined value is an absent column (or zod's to judge).
    if (v === undefined) {
      if (!c.optional || Object.hasOwn(row, c.name)) return false;
      continue;
    }
    present++;
    if (v === null ? !c.optional : !c.ok(v)) return false;
  }
  // Strict objects: a key that is no column (or an undefined value, which JSON cannot carry) is zod's to judge.
  if (Object.keys(row).length !== present) return false;
  for (let i = 0; i < rules.length; i++) if (!rules[i]!.holds(row)) return false;
  return true;
}

/** True only if batchSchema would accept `rows` as they are (so they can be used without zod's copy). */
export function rowsAccepted(rows: unknown): boolean {
  if (!isRecord(rows)) return false;
  for (const [name, list] of Object.entries(rows)) if (!tableRowsAccepted(name, list)) return false;
  return true;
}

/** True only if batchSchema would accept `list` as the rows of table `name`. */
export function tableRowsAccepted(name: string, list: unknown): boolean {
  const checker = Object.hasOwn(checkers, name) ? checkers[name] : undefined;
  if (!checker || !Array.isArray(list) || list.length > MAX_ROWS_PER_TABLE) return false;
  for (const row of list) if (!rowAccepted(checker, row)) return false;
  return true;
}
