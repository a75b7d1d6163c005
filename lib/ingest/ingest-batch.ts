// Applies one validated batch atomically: the network, every table's rows, the cursor and the batch log commit
// together or not at all. A batch id seen before with the same checksum is a no-op; with another checksum, a conflict.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeIssues, batchHeadSchema, batchSchema, type FieldIssue, type IngestBatch } from "./batch-schema";
import { isRecord, tableRowsAccepted } from "./fast-rows";
import { tableNames, tableSpecs, type TableName } from "./tables";
import { findUnstorableStrings, mayHoldUnstorable } from "./storable";
import { applyTransitions } from "./transitions";
import { findDuplicateKeys, writeAllRows } from "./write";
import { refreshRollups } from "./rollups";
import { refreshRealized } from "./realized";
import type { IngestProfile } from "./profile";

export type IngestCounts = Partial<Record<TableName | "stake_removal_transitions" | "registration_ends" | "signal_scores" | "delegation_ends" | "unbonding_ends" | "placement_ends", number>>;
export type IngestResult = {
  status: "applied" | "duplicate";
  batchId: string;
  counts: IngestCounts;
  /** The network's cursors after this batch (height strings by source), so a collector can resume from them. */
  cursors: Record<string, string>;
};

/** How long a collector's claim lasts without a new batch or heartbeat. */
export const LEASE_SECONDS = 30;

export class IngestValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid batch: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  }
}

