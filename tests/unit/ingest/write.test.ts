import { describe, expect, it } from "vitest";
import { batchSchema, describeIssues } from "@/lib/ingest/batch-schema";
import { tableSpecs, type TableSpec } from "@/lib/ingest/tables";
import { copyText, findDuplicateKeys } from "@/lib/ingest/write";

const copied = (spec: TableSpec, rows: Record<string, unknown>[], networkId = 7) => [...copyText(spec, rows, networkId)].join("");

describe("COPY text encoding of batch rows", () => {
  const spec: TableSpec = {
    table: "t",
    key: ["id"],
    merge: { kind: "insert" },
    columns: [
      { name: "id", type: "height" },
      { name: "note", type: "text", optional: true },
      { name: "flag", type: "bool" },
      { name: "tags", type: "texts" },
      { name: "raw", type: "json", optional: true },
    ],
  };

  it("escapes what COPY would misread and writes NULL for missing values", () => {
    const text = copied(spec, [
      { id: "1", note: "a\tb\nc\\N\rd", flag: true, tags: ['say "hi"', "back\\slash", "x,y"], raw: { s: "line\nnext" } },
      { id: "2", flag: false, tags: [] },
    ]);
    expect(text).toBe(
      '7\t1\ta\\tb\\nc\\\\N\\rd\tt\t{"say \\\\"hi\\\\"","back\\\\\\\\slash","x,y"}\t{"s":"line\\\\nnext"}\n' + "7\t2\t\\N\tf\t{}\t\\N\n",
    );
  });

  it("leaves out the network id for tables about the outside world", () => {
    expect(copied({ ...spec, networkScoped: false }, [{ id: "5", flag: true, tags: [] }])).toBe("5\t\\N\tt\t{}\t\\N\n");
  });

  it("yields large row sets in several chunks that add up to every row once", () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => ({ id: String(i), flag: i % 2 === 0, tags: [] }));
    const chunks = [...copyText(spec, rows, 1)];
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join("").split("\n").filter(Boolean);
    expect(lines).toHaveLength(4_500);
    expect(lines.at(-1)).toBe("1\t4499\t\\N\tf\t{}\t\\N");
  });
});

describe("batch validation", () => {
  const batch = (topicId: string) => ({
    version: 1,
    batch_id: "b-1",
    network: { chain_id: "allora-testnet-1", name: "Testnet", kind: "testnet", simulated: false, emissions_version: "v10" },
    rows: { topic_rewards: [{ topic_id: topicId, block_height: "10", amount: "1.5" }] },
  });

  it("accepts heights up to int64's maximum and names the field of one past it", () => {
    expect(batchSchema.safeParse(batch("9223372036854775807")).success).toBe(true);
    expect(batchSchema.safeParse(batch("0000000000000000042")).success).toBe(true);
    const result = batchSchema.safeParse(batch("9223372036854775808"));
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toEqual([{ field: "rows.topic_rewards[0].topic_id", message: "out of int64 range" }]);
  });

  it("finds rows that repeat a natural key", () => {
    const row = { topic_id: "1", nonce: "2", inferer: "allo1w", label: "y", value: "1", block_height: "3" };
    const rows = [row, { ...row, label: "z" }, { ...row, value: "2" }, { ...row, label: "z", value: "9" }];
    expect(findDuplicateKeys(tableSpecs.worker_inferences, rows)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });
});
