// EndBlock events of a reputer nonce's settlement: network losses, instant and EMA scores,
// regrets, topic and actor rewards, and the delegators' reward-per-share updates.
import { emissionsEv, type TypedEv } from "./chain-types";
import { fmtFloat, fmtScaled } from "./dec";
import { epochView } from "./epoch-view";
import { RPS_SCALE } from "./ledger";
import { stdDev } from "./synthesis";
import type { Simulation } from "./simulation";
import { eventValueBundle, valueBundleV3 } from "./shapes";
import type { EpochRec, TopicEngine } from "./topic-engine";
import { ZERO_ADDRESS } from "./ids";

export const ACTOR_TYPES = { inferer: "ACTOR_TYPE_INFERER_UNSPECIFIED", forecaster: "ACTOR_TYPE_FORECASTER", reputer: "ACTOR_TYPE_REPUTER" } as const;

export function settlementEvents(sim: Simulation, e: TopicEngine, rec: EpochRec, h: number, out: TypedEv[]): void {
  const view = epochView(sim, e.spec.id, rec);
  const st = view.settlement;
  if (!st || !rec.ev) return;
  const t = String(e.spec.id);
  const n = String(rec.nonce);
  const v9 = sim.options.emissionsVersion === "v9";
  out.push(emissionsEv("EventReputerSubmissionWindowClosed", { topic_id: t, nonce_block_height: n }));
  const lossBundle = valueBundleV3(e.spec.id, rec.nonce, ZERO_ADDRESS, st.network, view.inferers, view.forecasters);
  out.push(
    emissionsEv(
      "EventNetworkLossSet",
      v9 ? { topic_id: t, block_height: n, value_bundle: lossBundle } : { topic_id: t, block_height: n, value_bundle: lossBundle, nonce: n, bundle: eventValueBundle(st.network, view.inferers, view.forecasters) },
    ),
  );
  const groups = [
    { type: ACTOR_TYPES.inferer, addrs: view.inferers, scores: st.infScores, ema: st.emaInf, rewards: st.rewInf },
    { type: ACTOR_TYPES.forecaster, addrs: view.forecasters, scores: st.fcScores, ema: st.emaFc, rewards: st.rewFc },
    { type: ACTOR_TYPES.reputer, addrs: view.reputers, scores: st.repScores, ema: st.emaRep, rewards: st.rewRep },
  ];
  for (const g of groups) out.push(emissionsEv("EventScoresSet", { actor_type: g.type, topic_id: t, block_height: n, addresses: g.addrs, scores: g.scores }));
  for (const g of groups) out.push(emissionsEv("EventEMAScoresSet", { actor_type: g.type, topic_id: t, nonce: n, addresses: g.addrs, scores: g.ema, is_active: g.addrs.map(() => true) }));
  out.push(emissionsEv("EventInfererNetworkRegretSet", { topic_id: t, block_height: n, addresses: view.inferers, regrets: st.regInf }));
  out.push(emissionsEv("EventForecasterNetworkRegretSet", { topic_id: t, block_height: n, addresses: view.forecasters, regrets: st.regFc }));
  out.push(emissionsEv("EventRegretStdNormSet", { topic_id: t, block_height: n, stdnorm: fmtFloat(stdDev([...rec.ev.regInf, ...rec.ev.regFc].filter((x) => !Number.isNaN(x)))) }));
  out.push(emissionsEv("EventTopicRewardsSet", { topic_ids: [t], rewards: [st.topicReward] }));
  for (const g of groups) out.push(emissionsEv("EventRewardsSettled", { actor_type: g.type, topic_id: t, block_height: n, addresses: g.addrs, rewards: g.rewards, block_height_tx: String(h) }));
  view.reputers.forEach((reputer, j) => {
    const amount = rec.ev!.rewDelegators[j] ?? 0n;
    if (amount > 0n) out.push(emissionsEv("EventDelegateRewardDistributed", { topic_id: t, reputer, amount: amount.toString() }));
  });
  for (const reputer of view.reputers) {
    if (sim.ledger.delegatedAt(e.spec.id, reputer, h) === 0n) continue;
    out.push(emissionsEv("EventDelegateRewardShareUpdated", { topic_id: t, reputer, reward_per_share: fmtScaled(sim.ledger.rpsAt(e.spec.id, reputer, h), RPS_SCALE) }));
  }
  out.push(emissionsEv("EventReputerLastCommitSet", { topic_id: t, block_height: String(h), nonce: { block_height: n } }));
}
