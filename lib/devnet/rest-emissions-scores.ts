// Emissions REST: losses, scores, EMA scores, weights, regrets and reward fractions.
import { submitOffset } from "./block-events";
import { fmtFloat, fmtComputed, Dec } from "./dec";
import { ZERO_ADDRESS, sha256Base64, sha256Hex } from "./ids";
import { notFound, ok, route, type RestContext, type RestReply, type Route } from "./rest-common";
import { closedEpoch, isEngine, settledEpoch, topicEngine, viewOf } from "./rest-lookup";
import { valueBundleV3 } from "./shapes";
import type { EpochRec, TopicEngine } from "./topic-engine";
import { ALLORA_CUT } from "./treasury";

type Kind = "inf" | "fc" | "rep";

const withTopic = (fn: (ctx: RestContext, e: TopicEngine) => RestReply) => (ctx: RestContext) => {
  const e = topicEngine(ctx);
  return isEngine(e) ? fn(ctx, e) : e;
};

function actorIndex(e: TopicEngine, kind: Kind, address: string): number {
  const list = kind === "inf" ? e.actors.inferers : kind === "fc" ? e.actors.forecasters : e.actors.reputers;
  return list.findIndex((a) => a.address === address);
}

function emaScore(ctx: RestContext, e: TopicEngine, kind: Kind, address: string) {
  const rec = ctx.sim.latestSettled(e.spec.id, ctx.h);
  const i = actorIndex(e, kind, address);
  const arr = rec?.ev ? (kind === "inf" ? rec.ev.emaInf : kind === "fc" ? rec.ev.emaFc : rec.ev.emaRep) : undefined;
  const v = arr && i >= 0 ? arr[i]! : NaN;
  const known = !Number.isNaN(v);
  return ok({ score: { topic_id: String(e.spec.id), block_height: known ? String(rec!.nonce) : "0", address, score: known ? fmtFloat(v) : "0" } });
}

function scoresAt(ctx: RestContext, e: TopicEngine, kind: Kind) {
  const rec = settledEpoch(e, Number(ctx.params.block_height), ctx.h);
  if (!rec) return ok({ scores: { scores: [] } });
  const view = viewOf(ctx, e, rec);
  const st = view.settlement!;
  const [addrs, scores] = kind === "inf" ? [view.inferers, st.infScores] : kind === "fc" ? [view.forecasters, st.fcScores] : [view.reputers, st.repScores];
  return ok({ scores: { scores: addrs.map((address, i) => ({ topic_id: String(e.spec.id), block_height: String(rec.nonce), address, score: scores[i]! })) } });
}

function latestWeight(ctx: RestContext, e: TopicEngine, kind: "inf" | "fc") {
  const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
  if (!rec) return ok({ weight: "0" });
  const view = viewOf(ctx, e, rec);
  const i = (kind === "inf" ? view.inferers : view.forecasters).indexOf(ctx.params.actor_id!);
  return ok({ weight: i < 0 ? "0" : (kind === "inf" ? view.infWeights : view.fcWeights)[i]! });
}

function regret(ctx: RestContext, e: TopicEngine, kind: "inf" | "fc", address: string) {
  const rec = ctx.sim.latestSettled(e.spec.id, ctx.h);
  const i = actorIndex(e, kind, address);
  const arr = rec?.ev ? (kind === "inf" ? rec.ev.regInf : rec.ev.regFc) : undefined;
  const v = arr && i >= 0 ? arr[i]! : NaN;
  return ok({ regret: Number.isNaN(v) ? { block_height: "0", value: "0" } : { block_height: String(rec!.nonce), value: fmtFloat(v) } });
}

function rewardFraction(ctx: RestContext, e: TopicEngine, kind: Kind, address: string) {
  const rec: EpochRec | undefined = ctx.sim.latestSettled(e.spec.id, ctx.h);
  if (!rec?.ev) return ok({ reward_fraction: "0", not_found: true });
  const view = viewOf(ctx, e, rec);
  const st = view.settlement!;
  const [addrs, rewards] = kind === "inf" ? [view.inferers, st.rewInf] : kind === "fc" ? [view.forecasters, st.rewFc] : [view.reputers, st.rewRep];
  const i = addrs.indexOf(address);
  const total = rewards.reduce((a, b) => a.plus(b), new Dec(0));
  if (i < 0 || total.isZero()) return ok({ reward_fraction: "0", not_found: i < 0 });
  return ok({ reward_fraction: fmtComputed(new Dec(rewards[i]!).div(total)), not_found: false });
}

