// What workers submit for one epoch. Inferers err around the realized value by their regime-dependent
// skill (plus a shared shock, so errors correlate); forecasters predict each inferer's loss, the
// context-aware ones from the current regime and the inferer's form that day.
import type { TopicActors } from "./actors";
import type { TopicSpec } from "./config";
import { expectedLoss } from "./losses";
import type { Market } from "./market";
import { rngFor } from "./prng";
import type { EpochRec } from "./topic-engine";

export function generateEpoch(seed: number, spec: TopicSpec, actors: TopicActors, market: Market, index: number, nonce: number): EpochRec {
  const rng = rngFor(seed, "epoch", spec.id, nonce);
  const regime = market.regimeAt(nonce);
  const truth = spec.labels.map((l) => market.truth(spec.asset, spec.target, l, nonce));
  const scale = spec.labels.map((l) => market.targetScale(spec.asset, spec.target, l, nonce, regime));
  const avgScale = spec.labels.map((l) => 0.5 * (market.targetScale(spec.asset, spec.target, l, nonce, 0) + market.targetScale(spec.asset, spec.target, l, nonce, 1)));
  const lossScale = spec.labels.map((l) => market.targetScale(spec.asset, spec.target, l, nonce, 0));
  const common = spec.labels.map(() => rng.normal());
  const inf: number[] = [];
  const infValues: number[][] = [];
  // Day-to-day form: an epoch-specific error multiplier that context-aware forecasters can see
  // but regrets (which only know the past) cannot.
  const form: number[] = [];
  actors.inferers.forEach((p, i) => {
    const idio = spec.labels.map(() => rng.normal());
    form[i] = Math.exp(0.4 * rng.normal());
    if (p.joinedAt >= nonce || !rng.chance(p.participation)) return;
    const k = p.skill[regime] * form[i]!;
    inf.push(i);
    infValues.push(truth.map((t, l) => {
      const v = t + scale[l]! * (p.bias + k * (0.45 * common[l]! + 0.893 * idio[l]!));
      return spec.target === "log-return" ? v : Math.max(v, spec.target === "price" ? 0.01 : 1e-7);
    }));
  });
  const fc: number[] = [];
  const fcLosses: number[][] = [];
  actors.forecasters.forEach((p, k) => {
    if (p.joinedAt >= nonce || !rng.chance(p.participation)) return;
    fc.push(k);
    fcLosses.push(inf.map((i) => {
      const q = actors.inferers[i]!;
      const skill = p.contextAware ? q.skill[regime] * form[i]! : 0.5 * (q.skill[0] + q.skill[1]);
      const base = p.contextAware ? scale : avgScale;
      const err = base.map((s) => s * Math.hypot(q.bias, skill));
      return expectedLoss(spec.lossMethod, err, lossScale) * Math.exp(p.noise * rng.normal());
    }));
  });
  return {
    index, nonce, regime, inf, fc, infValues, fcLosses, truth, lossScale,
    closed: false, infRegrets: [], fcRegrets: [], referenceLoss: NaN, combined: [], naive: [], synth: null, ev: null,
  };
}
