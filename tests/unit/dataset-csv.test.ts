import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "@/lib/datasets/columns";
import { csvLines, guardFormula } from "@/lib/datasets/formats";
import { parseCsv } from "../support/csv";

const columns: ColumnDef[] = [
  { name: "note", kind: "text", sql: "", description: "" },
  { name: "value", kind: "dec", sql: "", description: "" },
  { name: "flag", kind: "bool", sql: "", description: "", nullable: true },
];

describe("CSV encoding of export rows", () => {
  test.prop([fc.array(fc.tuple(fc.string({ unit: "binary" }), fc.stringMatching(/^-?\d{1,40}(\.\d{1,40})?$/)), { minLength: 1, maxLength: 30 })])(
    "any text survives a round trip through a strict RFC 4180 reader, with formulas defused",
    (rows) => {
      const text = csvLines(columns, rows.map(([note, value]) => ({ note, value, flag: null })));
      expect(parseCsv(text)).toEqual(rows.map(([note, value]) => [guardFormula(note), value, ""]));
    },
  );

  it("keeps negative decimals as numbers but defuses text that a spreadsheet would run", () => {
    const text = csvLines(columns, [{ note: "=SUM(A1:A9)", value: "-0.000000000000000000000000000000000017", flag: true }]);
    expect(text).toBe("'=SUM(A1:A9),-0.000000000000000000000000000000000017,true\n");
    expect(guardFormula("@cmd")).toBe("'@cmd");
    expect(guardFormula("+1")).toBe("'+1");
    expect(guardFormula("plain")).toBe("plain");
  });
});