export function scoreRoutes(p: string, v: "v9" | "v10"): Route[] {
  const routes: Route[] = [
    route(`${p}/network_loss/{topic_id}/{block_height}`, withTopic((ctx, e) => {
      const rec = settledEpoch(e, Number(ctx.params.block_height), ctx.h);
      if (!rec) return notFound(`network loss not found for topic ${e.spec.id} at block height ${ctx.params.block_height}`);
      const view = viewOf(ctx, e, rec);
      return ok({ loss_bundle: valueBundleV3(e.spec.id, rec.nonce, ZERO_ADDRESS, view.settlement!.network, view.inferers, view.forecasters) });
    })),
    route(`${p}/reputer_loss_bundles/{topic_id}/{block_height}`, withTopic((ctx, e) => {
      const rec = closedEpoch(e, Number(ctx.params.block_height), ctx.h);
      const view = rec && viewOf(ctx, e, rec);
      const lag = e.spec.groundTruthLag;
      const bundles = !rec || !view ? [] : view.reputers.flatMap((reputer, r) =>
        rec.nonce + lag + submitOffset(ctx.sim.options.seed, e.spec.id, rec.nonce, reputer, e.spec.workerSubmissionWindow) <= ctx.h
          ? [valueBundleV3(e.spec.id, rec.nonce, reputer, view.reports[r]!, view.inferers, view.forecasters)]
          : [],
      );
      if (v === "v10") return ok({ loss_bundles: bundles });
      return ok({ loss_bundles: { reputer_value_bundles: bundles.map((value_bundle) => ({ value_bundle, signature: sha256Base64(`sig/${value_bundle.reputer}/${rec!.nonce}`), pubkey: sha256Hex(`pub/${value_bundle.reputer}`).slice(0, 66).toLowerCase() })) } });
    })),
    route(`${p}/inferer_score_ema/{topic_id}/{address}`, withTopic((ctx, e) => emaScore(ctx, e, "inf", ctx.params.address!))),
    route(`${p}/forecaster_score_ema/{topic_id}/{address}`, withTopic((ctx, e) => emaScore(ctx, e, "fc", ctx.params.address!))),
    route(`${p}/reputer_score_ema/{topic_id}/{address}`, withTopic((ctx, e) => emaScore(ctx, e, "rep", ctx.params.address!))),
    route(`${p}/worker_inference_scores_at_block/{topic_id}/{block_height}`, withTopic((ctx, e) => scoresAt(ctx, e, "inf"))),
    route(`${p}/worker_forecast_scores_at_block/{topic_id}/{block_height}`, withTopic((ctx, e) => scoresAt(ctx, e, "fc"))),
    route(`${p}/reputers_scores_at_block/{topic_id}/{block_height}`, withTopic((ctx, e) => scoresAt(ctx, e, "rep"))),
    route(`${p}/latest_inferer_weight/{topic_id}/{actor_id}`, withTopic((ctx, e) => latestWeight(ctx, e, "inf"))),
    route(`${p}/latest_forecaster_weight/{topic_id}/{actor_id}`, withTopic((ctx, e) => latestWeight(ctx, e, "fc"))),
    route(`${p}/inferer_network_regret/{topic_id}/{actor_id}`, withTopic((ctx, e) => regret(ctx, e, "inf", ctx.params.actor_id!))),
    route(`${p}/forecaster_network_regret/{topic_id}/{worker}`, withTopic((ctx, e) => regret(ctx, e, "fc", ctx.params.worker!))),
    route(`${p}/listening_coefficient/{topic_id}/{reputer}`, withTopic(() => ok({ listening_coefficient: { coefficient: "1" } }))),
    route(`${p}/previous_reputer_reward_fraction/{topic_id}/{reputer}`, withTopic((ctx, e) => rewardFraction(ctx, e, "rep", ctx.params.reputer!))),
    route(`${p}/previous_inference_reward_fraction/{topic_id}/{worker}`, withTopic((ctx, e) => rewardFraction(ctx, e, "inf", ctx.params.worker!))),
    route(`${p}/previous_forecast_reward_fraction/{topic_id}/{worker}`, withTopic((ctx, e) => rewardFraction(ctx, e, "fc", ctx.params.worker!))),
    route(`${p}/previous_percentage_reward_to_staked_reputers`, () => ok({ percentage_reward: "0.4" })),
    route(`${p}/total_reward_to_distribute`, () => ok({ total_reward: ALLORA_CUT.toString() })),
  ];
  if (v === "v9") {
    const active = (kind: "inferers" | "forecasters" | "reputers") => withTopic((ctx, e) => {
      const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
      const view = rec && viewOf(ctx, e, rec);
      return ok({ [kind]: view ? view[kind] : [] });
    });
    routes.push(route(`${p}/active_inferers/{topic_id}`, active("inferers")), route(`${p}/active_forecasters/{topic_id}`, active("forecasters")), route(`${p}/active_reputers/{topic_id}`, active("reputers")));
  }
  return routes;
}
