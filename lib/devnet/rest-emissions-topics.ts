// Emissions REST: params, topics, submission windows, inferences and network inferences.
import { submitOffset } from "./block-events";
import { TOPIC_CONSTANTS } from "./config";
import { alloToUallo, fmtFloat } from "./dec";
import { emissionsParams } from "./emissions-params";
import { invalid, notFound, ok, route, intParam, type RestContext, type Route } from "./rest-common";
import { closedEpoch, isEngine, openNonces, storedEpoch, submissionsOf, topicEngine, unsettledNonces, viewOf } from "./rest-lookup";
import { forecastJson, inferenceJson, networkInferencesV10, networkInferencesV9 } from "./shapes";
import type { TopicEngine } from "./topic-engine";

function topicResponse(ctx: RestContext, e: TopicEngine) {
  const { sim, h } = ctx;
  const body: Record<string, unknown> = {
    topic: sim.topicJsonAt(e.spec, h),
    weight: fmtFloat(sim.treasury.weights.get(String(e.spec.id)).at(h)),
    effective_revenue: alloToUallo(e.spec.feeRevenueAllo).toString(),
  };
  if (sim.options.emissionsVersion === "v10") body.topic_stake = sim.ledger.topicStake.get(String(e.spec.id)).at(h).toString();
  return body;
}

function windowStatus(ctx: RestContext, e: TopicEngine, lag: number) {
  const { h, sim } = ctx;
  const { epochLength: len, workerSubmissionWindow: w } = e.spec;
  const base = h - lag;
  const n = base < e.firstNonce ? e.firstNonce : e.firstNonce + Math.floor((base - e.firstNonce) / len) * len;
  const address = ctx.query.get("address") ?? "";
  const registered = address !== "" && sim.ledger.registrations.some((r) => r.topicId === e.spec.id && r.address === address && r.height <= h);
  return {
    is_open: base >= n && base < n + w,
    current_nonce_block_height: String(n),
    window_start_block: String(n + lag),
    window_end_block: String(n + lag + w),
    next_window_start_block: String(n + lag + len),
    next_window_end_block: String(n + lag + len + w),
    is_registered: registered,
    is_whitelisted: true,
    is_topic_active: sim.topicActive(e.spec.id, h),
  };
}

const withTopic = (fn: (ctx: RestContext, e: TopicEngine) => ReturnType<typeof ok>) => (ctx: RestContext) => {
  const e = topicEngine(ctx);
  return isEngine(e) ? fn(ctx, e) : e;
};

