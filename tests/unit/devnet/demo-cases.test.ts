import { bech32 } from "bech32";
import { describe, expect, it } from "vitest";
import { createSimulation } from "@/lib/devnet/simulation";
import { demoAccount } from "@/lib/devnet/ledger-intents";
import { JAILED_VALIDATOR, SPIKE_VALIDATOR } from "@/lib/devnet/validators";
import { checkAddress } from "@/lib/staking/address";

describe("devnet demo cases for the staking pages", () => {
  const sim = createSimulation({ days: 3, seed: 42 });
  const tip = sim.height();
  const demo = demoAccount(42);

  it("serves checksum-valid addresses, with each validator's own account under the same key", () => {
    expect(checkAddress(demo)).toMatchObject({ ok: true, kind: "account" });
    for (const v of sim.validators.list) {
      expect(checkAddress(v.operator)).toMatchObject({ ok: true, kind: "validator" });
      expect(bech32.decode(v.account).words).toEqual(bech32.decode(v.operator).words);
    }
  });

  it("ends with the demo account holding a pending exit of each kind", () => {
    const pending = sim.ledger.pendingRemovalsAt(tip).filter((r) => r.reputer === demo || r.delegator === demo);
    expect(pending.map((r) => r.kind).sort()).toEqual(["delegate", "stake"]);
    const unbonding = sim.validators.unbondings.filter((u) => u.delegator === demo && u.completionHeight > tip);
    expect(unbonding).toHaveLength(1);
    expect(sim.validators.shares.get(`${demo}|${sim.validators.list[0]!.operator}`).latest()).toBeGreaterThan(0n);
  });

  it("has a jailed validator with delegators, one of them unbonding from it", () => {
    const jailed = sim.validators.list[JAILED_VALIDATOR]!;
    expect(jailed.jailed).toBe(true);
    const delegators = sim.validators.stakers.filter((d) => sim.validators.shares.get(`${d}|${jailed.operator}`).latest() > 0n);
    expect(delegators.length).toBeGreaterThanOrEqual(3);
    expect(sim.validators.unbondings.some((u) => u.validator === jailed.operator && u.completionHeight > tip)).toBe(true);
  });

  it("raises one validator's commission by 8 points two days before the end", () => {
    const v = sim.validators.list[SPIKE_VALIDATOR]!;
    const series = sim.validators.commission.get(v.operator);
    const spikeAt = tip - Math.min(2 * 17280, Math.floor(tip / 2));
    const before = series.at(spikeAt - 1);
    const after = series.at(spikeAt);
    expect(Math.round((after - before) * 100)).toBe(8);
  });
});
