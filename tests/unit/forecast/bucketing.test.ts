import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { bucketWidth, downsampleMinMax, insertGaps } from "@/lib/forecast/bucketing";

type Row = { x: number; y: number | null };
const rowsArb = fc
  .array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null, freq: 5 }), { minLength: 0, maxLength: 3000 })
  .map((ys) => ys.map((y, i): Row => ({ x: i * 300, y })));
const down = (rows: Row[], max: number) => downsampleMinMax(rows, max, (r) => r.x, (r) => r.y);

describe("downsampleMinMax", () => {
  test.prop([rowsArb, fc.integer({ min: 5, max: 1000 })])("never returns more than the cap, only input rows, in order", (rows, max) => {
    const out = down(rows, max);
    expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
    const index = out.map((r) => rows.indexOf(r));
    expect(index.every((i) => i >= 0)).toBe(true);
    expect(index).toEqual([...index].sort((a, b) => a - b));
    if (rows.length) {
      expect(out[0]).toBe(rows[0]);
      expect(out[out.length - 1]).toBe(rows[rows.length - 1]);
    }
  });

  test.prop([rowsArb, fc.integer({ min: 5, max: 1000 })])("keeps the global minimum and maximum", (rows, max) => {
    const ys = rows.map((r) => r.y).filter((y): y is number => y !== null);
    const out = down(rows, max).map((r) => r.y);
    if (ys.length) {
      expect(out).toContain(Math.min(...ys));
      expect(out).toContain(Math.max(...ys));
    }
  });

  test.prop([rowsArb, fc.integer({ min: 5, max: 1000 })])("a gap in the input stays a gap in the output", (rows, max) => {
    const hasGap = rows.some((r) => r.y === null);
    expect(down(rows, max).some((r) => r.y === null)).toBe(hasGap);
  });

  it("keeps the spike a mean would hide", () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i === 2345 ? 99 : 1 }));
    const out = down(rows, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.find((r) => r.y === 99)?.x).toBe(2345);
  });

  it("returns short series unchanged", () => {
    const rows: Row[] = [{ x: 0, y: 1 }, { x: 1, y: null }, { x: 2, y: 3 }];
    expect(down(rows, 1000)).toEqual(rows);
  });
});

describe("bucketWidth", () => {
  it("gives whole units so that at most maxBuckets cover the span", () => {
    expect(bucketWidth(0, 287, 1000)).toBe(1);
    expect(bucketWidth(0, 104_999, 1000)).toBe(105);
    expect(bucketWidth(10, 10, 1000)).toBe(1);
  });
});

describe("insertGaps", () => {
  it("breaks the line where epochs are missing, and only there", () => {
    const rows: Row[] = [{ x: 0, y: 1 }, { x: 10, y: 2 }, { x: 50, y: 3 }, { x: 60, y: 4 }];
    const out = insertGaps(rows, 15, (r) => r.x, (x) => ({ x, y: null }));
    expect(out).toEqual([{ x: 0, y: 1 }, { x: 10, y: 2 }, { x: 30, y: null }, { x: 50, y: 3 }, { x: 60, y: 4 }]);
  });
});
