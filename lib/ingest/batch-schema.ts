// The versioned schema of POST /api/ingest bodies, derived from the table specs so the two cannot disagree.
import { z } from "zod";
import { jsonDepth } from "./storable";
import { maxItemsOf, tableNames, tableSpecs, type Column, type TableName, type TableSpec } from "./tables";

export const INGEST_SCHEMA_VERSION = 1;

const INT64_MAX = "9223372036854775807";
// Digit strings of equal length compare like the numbers they spell, so no BigInt is built per value.
const isHeight = (v: unknown): v is string => typeof v === "string" && /^\d{1,19}$/.test(v);
const heightString = z
  .string()
  .regex(/^\d{1,19}$/, "expected a non-negative integer string")
  .refine((v) => v.length < 19 || v <= INT64_MAX, "out of int64 range");
// Allora decimals stay strings end to end: no exponent, no Infinity, and "NaN" only where the chain itself sends it.
const decString = z.string().regex(/^-?\d{1,200}(\.\d{1,200})?$/, "expected an exact decimal string");
const decOrNaNString = z.string().regex(/^(-?\d{1,200}(\.\d{1,200})?|NaN)$/, 'expected an exact decimal string or "NaN"');
// Postgres has no year 0 and the pages cannot show a year past 9999: an instant outside 0001–9999 (UTC) is refused.
const FIRST_INSTANT = Date.parse("0001-01-01T00:00:00Z");
const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");
const isoTime = z.iso.datetime({ offset: true }).refine((v) => {
  const ms = Date.parse(v);
  return ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
}, "must lie between the years 0001 and 9999 (UTC)");
// jsonb nests without a limit but Postgres' parser recurses; a shallow cap keeps that (and our own walk) safe.
const MAX_JSON_DEPTH = 32;
const jsonValue = z.unknown().refine((v) => v !== undefined && jsonDepth(v) <= MAX_JSON_DEPTH, `must be JSON nested at most ${MAX_JSON_DEPTH} levels`);
// Postgres text cannot hold NUL, so it is refused here rather than failing mid-transaction.
const textString = z.string().max(4096).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const amountString = z.string().regex(/^\d{1,78}$/, "expected a non-negative integer string of at most 78 digits (uallo)");

export function columnSchema(column: Column): z.ZodType {
  const base: Record<Column["type"], z.ZodType> = {
    height: heightString,
    int: z.number().int().min(-2147483648).max(2147483647),
    dec: decString,
    amount: amountString,
    text: textString,
    bool: z.boolean(),
    time: isoTime,
    json: jsonValue,
    texts: z.array(textString).max(maxItemsOf(column)),
    decs: z.array(decString.nullable()).max(maxItemsOf(column)),
  };
  const schema = column.type === "dec" && column.nan ? decOrNaNString : base[column.type];
  return column.optional ? schema.nullable().optional() : schema;
}

function rowSchema(name: TableName) {
  const spec: TableSpec = tableSpecs[name];
  const shape = Object.fromEntries(spec.columns.map((c) => [c.name, columnSchema(c)]));
  const rules = spec.rules ?? [];
  return z.strictObject(shape).superRefine((row, ctx) => {
    for (const rule of rules) if (!rule.holds(row)) ctx.addIssue({ code: "custom", path: [rule.field], message: rule.message });
  });
}

export const MAX_ROWS_PER_TABLE = 200_000;

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

// Every field of a batch but its rows; `batchSchema` adds them, `batchHeadSchema` leaves them to lib/ingest/fast-rows.ts.
const batchFields = {
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
        // State the node could not serve (left out, or read at another height) and how blocks are read; replaces
        // the stored list on each batch, so a notice disappears once the state is read again.
        notices: z
          .array(
            z.strictObject({
              state: z.string().min(1).max(100),
              kind: z.enum(["missing", "pruned", "single_requests", "block_calls"]),
              since: isoTime,
              as_of_height: heightString.nullable(),
              detail: z.string().max(1000),
            }),
          )
          .max(100)
          .optional(),
        // What the realized-price source answered last (absent when no source is configured).
        price_source: z
          .strictObject({
            source: z.string().min(1).max(200),
            error: z.string().max(2000).nullable(),
            checked_at: isoTime.nullable(),
            ok_at: isoTime.nullable(),
          })
          .optional(),
      })
      .optional(),
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
        // A published signal's score, once its horizon has passed: fills realized_value, return_bps and scored_at.
        signal_scores: z
          .array(
            z.strictObject({
              topic_id: heightString,
              label: z.string().max(100),
              strategy: z.string().min(1).max(100),
              published_height: heightString,
              realized_value: decString,
              return_bps: decString,
              scored_at: z.iso.datetime({ offset: true }),
            }),
          )
          .max(MAX_ROWS_PER_TABLE)
          .optional(),
      })
      .optional(),
};

// zod runs these even when a field above failed, so they must not trust the shapes they read.
type Head = { network: IngestNetwork; from_height?: string | null; to_height?: string | null };
const batchRefines = <T extends z.ZodType<Head>>(schema: T) =>
  schema
    .refine((b) => (b.network as Partial<IngestNetwork> | null)?.kind !== "devnet" || b.network.simulated === true, {
      path: ["network", "simulated"],
      message: "a devnet batch must be marked simulated",
    })
    .refine((b) => !isHeight(b.from_height) || !isHeight(b.to_height) || BigInt(b.from_height) <= BigInt(b.to_height), {
      path: ["to_height"],
      message: "must not be below from_height",
    });

export const batchSchema = batchRefines(z.strictObject({ ...batchFields, rows: rowsSchema }));
/** The batch without checking its rows (a fast path checks them; zod's batchSchema names what that path refuses). */
export const batchHeadSchema = batchRefines(z.strictObject({ ...batchFields, rows: z.unknown() }));

export type IngestBatch = z.infer<typeof batchSchema>;
type IngestNetwork = z.infer<typeof networkSchema>;
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
