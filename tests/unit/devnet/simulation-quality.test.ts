// Over 30 simulated days the network must earn its keep: the combined inference beats the median
// worker and, in most epochs, the naive (inferers-only) value; worker skill depends on the regime.
import { beforeAll, describe, expect, it } from "vitest";
import { Dec } from "@/lib/devnet/dec";
import { epochView } from "@/lib/devnet/epoch-view";
import { createSimulation, type Simulation } from "@/lib/devnet/simulation";

let sim: Simulation;

beforeAll(() => {
  sim = createSimulation({ seed: 42, days: 30 });
}, 180_000);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe("devnet simulation over 30 days", () => {
  it("combined inference has lower loss than the median worker, and beats naive in most epochs", () => {
    for (const e of sim.engines) {
      const settled = e.epochs.filter((r) => r?.ev);
      expect(settled.length).toBeGreaterThan(1000);
      let combined = 0;
      let medianWorker = 0;
      let beatsNaive = 0;
      for (const rec of settled) {
        const l = rec.ev!.losses;
        combined += l.combined;
        medianWorker += median(l.inf);
        if (l.combined < l.naive) beatsNaive++;
      }
      expect(combined, e.spec.metadata).toBeLessThan(medianWorker);
      expect(beatsNaive / settled.length, e.spec.metadata).toBeGreaterThan(0.5);
    }
  });

  it("worker skill visibly depends on the market regime", () => {
    const e = sim.engine(1)!;
    const rankSums = e.actors.inferers.map(() => ({ calm: { sum: 0, n: 0 }, volatile: { sum: 0, n: 0 } }));
    const settled = e.epochs.filter((r) => r?.ev);
    expect(settled.some((r) => r.regime === 0)).toBe(true);
    expect(settled.some((r) => r.regime === 1)).toBe(true);
    for (const rec of settled) {
      const losses = rec.ev!.losses.inf;
      const order = losses.map((l, j) => [l, j] as const).sort((a, b) => a[0] - b[0]);
      order.forEach(([, j], rank) => {
        const slot = rankSums[rec.inf[j]!]![rec.regime === 0 ? "calm" : "volatile"];
        slot.sum += rank / Math.max(1, losses.length - 1);
        slot.n += 1;
      });
    }
    const swings = rankSums.map((s, i) => ({
      archetype: e.actors.inferers[i]!.archetype,
      calm: s.calm.sum / Math.max(1, s.calm.n),
      volatile: s.volatile.sum / Math.max(1, s.volatile.n),
    }));
    const calmSpecialist = swings.filter((s) => s.archetype === "calm-specialist");
    const volatileSpecialist = swings.filter((s) => s.archetype === "volatile-specialist");
    // Rank percentile 0 = best loss of the epoch, 1 = worst.
    expect(Math.max(...calmSpecialist.map((s) => s.volatile - s.calm))).toBeGreaterThan(0.4);
    expect(Math.max(...volatileSpecialist.map((s) => s.calm - s.volatile))).toBeGreaterThan(0.3);
  });

  it("settles rewards that add up exactly to the topic reward", () => {
    for (const e of sim.engines) {
      for (const rec of e.epochs.slice(-50)) {
        const ev = rec?.ev;
        if (!ev) continue;
        const paid = [...ev.rewInf, ...ev.rewFc, ...ev.rewRep].reduce((a, b) => a + b, 0n);
        expect(paid).toBe(ev.topicReward);
        expect(ev.topicReward).toBeGreaterThan(0n);
      }
    }
  });

  it("serves a combined value that is exactly the weighted average of the served inputs", () => {
    const e = sim.engine(3)!;
    const rec = sim.latestSettled(3, sim.height())!;
    const view = epochView(sim, 3, rec);
    const values = [...view.infValues.map((v) => v[0]!), ...view.forecastImplied.map((v) => v[0]!)];
    const weights = [...view.infWeights, ...view.fcWeights];
    const total = weights.reduce((a, w) => a.plus(w), new Dec(0));
    expect(total.minus(1).abs().lt("1e-30")).toBe(true);
    const recomputed = values.reduce((acc, v, i) => acc.plus(new Dec(v).times(weights[i]!)), new Dec(0));
    const served = new Dec(view.combined[0]!);
    expect(recomputed.minus(served).abs().div(served.abs()).lt("1e-30")).toBe(true);
    // The float dynamics and the decimal presentation describe the same number.
    expect(Math.abs(served.toNumber() - rec.combined[0]!) / Math.abs(rec.combined[0]!)).toBeLessThan(1e-12);
    expect(view.combined[0]!.replace(/^-?0\.0*/, "").replace(".", "").length).toBeGreaterThanOrEqual(30);
    expect(e.spec.lossMethod).toBe("mse");
  });
});
