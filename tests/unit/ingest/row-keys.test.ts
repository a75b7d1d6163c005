// The key index finds the same repeats as joining every key part into one string did (the rule the collector's
// merges and the route's duplicate check share), including keys whose hashes collide.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashOf, RowKeyIndex } from "@/lib/ingest/row-keys";
import { findDuplicateKeys } from "@/lib/ingest/write";
import { tableSpecs } from "@/lib/ingest/tables";

type Row = Record<string, unknown>;
const KEY = ["a", "b", "c"];
// The former rule: each part as text (missing or null as "\u0001"), NUL-separated.
const joined = (row: Row) => KEY.map((k) => `${row[k] ?? "\u0001"}\u0000`).join("");

function referenceDuplicates(rows: Row[]): [number, number][] {
  const seen = new Map<string, number>();
  const out: [number, number][] = [];
  rows.forEach((row, i) => {
    const first = seen.get(joined(row));
    if (first === undefined) seen.set(joined(row), i);
    else out.push([first, i]);
  });
  return out;
}

// Few distinct values, so repeats are common; numbers and booleans equal their text, as before.
const part = fc.oneof(fc.constantFrom("1", "2", "", "x", "true", "\u0001"), fc.constantFrom(1, 2, true, null, undefined));
const row = fc.record({ a: part, b: part, c: part, v: fc.nat() }, { requiredKeys: ["v"] });

describe("RowKeyIndex", () => {
  it("finds exactly the repeats the joined key string found", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        expect(findDuplicateKeys({ table: "t", key: KEY, columns: [], merge: { kind: "insert" } }, rows)).toEqual(referenceDuplicates(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the first position of a key and merges or replaces its row, as a Map keyed by the joined string did", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const merge = (a: Row, b: Row) => ({ ...a, v: (a.v as number) + (b.v as number) });
        const merged = new RowKeyIndex<Row>(KEY);
        const replaced = new RowKeyIndex<Row>(KEY);
        const mergedRef = new Map<string, Row>();
        const replacedRef = new Map<string, Row>();
        for (const r of rows) {
          merged.put(r, merge);
          replaced.put(r);
          const previous = mergedRef.get(joined(r));
          mergedRef.set(joined(r), previous ? merge(previous, r) : r);
          replacedRef.set(joined(r), r);
        }
        expect(merged.rows).toEqual([...mergedRef.values()]);
        expect(replaced.rows).toEqual([...replacedRef.values()]);
        for (const r of rows) expect(merged.rows[merged.indexOf(r)]).toEqual(mergedRef.get(joined(r)));
        expect(merged.indexOf({ a: "never", b: "seen", c: "" })).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });

  it("tells apart keys whose hashes collide", () => {
    const key = ["address"];
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const address = `allo1${i}`;
      const other = byHash.get(hashOf(key, { address }));
      if (other !== undefined) pair = [other, address];
      else byHash.set(hashOf(key, { address }), address);
    }
    const rows = [{ address: pair[0] }, { address: pair[1] }, { address: pair[0] }, { address: pair[1] }];
    expect(findDuplicateKeys(tableSpecs.actors, rows)).toEqual([
      [0, 2],
      [1, 3],
    ]);
    const index = new RowKeyIndex<Row>(key);
    index.put(rows[0]!);
    expect(index.indexOf(rows[1]!)).toBe(-1);
    index.put(rows[1]!);
    expect([index.indexOf(rows[2]!), index.indexOf(rows[3]!)]).toEqual([0, 1]);
  });
});
