// The versioned schema of POST /api/ingest bodies, derived from the table specs so the two cannot disagree.
import { z } from "zod";
import { tableNames, tableSpecs, type Column, type TableName } from "./tables";

export const INGEST_SCHEMA_VERSION = 1;

const INT64_MAX = "9223372036854775807";
// Digit strings of equal length compare like the numbers they spell, so no BigInt is built per value.
const heightString = z
  .string()
  .regex(/^\d{1,19}$/, "expected a non-negative integer string")
  .refine((v) => v.length < 19 || v <= INT64_MAX, "out of int64 range");
// Allora decimals stay strings end to end: no exponent, no Infinity, and "NaN" only where the chain itself sends it.
const decString = z.string().regex(/^-?\d{1,200}(\.\d{1,200})?$/, "expected an exact decimal string");
const decOrNaNString = z.string().regex(/^(-?\d{1,200}(\.\d{1,200})?|NaN)$/, 'expected an exact decimal string or "NaN"');
const isoTime = z.iso.datetime({ offset: true });
const amountString = z.string().regex(/^\d{1,78}$/, "expected a non-negative integer string of at most 78 digits (uallo)");

function columnSchema(column: Column): z.ZodType {
  const base: Record<Column["type"], z.ZodType> = {
    height: heightString,
    int: z.number().int().min(-2147483648).max(2147483647),
    dec: decString,
    amount: amountString,
    // Postgres text cannot hold NUL, so it is refused here rather than failing mid-transaction.
    text: z.string().max(4096).refine((v) => !v.includes("\u0000"), "must not contain NUL characters"),
    bool: z.boolean(),
    time: isoTime,
    json: z.json(),
    texts: z.array(z.string().max(4096)).max(1000),
  };
  const schema = column.type === "dec" && column.nan ? decOrNaNString : base[column.type];
  return column.optional ? schema.nullable().optional() : schema;
}

function rowSchema(name: TableName) {
  const shape = Object.fromEntries(tableSpecs[name].columns.map((c) => [c.name, columnSchema(c)]));
  return z.strictObject(shape);
}

const MAX_ROWS_PER_TABLE = 200_000;

const rowsSchema = z.strictObject(
  Object.fromEntries(tableNames.map((name) => [name, z.array(rowSchema(name)).max(MAX_ROWS_PER_TABLE).optional()])) as {
    [K in TableName]: z.ZodOptional<z.ZodArray<ReturnType<typeof rowSchema>>>;
  },
);

export const networkSchema = z.strictObject({
  chain_id: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  kind: z.enum(["mainnet", "testnet", "devnet"]),
  simulated: z.boolean(),
  emissions_version: z.enum(["v9", "v10"]).nullable(),
  lcd_url: z.string().max(500).nullable().optional(),
  rpc_url: z.string().max(500).nullable().optional(),
});

export const batchSchema = z
  .strictObject({
    version: z.literal(INGEST_SCHEMA_VERSION),
    batch_id: z.string().regex(/^[A-Za-z0-9:._-]{1,200}$/, "expected 1-200 characters of A-Z a-z 0-9 : . _ -"),
    network: networkSchema,
    from_height: heightString.nullable().optional(),
    to_height: heightString.nullable().optional(),
    // The collector's position after this batch; committed in the same transaction as the rows.
    cursor: z.strictObject({ source: z.string().min(1).max(200), height: heightString, time: isoTime.nullable().optional() }).optional(),
    // Present on every collector batch: the sender's lease claim and the state it reports for /api/health.
    collector: z
      .strictObject({
        id: z.string().regex(/^[A-Za-z0-9:._-]{1,100}$/, "expected 1-100 characters of A-Z a-z 0-9 : . _ -"),
        state: z.enum(["running", "catching_up", "backing_off", "error", "stopped"]),
        last_error: z.string().max(2000).nullable().optional(),
        chain_height: heightString.nullable().optional(),
        chain_time: isoTime.nullable().optional(),
      })
      .optional(),
    rows: rowsSchema,
    // Transitions the events announce without the full row (a cancel names no request height): applied after the
    // rows, in height order, to the latest matching record at or before that height.
    updates: z
      .strictObject({
        stake_removals: z
          .array(
            z.strictObject({
              topic_id: heightString,
              reputer: z.string().min(1).max(200),
              delegator: z.string().max(200),
              height: heightString,
              status: z.enum(["cancelled", "completed"]),
            }),
          )
          .max(MAX_ROWS_PER_TABLE)
          .optional(),
        // The batch's validator_delegations and validator_unbondings rows are the complete live sets as of this
        // height (a full state read): every stored live row not among them is closed at it.
        full_state: z.strictObject({ height: heightString, time: isoTime }).optional(),
        // Placements a read at `height` found gone (zero amount): their latest row is closed as 'withdrawn'.
        placement_ends: z
          .array(
            z.strictObject({
              topic_id: heightString,
              reputer: z.string().min(1).max(200),
              delegator: z.string().min(1).max(200),
              height: heightString,
            }),
          )
          .max(MAX_ROWS_PER_TABLE)
          .optional(),
        registrations: z
          .array(
            z.strictObject({
              topic_id: heightString,
              address: z.string().min(1).max(200),
              role: z.enum(["worker", "reputer"]),
              height: heightString,
            }),
          )
          .max(MAX_ROWS_PER_TABLE)
          .optional(),
      })
      .optional(),
  })
  .refine((b) => b.network.kind !== "devnet" || b.network.simulated, {
    path: ["network", "simulated"],
    message: "a devnet batch must be marked simulated",
  })
  .refine((b) => !b.from_height || !b.to_height || BigInt(b.from_height) <= BigInt(b.to_height), {
    path: ["to_height"],
    message: "must not be below from_height",
  });

export type IngestBatch = z.infer<typeof batchSchema>;
export type IngestRow = Record<string, unknown>;

export type FieldIssue = { field: string; message: string };

/** Every offending field, named by its path in the body (e.g. `rows.scores[3].score`). */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      "",
    ) || "(body)",
    message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}
