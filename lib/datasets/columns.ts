// Column kinds of the public datasets and the SQL that renders each as exact text. Every value leaves Postgres as
// text (or boolean), so no number ever passes through a JS float: heights and amounts stay exact integer strings,
// Allora decimals exact decimal strings, times ISO 8601 UTC.
import { z } from "zod";

export type ColumnKind =
  | "height" // int64 as a decimal string (heights, nonces, topic ids)
  | "int" // small integer (fits a JS number)
  | "dec" // Allora decimal: exact decimal string, possibly negative, or "NaN"
  | "amount" // uallo: exact integer string (a Dec on chain for rewards: may carry a fraction)
  | "allo" // the same amount in ALLO (uallo / 10^18), exact decimal string
  | "text"
  | "bool"
  | "time" // ISO 8601 UTC with milliseconds
  | "texts"; // list of strings (JSON array in CSV)

export type ColumnDef = {
  name: string;
  kind: ColumnKind;
  /** SQL expression over the dataset's FROM clause; rendered as text by `selectSql`. */
  sql: string;
  description: string;
  unit?: string;
  nullable?: boolean;
};

export const unitOf = (c: ColumnDef): string =>
  c.unit ?? { height: "block height", int: "count", dec: "decimal", amount: "uallo", allo: "ALLO", text: "", bool: "", time: "UTC", texts: "" }[c.kind];

/** The SQL that renders a column as exact text (booleans and lists keep their JSON types). */
export function selectSql(c: ColumnDef): string {
  switch (c.kind) {
    case "bool":
    case "texts":
      return c.sql;
    case "allo":
      // Multiplying by 10^-18 is exact in numeric (division would round); trim_scale drops the padding zeros.
      return `trim_scale((${c.sql}) * 0.000000000000000001)::text`;
    case "time":
      return `to_char((${c.sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "int":
      return `(${c.sql})::int`;
    default:
      return `(${c.sql})::text`;
  }
}

/**
 * The SQL of a column's CSV cell, for exports the database renders itself (`COPY … TO STDOUT`): the same text as
 * `csvCell` in formats.ts, the formula guard included, so both ways of writing a CSV give the same bytes.
 */
export function csvSelectSql(c: ColumnDef): string {
  switch (c.kind) {
    case "bool":
      return `(${c.sql})::text`;
    case "texts":
      return `to_json(${c.sql})::text`;
    case "text": {
      const v = `(${c.sql})::text`;
      return `CASE WHEN left(${v}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${v} ELSE ${v} END`;
    }
    default:
      return selectSql(c);
  }
}

const heightString = z.string().regex(/^-?\d+$/);
const decString = z.string().regex(/^(-?\d+(\.\d+)?|NaN)$/);

/** The zod schema of one value in a JSON row; the OpenAPI document and the tests read the same schema. */
export function valueSchema(c: ColumnDef): z.ZodType {
  const unit = unitOf(c);
  const meta = { description: unit ? `${c.description} (${unit})` : c.description };
  const base = {
    height: heightString,
    int: z.number().int(),
    dec: decString,
    amount: decString,
    allo: decString,
    text: z.string(),
    bool: z.boolean(),
    time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    texts: z.array(z.string()),
  }[c.kind];
  return (c.nullable ? base.nullable() : base).meta(meta);
}
