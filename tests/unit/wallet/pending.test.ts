// Pending transactions on the account page: a transaction included at height H is pending until the figures it
// changes are as of block H or later (reputer positions: the indexed block; validator positions: the last validator
// state read), then reconciled; records live per address in storage.
import { describe, expect, it } from "vitest";
import { addPending, dropPending, INDEXED_NOTE_MS, prunePending, readPending, reconcilePending, type PendingTx } from "@/lib/wallet/pending";

const A = "allo19rl4cm2hmr8afy4kldpxz3fka4jguq0ajnh7gv";
const B = "allo15yk64u7zc9g9k2yr2wmzeva5qgwxps6ygp4vw8";
const NOW = Date.parse("2026-12-02T03:00:00Z");
const tx = (hash: string, height: string, address = A, at = new Date(NOW).toISOString(), system: PendingTx["system"] = "reputer"): PendingTx => ({ address, hash, height, system, summary: `tx ${hash}`, at });
const at = (reputer: string | null, validator: string | null = null) => ({ reputer, validator });

function memory() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe("reconciling with the indexed height", () => {
  it("keeps a transaction pending until the index holds its block, and never before anything is indexed", () => {
    const records = [tx("a", "100"), tx("b", "101")];
    expect(reconcilePending(records, at(null))).toEqual({ pending: records, indexed: [] });
    expect(reconcilePending(records, at("99"))).toEqual({ pending: records, indexed: [] });
    expect(reconcilePending(records, at("100"))).toEqual({ pending: [records[1]], indexed: [records[0]] });
    expect(reconcilePending(records, at("101"))).toEqual({ pending: [], indexed: records });
  });

  it("a validator transaction waits for the next validator state read, however far the block index is", () => {
    const delegate = tx("v", "100", A, new Date(NOW).toISOString(), "validator");
    expect(reconcilePending([delegate], at("500", null)).pending).toEqual([delegate]);
    expect(reconcilePending([delegate], at("500", "99")).pending).toEqual([delegate]);
    expect(reconcilePending([delegate], at("100", "100")).indexed).toEqual([delegate]);
  });

  it("compares heights as integers, not as text", () => {
    expect(reconcilePending([tx("a", "1000")], at("999")).pending).toHaveLength(1);
    expect(reconcilePending([tx("a", "9")], at("10")).indexed).toHaveLength(1);
  });
});

describe("storage", () => {
  it("keeps records per address, replaces one by hash, and ignores malformed entries", () => {
    const s = memory();
    addPending(s, tx("a", "100"));
    addPending(s, tx("b", "101"));
    addPending(s, { ...tx("a", "102"), summary: "again" });
    addPending(s, tx("c", "5", B));
    expect(readPending(s, A).map((r) => [r.hash, r.height])).toEqual([["b", "101"], ["a", "102"]]);
    expect(readPending(s, B)).toHaveLength(1);
    s.setItem(`allora.pending-tx.${B}`, '[{"hash":1},"x",null]');
    expect(readPending(s, B)).toEqual([]);
    s.setItem(`allora.pending-tx.${B}`, "not json");
    expect(readPending(s, B)).toEqual([]);
  });

  it("forgets an indexed record only after its note has been shown for a while; pending ones stay", () => {
    const s = memory();
    const old = new Date(NOW - INDEXED_NOTE_MS - 1).toISOString();
    addPending(s, tx("old-indexed", "10", A, old));
    addPending(s, tx("new-indexed", "11"));
    addPending(s, tx("old-pending", "50", A, old));
    prunePending(s, A, at("20"), NOW);
    expect(readPending(s, A).map((r) => r.hash).sort()).toEqual(["new-indexed", "old-pending"]);
    dropPending(s, A, "new-indexed");
    dropPending(s, A, "old-pending");
    expect(s.map.size).toBe(0);
  });
});
