import { describe, expect, it } from "vitest";
import { parseRange, rangeWindow } from "@/lib/forecast/range";

describe("parseRange", () => {
  it("reads presets and defaults to 7d on anything else", () => {
    expect(parseRange({ range: "1d" })).toEqual({ kind: "preset", key: "1d", seconds: 86_400 });
    expect(parseRange({ range: "all" })).toEqual({ kind: "preset", key: "all", seconds: null });
    expect(parseRange({ range: "1y" })).toMatchObject({ key: "7d" });
    expect(parseRange({ range: "constructor" })).toMatchObject({ key: "7d" });
  });

  it("reads a custom range, a bare `to` date including that whole day, and refuses inverted or malformed ones", () => {
    expect(parseRange({ from: "2026-11-20", to: "2026-11-21" })).toEqual({
      kind: "custom",
      from: new Date("2026-11-20T00:00:00Z"),
      to: new Date("2026-11-22T00:00:00Z"),
    });
    expect(parseRange({ from: "2026-11-22", to: "2026-11-20" })).toMatchObject({ kind: "preset", key: "7d" });
    expect(parseRange({ from: "yesterday", to: "2026-11-20", range: "30d" })).toMatchObject({ kind: "preset", key: "30d" });
  });

  it("turns a preset into a window ending at the latest indexed block", () => {
    const asOf = new Date("2026-11-30T00:00:00Z");
    expect(rangeWindow(parseRange({ range: "1d" }), asOf)).toEqual({ from: new Date("2026-11-29T00:00:00Z"), to: asOf });
  });
});
