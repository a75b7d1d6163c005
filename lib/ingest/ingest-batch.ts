// Applies one validated batch atomically: the network, every table's rows, the cursor and the batch log commit
// together or not at all. A batch id seen before with the same checksum is a no-op; with another checksum, a conflict.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeIssues, batchSchema, type FieldIssue, type IngestBatch } from "./batch-schema";
import { tableNames, tableSpecs, type TableName } from "./tables";
import { findDuplicateKeys, writeRows } from "./write";

export type IngestCounts = Partial<Record<TableName, number>>;
export type IngestResult = { status: "applied" | "duplicate"; batchId: string; counts: IngestCounts };

export class IngestValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid batch: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  }
}

export class IngestConflictError extends Error {}

export function checksumOf(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Validates a parsed body: schema first, then the rule that no table repeats a natural key. */
export function parseBatch(body: unknown): IngestBatch {
  const result = batchSchema.safeParse(body);
  if (!result.success) throw new IngestValidationError(describeIssues(result.error));
  const issues: FieldIssue[] = [];
  for (const name of tableNames) {
    for (const [first, again] of findDuplicateKeys(tableSpecs[name], result.data.rows[name] ?? [])) {
      issues.push({ field: `rows.${name}[${again}]`, message: `repeats the key (${tableSpecs[name].key.join(", ")}) of rows.${name}[${first}]` });
    }
  }
  if (issues.length) throw new IngestValidationError(issues);
  return result.data;
}

export async function ingestBatch(prisma: PrismaClient, batch: IngestBatch, checksum: string): Promise<IngestResult> {
  return prisma.$transaction(
    async (tx) => {
      const previous = await tx.ingestBatch.findUnique({ where: { batchId: batch.batch_id } });
      if (previous) {
        if (previous.checksum !== checksum)
          throw new IngestConflictError(`batch ${batch.batch_id} was already applied with different contents`);
        return { status: "duplicate", batchId: batch.batch_id, counts: {} };
      }

      const net = batch.network;
      const known = await tx.network.findUnique({ where: { chainId: net.chain_id } });
      if (known && known.simulated !== net.simulated)
        throw new IngestConflictError(
          `chain ${net.chain_id} is recorded as ${known.simulated ? "simulated" : "a real network"}; a batch may not change that`,
        );
      const fields = {
        name: net.name,
        kind: net.kind,
        simulated: net.simulated,
        emissionsVersion: net.emissions_version,
        lcdUrl: net.lcd_url ?? null,
        rpcUrl: net.rpc_url ?? null,
      };
      const network = await tx.network.upsert({ where: { chainId: net.chain_id }, create: { chainId: net.chain_id, ...fields }, update: fields });

      const counts: IngestCounts = {};
      for (const name of tableNames) {
        const rows = batch.rows[name];
        if (rows?.length) counts[name] = await writeRows(tx, tableSpecs[name], rows, network.id);
      }

      if (batch.cursor) {
        const { source, height, time } = batch.cursor;
        await tx.$executeRaw`
          INSERT INTO ingest_cursors (network_id, source, height, time, updated_at)
          VALUES (${network.id}, ${source}, ${height}::bigint, ${time ?? null}::timestamptz, now())
          ON CONFLICT (network_id, source) DO UPDATE
          SET height = GREATEST(ingest_cursors.height, EXCLUDED.height),
              time = CASE WHEN EXCLUDED.height >= ingest_cursors.height THEN EXCLUDED.time ELSE ingest_cursors.time END,
              updated_at = now()`;
      }

      await tx.ingestBatch.create({
        data: {
          batchId: batch.batch_id,
          networkId: network.id,
          schemaVersion: batch.version,
          checksum,
          fromHeight: batch.from_height ? BigInt(batch.from_height) : null,
          toHeight: batch.to_height ? BigInt(batch.to_height) : null,
          counts,
        },
      });
      return { status: "applied", batchId: batch.batch_id, counts };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