export class IngestConflictError extends Error {
  /** The body field the conflict is about, e.g. `batch_id` or `collector.id`. */
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

// Two-key advisory locks: the class keeps them apart from the migrator's single-key lock.
const BATCH_LOCK_CLASS = 7_301;

/**
 * sha256 hex of the body's UTF-8 encoding. Given the bytes the body was decoded from, those are hashed instead when
 * they are valid UTF-8 (then they are exactly that encoding), which spares encoding ~20 MB again per batch.
 */
export function checksumOf(body: string, bytes?: Uint8Array): string {
  return createHash("sha256").update(bytes && isUtf8(bytes) ? bytes : body).digest("hex");
}

/**
 * Validates a parsed body: strings Postgres cannot store first, then the schema, then the rule that no table repeats
 * a natural key. Given the body's text, the string walk runs only when the text holds a suspect escape.
 */
export function parseBatch(body: unknown, text?: string): IngestBatch {
  const steps = validationSteps(body, text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The check of a table this large (a catch-up batch's value tables) is followed by a turn for pages. */
const YIELD_AFTER_ROWS = 5_000;

/**
 * parseBatch, handing the event loop back between its steps. A catch-up batch takes 100–300 ms to check on a busy
 * machine, and the route shares its thread with the pages: run in one piece, that was the pages' p95 during backfill.
 */
export async function parseBatchYielding(body: unknown, text?: string): Promise<IngestBatch> {
  const steps = validationSteps(body, text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToPages();
  }
}

/** One turn of the event loop: setImmediate runs after the I/O already waiting (a page's request or query answer). */
export const yieldToPages = () => new Promise<void>((resolve) => setImmediate(resolve));

// One sequence of checks for both callers: it yields where a caller may hand the thread back.
function* validationSteps(body: unknown, text?: string): Generator<void, IngestBatch> {
  if (text === undefined || mayHoldUnstorable(text)) {
    const unstorable = findUnstorableStrings(body);
    if (unstorable.length) throw new IngestValidationError(unstorable);
    yield;
  }
  const head = batchHeadSchema.safeParse(body);
  const rows = (body as { rows?: unknown } | null)?.rows;
  let fast = head.success && isRecord(rows);
  // Table by table, with a turn after each large one: the fast check of a catch-up batch is ~60 ms on a quiet core.
  if (fast)
    for (const [name, list] of Object.entries(rows as Record<string, unknown>)) {
      if (!tableRowsAccepted(name, list)) {
        fast = false;
        break;
      }
      if (Array.isArray(list) && list.length >= YIELD_AFTER_ROWS) yield;
    }
  const result = fast && head.success ? { success: true as const, data: { ...head.data, rows: rows as IngestBatch["rows"] } } : batchSchema.safeParse(body);
  if (!result.success) throw new IngestValidationError(describeIssues(result.error));
  yield;
  const issues: FieldIssue[] = [];
  for (const name of tableNames) {
    const list = result.data.rows[name] ?? [];
    for (const [first, again] of findDuplicateKeys(tableSpecs[name], list)) {
      issues.push({ field: `rows.${name}[${again}]`, message: `repeats the key (${tableSpecs[name].key.join(", ")}) of rows.${name}[${first}]` });
    }
    if (list.length >= YIELD_AFTER_ROWS) yield;
  }
  if (issues.length) throw new IngestValidationError(issues);
  return result.data;
}

export async function ingestBatch(db: Pick<Database, "transaction">, batch: IngestBatch, checksum: string, profile?: IngestProfile): Promise<IngestResult> {
  return db.transaction(async (raw) => {
    const tx = profile ? profile.wrap(raw) : raw;
    // The same new batch posted twice at once (a retry racing its original): the second waits here for the first to
    // commit, then finds it below and answers `duplicate` instead of colliding with its rows.
    await tx.query(Prisma.sql`SELECT pg_advisory_xact_lock(${BATCH_LOCK_CLASS}::int, hashtext(${batch.batch_id}))`);
    const {
      rows: [previous],
    } = await tx.query<{ network_id: number; checksum: string }>(
      Prisma.sql`SELECT network_id, checksum FROM ingest_batches WHERE batch_id = ${batch.batch_id}`,
    );
    if (previous) {
      if (previous.checksum !== checksum) throw new IngestConflictError(`batch ${batch.batch_id} was already applied with different contents`, "batch_id");
      return { status: "duplicate", batchId: batch.batch_id, counts: {}, cursors: await cursorsOf(tx, previous.network_id) };
    }

    const networkId = await upsertNetwork(tx, batch.network);
    if (batch.collector) await claimLease(tx, networkId, batch.collector);

    const counts: IngestCounts = await writeAllRows(tx, tableNames.map((name) => ({ name, spec: tableSpecs[name], rows: batch.rows[name] })), networkId);
    await refreshRollups(tx, networkId, batch.rows);
    await refreshRealized(tx, networkId, batch.rows);

    Object.assign(counts, await applyTransitions(tx, networkId, batch.updates));

    if (batch.cursor) {
      const { source, height, time } = batch.cursor;
      await tx.query(Prisma.sql`
        INSERT INTO ingest_cursors (network_id, source, height, time, updated_at)
        VALUES (${networkId}, ${source}, ${height}::bigint, ${time ?? null}::timestamptz, now())
        ON CONFLICT (network_id, source) DO UPDATE
        SET height = GREATEST(ingest_cursors.height, EXCLUDED.height),
            time = CASE WHEN EXCLUDED.height >= ingest_cursors.height THEN EXCLUDED.time ELSE ingest_cursors.time END,
            updated_at = now()`);
    }

    // A heartbeat (no rows, no cursor) renews the lease and reports state; it is not worth a log entry.
    const isHeartbeat = !batch.cursor && Object.keys(counts).length === 0;
    if (!isHeartbeat)
      await tx.query(Prisma.sql`
        INSERT INTO ingest_batches (batch_id, network_id, schema_version, checksum, from_height, to_height, counts)
        VALUES (${batch.batch_id}, ${networkId}, ${batch.version}, ${checksum}, ${batch.from_height ?? null}::bigint,
                ${batch.to_height ?? null}::bigint, ${JSON.stringify(counts)}::jsonb)`);
    return { status: "applied", batchId: batch.batch_id, counts, cursors: await cursorsOf(tx, networkId) };
  });
}

async function upsertNetwork(tx: SqlTransaction, net: IngestBatch["network"]): Promise<number> {
  const {
    rows: [known],
  } = await tx.query<{ simulated: boolean }>(Prisma.sql`SELECT simulated FROM networks WHERE chain_id = ${net.chain_id}`);
  if (known && known.simulated !== net.simulated)
    throw new IngestConflictError(
      `chain ${net.chain_id} is recorded as ${known.simulated ? "simulated" : "a real network"}; a batch may not change that`,
      "network.simulated",
    );
  // Unknown (null) details never erase known ones: a heartbeat sent before version detection keeps "v10".
  const {
    rows: [network],
  } = await tx.query<{ id: number }>(Prisma.sql`
    INSERT INTO networks (chain_id, name, kind, simulated, emissions_version, lcd_url, rpc_url)
    VALUES (${net.chain_id}, ${net.name}, ${net.kind}, ${net.simulated}, ${net.emissions_version ?? null}, ${net.lcd_url ?? null}, ${net.rpc_url ?? null})
    ON CONFLICT (chain_id) DO UPDATE SET
      name = EXCLUDED.name, kind = EXCLUDED.kind,
      emissions_version = COALESCE(EXCLUDED.emissions_version, networks.emissions_version),
      lcd_url = COALESCE(EXCLUDED.lcd_url, networks.lcd_url),
      rpc_url = COALESCE(EXCLUDED.rpc_url, networks.rpc_url),
      updated_at = now()
    RETURNING id`);
  return network!.id;
}

async function cursorsOf(tx: SqlTransaction, networkId: number): Promise<Record<string, string>> {
  const { rows } = await tx.query<{ source: string; height: string }>(
    Prisma.sql`SELECT source, height::text AS height FROM ingest_cursors WHERE network_id = ${networkId}`,
  );
  return Object.fromEntries(rows.map((r) => [r.source, r.height]));
}

/**
 * One collector writes per network: its batch claims the lease row (locked until commit), which succeeds only if
 * the lease is its own or has expired. Otherwise the whole batch is refused, so two collectors never both write.
 * A holder that reports `stopped` (a graceful shutdown) hands the lease back at once, so a restart need not wait.
 */
async function claimLease(tx: SqlTransaction, networkId: number, collector: NonNullable<IngestBatch["collector"]>): Promise<void> {
  const price = collector.price_source;
  const { rows: claimed } = await tx.query<{ holder: string }>(Prisma.sql`
    INSERT INTO collector_state (network_id, holder, lease_expires_at, state, last_error, last_error_at, chain_height, chain_time, notices,
                                 price_source, price_source_error, price_source_checked_at, price_source_ok_at, updated_at)
    VALUES (${networkId}, ${collector.id}, now() + make_interval(secs => CASE WHEN ${collector.state} = 'stopped' THEN 0 ELSE ${LEASE_SECONDS} END),
            ${collector.state},
            ${collector.last_error ?? null}, CASE WHEN ${collector.last_error ?? null}::text IS NOT NULL THEN now() END,
            ${collector.chain_height ?? null}::bigint, ${collector.chain_time ?? null}::timestamptz,
            ${collector.notices === undefined ? null : JSON.stringify(collector.notices)}::jsonb,
            ${price?.source ?? null}, ${price?.error ?? null}, ${price?.checked_at ?? null}::timestamptz, ${price?.ok_at ?? null}::timestamptz, now())
    ON CONFLICT (network_id) DO UPDATE SET
      holder = EXCLUDED.holder, lease_expires_at = EXCLUDED.lease_expires_at, state = EXCLUDED.state,
      last_error = COALESCE(EXCLUDED.last_error, CASE WHEN EXCLUDED.state IN ('backing_off', 'error') THEN collector_state.last_error END),
      last_error_at = COALESCE(EXCLUDED.last_error_at, CASE WHEN EXCLUDED.state IN ('backing_off', 'error') THEN collector_state.last_error_at END),
      chain_height = COALESCE(EXCLUDED.chain_height, collector_state.chain_height),
      chain_time = COALESCE(EXCLUDED.chain_time, collector_state.chain_time),
      notices = COALESCE(EXCLUDED.notices, collector_state.notices),
      price_source = COALESCE(EXCLUDED.price_source, collector_state.price_source),
      -- An attempt's outcome replaces the last one; a report made before any attempt keeps it.
      price_source_error = CASE WHEN EXCLUDED.price_source_checked_at IS NOT NULL THEN EXCLUDED.price_source_error ELSE collector_state.price_source_error END,
      price_source_checked_at = COALESCE(EXCLUDED.price_source_checked_at, collector_state.price_source_checked_at),
      price_source_ok_at = COALESCE(EXCLUDED.price_source_ok_at, collector_state.price_source_ok_at),
      updated_at = now()
    WHERE collector_state.holder = EXCLUDED.holder OR collector_state.lease_expires_at < now()
    RETURNING holder`);
  if (claimed.length === 0) {
    const {
      rows: [current],
    } = await tx.query<{ holder: string; until: string }>(
      Prisma.sql`SELECT holder, to_char(lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS until FROM collector_state WHERE network_id = ${networkId}`,
    );
    throw new IngestConflictError(`another collector (${current?.holder ?? "unknown"}) holds the write lease until ${current?.until ?? "soon"}`, "collector.id");
  }
}
