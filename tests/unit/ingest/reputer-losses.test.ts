// A reputer's losses travel in the chain's column form (lib/ingest/reputer-losses.ts): every value lands in the slot
// the layout gives it, a (kind, actor, peer) given twice keeps its last value, and the route's rules refuse a bundle
// whose arrays do not fit together, naming the field.
import { describe, expect, it } from "vitest";
import { lossSlots, reputerLossRules, toReputerLosses } from "@/lib/ingest/reputer-losses";

describe("reputer losses in column form", () => {
  it("puts each kind in its slot: inferers, forecasters, one-out, one-in, then the forecaster × inferer matrix", () => {
    const form = toReputerLosses([
      { kind: "one_out_inferer_forecaster", actor: "f1", peer: "i2", value: "9" },
      { kind: "inferer", actor: "i1", peer: "", value: "1" },
      { kind: "forecaster", actor: "f2", peer: "", value: "2" },
      { kind: "one_out_inferer", actor: "i2", peer: "", value: "3" },
      { kind: "one_out_forecaster", actor: "f1", peer: "", value: "4" },
      { kind: "one_in_forecaster", actor: "f2", peer: "", value: "5" },
      { kind: "one_out_inferer_forecaster", actor: "f2", peer: "i1", value: "6" },
    ]);
    // Addresses in the order they first appear: i2 (as the matrix's peer) before i1.
    expect(form.loss_inferers).toEqual(["i2", "i1"]);
    expect(form.loss_forecasters).toEqual(["f1", "f2"]);
    expect(form.losses).toHaveLength(lossSlots(2, 2));
    expect(form.losses).toEqual([
      null, "1", // inferer: i2, i1
      null, "2", // forecaster: f1, f2
      "3", null, // one_out_inferer: i2, i1
      "4", null, // one_out_forecaster: f1, f2
      null, "5", // one_in_forecaster: f1, f2
      "9", null, // matrix row f1: (f1, i2), (f1, i1)
      null, "6", // matrix row f2: (f2, i2), (f2, i1)
    ]);
  });

  it("keeps the last value of a (kind, actor, peer) given twice, and an empty bundle is empty, not null", () => {
    const form = toReputerLosses([
      { kind: "inferer", actor: "i1", peer: "", value: "1" },
      { kind: "inferer", actor: "i1", peer: "", value: "-2.5" },
    ]);
    expect(form).toEqual({ loss_inferers: ["i1"], loss_forecasters: [], losses: ["-2.5", null] });
    expect(toReputerLosses([])).toEqual({ loss_inferers: [], loss_forecasters: [], losses: [] });
  });

  it("refuses arrays that do not fit together, each rule naming its field", () => {
    const ok = { reputer: "allo1rep", loss_inferers: ["i1"], loss_forecasters: ["f1"], losses: ["1", null, null, null, null, "2"] };
    const broken = (row: Record<string, unknown>) => reputerLossRules.filter((r) => !r.holds(row)).map((r) => r.field);
    expect(broken(ok)).toEqual([]);
    expect(broken({ reputer: "allo1rep", loss_inferers: null, loss_forecasters: null, losses: null })).toEqual([]);
    expect(broken({ ...ok, losses: ok.losses.slice(1) })).toEqual(["losses"]);
    expect(broken({ ...ok, loss_forecasters: null })).toEqual(["losses"]);
    expect(broken({ ...ok, reputer: "" })).toEqual(["losses"]);
    expect(broken({ ...ok, loss_inferers: ["i1", "i1"], losses: new Array(lossSlots(2, 1)).fill("0") })).toEqual(["loss_inferers"]);
    expect(broken({ ...ok, loss_forecasters: ["f1", "f1"], losses: new Array(lossSlots(1, 2)).fill("0") })).toEqual(["loss_forecasters"]);
    // A value of the wrong type is its column's own error (named by the column's schema), not these rules'.
    expect(broken({ ...ok, losses: "1" })).toEqual([]);
  });
});
