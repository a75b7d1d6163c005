import { describe, expect, it } from "vitest";

import { applyDirectoryView, assetsOf, DEFAULT_VIEW, directoryHref, parseDirectoryView, type DirectoryRow } from "@/lib/forecast/directory-view";

const row = (id: string, over: Partial<DirectoryRow>): DirectoryRow => ({
  topicId: id, metadata: `Topic ${id}`, category: "price", asset: "BTC", horizonSeconds: 28_800, epochLength: "60",
  isActive: true, topicStake: "0", workers: 0, reputers: 0, edge: null, ...over,
});

const ROWS = [
  row("1", { metadata: "BTC/USD - Log Returns - 8h", category: "log-return", topicStake: "2500000000000000000000", workers: 2, edge: { edgeVsNaive: "0.5", edgeVsBest: "0.14" } }),
  row("2", { metadata: "ETH/USD - Price Prediction - 8h", asset: "ETH", topicStake: "1000000000000000000", workers: 1, edge: { edgeVsNaive: null, edgeVsBest: null } }),
  row("3", { metadata: "SOL/USD - Volatility - 15m", category: "volatility", asset: "SOL", horizonSeconds: 900, isActive: false, topicStake: null, edge: { edgeVsNaive: "-0.2", edgeVsBest: "-0.5" } }),
  row("10", { metadata: "PLAYGROUND: 1 day BTC/USD Price Prediction", isActive: null, topicStake: "99999999999999999999999999999", horizonSeconds: 86_400, edge: null }),
];
const ids = (rows: DirectoryRow[]) => rows.map((r) => r.topicId);

describe("parseDirectoryView", () => {
  it("reads every field and falls back to the defaults on unknown values", () => {
    expect(parseDirectoryView({ q: "  eth ", category: "volatility", asset: "sol", status: "inactive", sort: "stake", dir: "desc" })).toEqual({
      q: "eth", category: "volatility", asset: "SOL", status: "inactive", sort: "stake", dir: "desc",
    });
    expect(parseDirectoryView({ category: "memes", asset: "<script>", status: "zombie", sort: "DROP", dir: "sideways" })).toEqual(DEFAULT_VIEW);
    expect(parseDirectoryView({ q: ["a", "b"] }).q).toBe("a");
    // What the form submits when nothing is filtered.
    expect(parseDirectoryView({ q: "ETH", category: "all", asset: "all", status: "all" })).toEqual({ ...DEFAULT_VIEW, q: "ETH" });
  });
});

describe("directoryHref", () => {
  it("keeps only what differs from the defaults, so the plain page is /topics", () => {
    expect(directoryHref(DEFAULT_VIEW)).toBe("/topics");
    expect(directoryHref(DEFAULT_VIEW, { sort: "edge-best", dir: "desc" })).toBe("/topics?sort=edge-best&dir=desc");
    expect(directoryHref({ ...DEFAULT_VIEW, q: "BTC/USD 8h" }, { category: "log-return" })).toBe("/topics?q=BTC%2FUSD+8h&category=log-return");
  });
});

describe("applyDirectoryView", () => {
  it("searches names and ids, and filters by category, asset and status", () => {
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, q: "btc" }))).toEqual(["1", "10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, q: "10" }))).toEqual(["10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, category: "price" }))).toEqual(["2", "10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, asset: "SOL" }))).toEqual(["3"]);
    // Unknown activity (null) is neither active nor inactive.
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, status: "active" }))).toEqual(["1", "2"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, status: "inactive" }))).toEqual(["3"]);
  });

  it("sorts numerically (ids, exact stakes beyond float range) with missing values last in both directions", () => {
    expect(ids(applyDirectoryView(ROWS, DEFAULT_VIEW))).toEqual(["1", "2", "3", "10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, dir: "desc" }))).toEqual(["10", "3", "2", "1"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "stake", dir: "desc" }))).toEqual(["10", "1", "2", "3"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "stake" }))).toEqual(["2", "1", "10", "3"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "edge-naive", dir: "desc" }))).toEqual(["1", "3", "2", "10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "edge-best" }))).toEqual(["3", "1", "2", "10"]);
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "horizon" }))).toEqual(["3", "1", "2", "10"]);
    // Ties keep id order.
    expect(ids(applyDirectoryView(ROWS, { ...DEFAULT_VIEW, sort: "workers" }))).toEqual(["3", "10", "2", "1"]);
  });

  it("lists the assets present for the filter", () => {
    expect(assetsOf(ROWS)).toEqual(["BTC", "ETH", "SOL"]);
  });
});
