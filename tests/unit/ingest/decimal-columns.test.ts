// Nothing made up: a decimal column takes an exact decimal, never an exponent or Infinity, and "NaN" only where the
// chain itself sends NaN (a value bundle's combined and naive values); a missing value is null.
import { describe, expect, it } from "vitest";
import { batchSchema, describeIssues } from "@/lib/ingest/batch-schema";
import { tableSpecs } from "@/lib/ingest/tables";

const base = { version: 1, batch_id: "b", network: { chain_id: "c", name: "n", kind: "mainnet", simulated: false, emissions_version: "v10" } };
const parse = (rows: Record<string, unknown[]>) => batchSchema.safeParse({ ...base, rows });
const score = (value: unknown) => ({ topic_id: "1", actor_type: "inferer", kind: "ema", address: "a", block_height: "5", score: value, is_active: null });
const loss = (combined: unknown) => ({ topic_id: "1", nonce: "5", reputer: "r", combined_value: combined, naive_value: null, block_height: "6", signature: null, pubkey: null });

describe("decimal columns", () => {
  it.each(["NaN", "1e5", "1E-3", "Infinity", "-Infinity", "0x10", ".5", "1.", "+1", " 1", ""])("refuses %j in a score, naming the field", (value) => {
    const result = parse({ scores: [score(value)] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!).map((i) => i.field)).toEqual(["rows.scores[0].score"]);
  });

  it("keeps exact decimals of any length and sign", () => {
    expect(parse({ scores: [score("-0.000000000000000000000000000000000017")] }).success).toBe(true);
  });

  it('takes the chain\'s own "NaN" in a loss bundle, and null for a loss the chain did not send', () => {
    expect(parse({ loss_bundles: [loss("NaN")] }).success).toBe(true);
    expect(parse({ loss_bundles: [loss(null)] }).success).toBe(true);
    expect(parse({ loss_bundles: [loss("nan")] }).success).toBe(false);
  });

  it("admits NaN only in value-bundle totals, the columns where the chain sends it", () => {
    const nanColumns = Object.values(tableSpecs).flatMap((spec) => spec.columns.filter((c) => "nan" in c && c.nan).map((c) => `${spec.table}.${c.name}`));
    expect(nanColumns.sort()).toEqual(["loss_bundles.combined_value", "loss_bundles.naive_value", "network_inferences.combined_value", "network_inferences.naive_value"]);
  });

  it("stores a validator's unreported commission limits and min self-delegation as null, not 0", () => {
    const validator = {
      operator_address: "v", moniker: "m", identity: "", website: "", details: "", status: "BOND_STATUS_BONDED", jailed: false, tokens: "1",
      delegator_shares: "1.0", commission_rate: "0.05", commission_max_rate: null, commission_max_change_rate: null, commission_updated_at: null,
      min_self_delegation: null, updated_height: "9",
    };
    expect(parse({ validators: [validator] }).success).toBe(true);
  });
});
