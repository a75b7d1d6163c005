// The rows' fast path accepts only what zod's batch schema accepts (anything else is left to zod, which names the
// field), and it is the path taken for batches shaped like the collector's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchSchema } from "@/lib/ingest/batch-schema";
import { rowsAccepted } from "@/lib/ingest/fast-rows";
import { parseBatch } from "@/lib/ingest/ingest-batch";
import { tableNames, tableSpecs } from "@/lib/ingest/tables";
import { sampleBatch } from "../../support/sample-batch";
import { forecastBatch } from "../../support/forecast-history-fixture";

const batches = () => [sampleBatch(), forecastBatch()].map((b) => JSON.parse(JSON.stringify(b)) as Record<string, unknown> & { rows: Record<string, Record<string, unknown>[]> });

// Values close to what each column type allows, on either side of its rules.
const edgy = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("NaN", "-NaN", "1e5", "-0", "00", "0.", ".5", "-", "", "9223372036854775807", "9223372036854775808", "12345678901234567890",
    "1".repeat(78), "1".repeat(79), "1".repeat(201), "a\u0000b", "x".repeat(4097), "2026-11-24T12:00:00Z", "2026-02-30T00:00:00Z",
    "0000-12-31T23:59:59Z", "2026-11-24T12:00:00+01:00", "2026-11-24 12:00:00"),
  fc.constantFrom(2147483647, 2147483648, -2147483649, 1.5, -0, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
);

describe("ingest rows fast path", () => {
  it("accepts the collector-shaped fixtures, and parseBatch then returns what zod returns", () => {
    for (const b of batches()) {
      expect(rowsAccepted(b.rows)).toBe(true);
      expect(parseBatch(b)).toEqual(batchSchema.parse(b));
    }
  });

  it("accepts a row only if zod accepts it: one value changed, a key added or removed", () => {
    const cases = batches().flatMap((b) =>
      Object.entries(b.rows).flatMap(([table, rows]) => (rows.length ? [{ b, table, row: rows[0]! }] : [])),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), edgy, fc.constantFrom("set", "add", "drop"), ({ b, table, row }, pick, value, how) => {
        const columns = tableSpecs[table as (typeof tableNames)[number]].columns;
        const name = columns[pick % columns.length]!.name;
        const changed: Record<string, unknown> = { ...row };
        if (how === "set") changed[name] = value;
        else if (how === "add") changed[`x_${name}`] = value;
        else delete changed[name];
        const rows = { ...b.rows, [table]: [changed] };
        if (rowsAccepted(rows)) expect(batchSchema.safeParse({ ...b, rows }).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves undefined values and inherited fields to zod, whether the column is optional or not", () => {
    const b = batches()[0]!;
    const row = b.rows.worker_inferences![0]!;
    const withoutProof = { ...row };
    delete withoutProof.proof;
    for (const changed of [{ ...row, proof: undefined }, { ...row, value: undefined }, Object.assign(Object.create({ proof: null }), withoutProof)]) {
      const rows = { ...b.rows, worker_inferences: [changed] };
      expect(rowsAccepted(rows)).toBe(false);
    }
    expect(rowsAccepted({ ...b.rows, worker_inferences: [withoutProof] })).toBe(true);
  });

  it("checks heights digit by digit within int64", () => {
    const b = batches()[0]!;
    const row = b.rows.worker_inferences![0]!;
    for (const [topic, ok] of [["0", true], ["9223372036854775807", true], ["9223372036854775808", false], ["", false], ["1a", false], [" 1", false], ["１", false], ["12345678901234567890", false]] as const) {
      const rows = { ...b.rows, worker_inferences: [{ ...row, topic_id: topic }] };
      expect(rowsAccepted(rows)).toBe(ok);
      expect(batchSchema.safeParse({ ...b, rows }).success).toBe(ok);
    }
  });

  it("leaves unknown tables, non-arrays and non-objects to zod", () => {
    expect(rowsAccepted({ nope: [] })).toBe(false);
    expect(rowsAccepted({ blocks: {} })).toBe(false);
    expect(rowsAccepted({ blocks: [null] })).toBe(false);
    expect(rowsAccepted(null)).toBe(false);
    expect(rowsAccepted([])).toBe(false);
  });
});
