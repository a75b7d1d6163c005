// The route validates a catch-up batch on the thread that also serves pages: parseBatchYielding gives other work
// (a page's request, its query answers) turns while it checks, and it accepts and refuses exactly what parseBatch does.
import { describe, expect, it } from "vitest";
import { IngestValidationError, parseBatch, parseBatchYielding } from "@/lib/ingest/ingest-batch";
import { sampleBatch } from "../../support/sample-batch";

/** The sample batch with `n` distinct loss values: the size of a catch-up batch's largest table. */
function bigBatch(n: number) {
  const b = JSON.parse(JSON.stringify(sampleBatch())) as { rows: Record<string, Record<string, unknown>[]> };
  b.rows.loss_values = Array.from({ length: n }, (_, i) => ({
    topic_id: "1", nonce: String(1000 + Math.floor(i / 50)), reputer: "", kind: "inferer", actor: `allo1worker${i % 50}`, peer: "", value: "0.125",
  }));
  return b;
}

describe("parseBatchYielding", () => {
  it("lets callbacks queued meanwhile run before it finishes a large batch, and returns what parseBatch returns", async () => {
    const b = bigBatch(20_000);
    let turns = 0;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const batch = await parseBatchYielding(b);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(batch).toEqual(parseBatch(b));
  });

  it("refuses a repeated key in a large table with the same field named as parseBatch", async () => {
    const b = bigBatch(10_000);
    b.rows.loss_values!.push({ ...b.rows.loss_values![7]! });
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as IngestValidationError).issues;
      }
      return [];
    };
    await expect(parseBatchYielding(b)).rejects.toBeInstanceOf(IngestValidationError);
    const viaYielding = await parseBatchYielding(b).catch((e: IngestValidationError) => e.issues);
    expect(viaYielding).toEqual(issues(() => parseBatch(b)));
    expect(viaYielding).toEqual([{ field: "rows.loss_values[10000]", message: "repeats the key (topic_id, nonce, reputer, kind, actor, peer) of rows.loss_values[7]" }]);
  });

  it("names a bad value in a large table, as zod does, when the fast check refuses it", async () => {
    const b = bigBatch(8_000);
    b.rows.loss_values![6_543]!.value = "1e5";
    const issues = await parseBatchYielding(b).then(() => [], (e: IngestValidationError) => e.issues);
    expect(issues).toEqual([{ field: "rows.loss_values[6543].value", message: "expected an exact decimal string" }]);
  });
});