export function topicRoutes(p: string, v: "v9" | "v10"): Route[] {
  const bundle = (ctx: RestContext, e: TopicEngine, nonce: number) => {
    const rec = closedEpoch(e, nonce, ctx.h);
    if (!rec) return null;
    const view = viewOf(ctx, e, rec);
    return v === "v9" ? networkInferencesV9(view) : networkInferencesV10(view);
  };
  const routes: Route[] = [
    route(`${p}/params`, () => ok({ params: emissionsParams(v) })),
    route(`${p}/next_topic_id`, (ctx) => ok({ next_topic_id: String(ctx.sim.engines.filter((e) => ctx.sim.topicCreated(e.spec.id, ctx.h)).length + 1) })),
    route(`${p}/topics/{topic_id}`, withTopic((ctx, e) => ok(topicResponse(ctx, e)))),
    route(`${p}/topic_exists/{topic_id}`, (ctx) => {
      const id = intParam(ctx, "topic_id");
      return typeof id === "number" ? ok({ exists: ctx.sim.topicCreated(id, ctx.h) }) : id;
    }),
    route(`${p}/is_topic_active/{topic_id}`, (ctx) => {
      const id = intParam(ctx, "topic_id");
      return typeof id === "number" ? ok({ is_active: ctx.sim.topicActive(id, ctx.h) }) : id;
    }),
    route(`${p}/active_topics_at_block/{block_height}`, (ctx) => {
      const at = intParam(ctx, "block_height");
      if (typeof at !== "number") return at;
      if (at > ctx.h) return invalid("block height is in the future");
      const topics = ctx.sim.engines.filter((e) => ctx.sim.topicActive(e.spec.id, at)).map((e) => ctx.sim.topicJsonAt(e.spec, at));
      return ok({ topics, pagination: { next_key: null } });
    }),
    route(`${p}/next_churning_block_by_topic_id/{topic_id}`, withTopic((ctx, e) => {
      const n = openNonces(e, ctx.h)[0];
      const next = n ?? (ctx.h < e.firstNonce ? e.firstNonce : e.firstNonce + Math.ceil((ctx.h - e.firstNonce + 1) / e.spec.epochLength) * e.spec.epochLength);
      return ok({ block_height: String(n !== undefined ? n + e.spec.epochLength : next) });
    })),
    route(`${p}/topic_fee_revenue/{topic_id}`, withTopic((_ctx, e) => ok({ fee_revenue: alloToUallo(e.spec.feeRevenueAllo).toString() }))),
    route(`${p}/previous_topic_weight/{topic_id}`, withTopic((ctx, e) => {
      const s = ctx.sim.treasury.weights.get(String(e.spec.id));
      return ok({ weight: fmtFloat(s.at(ctx.h)), not_found: s.indexAt(ctx.h) < 0 });
    })),
    route(`${p}/topic_reward_nonce/{topic_id}`, withTopic((ctx, e) => ok({ nonce: String(ctx.sim.latestSettled(e.spec.id, ctx.h)?.nonce ?? 0) }))),
    route(`${p}/topic_last_worker_commit_info/{topic_id}`, withTopic((ctx, e) => {
      const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
      return ok({ last_commit: rec ? { block_height: String(rec.nonce + e.spec.workerSubmissionWindow), nonce: { block_height: String(rec.nonce) } } : null });
    })),
    route(`${p}/topic_last_reputer_commit_info/{topic_id}`, withTopic((ctx, e) => {
      const rec = ctx.sim.latestSettled(e.spec.id, ctx.h);
      return ok({ last_commit: rec?.ev ? { block_height: String(rec.ev.height), nonce: { block_height: String(rec.nonce) } } : null });
    })),
    route(`${p}/worker_submission_window_status/{topic_id}`, withTopic((ctx, e) => ok(windowStatus(ctx, e, 0)))),
    route(`${p}/reputer_submission_window_status/{topic_id}`, withTopic((ctx, e) => ok(windowStatus(ctx, e, e.spec.groundTruthLag)))),
    route(`${p}/unfulfilled_worker_nonces/{topic_id}`, withTopic((ctx, e) => ok({ nonces: { nonces: openNonces(e, ctx.h).map((n) => ({ block_height: String(n) })) } }))),
    route(`${p}/open_worker_submission_windows/{topic_id}`, withTopic((ctx, e) => ok({ nonces: { nonces: openNonces(e, ctx.h).map((n) => ({ block_height: String(n) })) } }))),
    route(`${p}/unfulfilled_reputer_nonces/{topic_id}`, withTopic((ctx, e) => ok({ nonces: { nonces: unsettledNonces(e, ctx.h).map((n) => ({ reputer_nonce: { block_height: String(n) } })) } }))),
    route(`${p}/is_worker_nonce_unfulfilled/{topic_id}/{block_height}`, withTopic((ctx, e) => ok({ is_worker_nonce_unfulfilled: openNonces(e, ctx.h).includes(Number(ctx.params.block_height)) }))),
    route(`${p}/is_reputer_nonce_unfulfilled/{topic_id}/{block_height}`, withTopic((ctx, e) => ok({ is_reputer_nonce_unfulfilled: unsettledNonces(e, ctx.h).includes(Number(ctx.params.block_height)) }))),
    route(`${p}/latest_network_inferences/{topic_id}`, withTopic((ctx, e) => {
      const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
      const b = rec && bundle(ctx, e, rec.nonce);
      return b ? ok({ network_inferences: b, inference_block_height: String(rec.nonce) }) : notFound(`no network inferences found for topic ${e.spec.id}`);
    })),
    route(`${p}/network_inferences/{topic_id}/last_inference/{block_height}`, withTopic((ctx, e) => {
      const b = bundle(ctx, e, Number(ctx.params.block_height));
      return b ? ok({ network_inferences: b }) : notFound("network inference not found for nonce");
    })),
    route(`${p}/latest_inferences/{topic_id}`, withTopic((ctx, e) => {
      const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
      if (!rec) return notFound("no inferences found");
      const view = viewOf(ctx, e, rec);
      return ok({ inferences: { inferences: view.inferers.map((_, i) => inferenceJson(view, i, v)) }, block_height: String(rec.nonce) });
    })),
    route(`${p}/inferences/{topic_id}/{block_height}`, withTopic((ctx, e) => {
      const rec = storedEpoch(e, Number(ctx.params.block_height), ctx.h);
      if (!rec) return notFound(`no inferences found at block height ${ctx.params.block_height}`);
      const view = submissionsOf(ctx, e, rec);
      const visible = view.inferers.map((_, i) => i).filter((i) => rec.nonce + submitted(ctx, e, rec.nonce, view.inferers[i]!) <= ctx.h);
      return ok({ inferences: { inferences: visible.map((i) => inferenceJson(view, i, v)) } });
    })),
    route(`${p}/forecasts/{topic_id}/{block_height}`, withTopic((ctx, e) => {
      const rec = storedEpoch(e, Number(ctx.params.block_height), ctx.h);
      if (!rec) return notFound(`no forecasts found at block height ${ctx.params.block_height}`);
      const view = submissionsOf(ctx, e, rec);
      const visible = view.forecasters.map((_, k) => k).filter((k) => rec.nonce + submitted(ctx, e, rec.nonce, view.forecasters[k]!) <= ctx.h);
      return ok({ forecasts: { forecasts: visible.map((k) => forecastJson(view, k)) } });
    })),
    route(`${p}/latest_regret_stdnorm/{topic_id}`, withTopic((ctx, e) => {
      const ev = ctx.sim.latestSettled(e.spec.id, ctx.h)?.ev;
      const regrets = ev ? [...ev.regInf, ...ev.regFc].filter((x) => !Number.isNaN(x)) : [];
      const mean = regrets.reduce((a, b) => a + b, 0) / Math.max(1, regrets.length);
      return ok({ value: fmtFloat(Math.sqrt(regrets.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, regrets.length)) + TOPIC_CONSTANTS.epsilon) });
    })),
  ];
  const latest = v === "v9" ? "latest_inference" : "latest_input_inference";
  routes.push(route(`${p}/topics/{topic_id}/workers/{worker}/${latest}`, withTopic((ctx, e) => {
    const rec = ctx.sim.latestClosed(e.spec.id, ctx.h);
    const view = rec && viewOf(ctx, e, rec);
    const i = view ? view.inferers.indexOf(ctx.params.worker!) : -1;
    if (!view || i < 0) return notFound("inference not found");
    if (v === "v9") return ok({ latest_inference: inferenceJson(view, i, "v9") });
    const values = view.infValues[i]!;
    return ok({ latest_input_inference: { topic_id: String(e.spec.id), block_height: String(view.nonce), inferer: view.inferers[i], value: values[0], extra_data: null, proof: "", values: view.labels.map((label, l) => ({ label, value: values[l] })) } });
  })));
  return routes;
}

function submitted(ctx: RestContext, e: TopicEngine, nonce: number, address: string): number {
  return submitOffset(ctx.sim.options.seed, e.spec.id, nonce, address, e.spec.workerSubmissionWindow);
}
