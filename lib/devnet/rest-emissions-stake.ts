// Emissions REST: reputer stake, delegation, removal queues and actor registration.
import { fmtScaled } from "./dec";
import { RPS_SCALE, type Removal } from "./ledger";
import { notFound, ok, route, type RestContext, type RestReply, type Route } from "./rest-common";
import { isEngine, topicEngine } from "./rest-lookup";
import type { TopicEngine } from "./topic-engine";

const withTopic = (fn: (ctx: RestContext, e: TopicEngine) => RestReply, name = "topic_id") => (ctx: RestContext) => {
  const e = topicEngine(ctx, name);
  return isEngine(e) ? fn(ctx, e) : e;
};

export function removalJson(r: Removal) {
  const base = { block_removal_started: String(r.start), topic_id: String(r.topicId), reputer: r.reputer };
  return r.kind === "delegate"
    ? { ...base, delegator: r.delegator, amount: r.amount.toString(), block_removal_completed: String(r.completion) }
    : { ...base, amount: r.amount.toString(), block_removal_completed: String(r.completion) };
}

function pendingRemoval(ctx: RestContext, topicId: number, reputer: string, delegator: string): Removal | undefined {
  return ctx.sim.ledger.pendingRemovalsAt(ctx.h).find((r) => r.topicId === topicId && r.reputer === reputer && r.delegator === delegator);
}

function stakeRemoval(ctx: RestContext, a: string, b: string, key: "removal" | "stake_removal_info"): RestReply {
  // Both argument orders exist on the chain under the same pattern; accept either.
  const [topic, reputer] = /^\d+$/.test(a) ? [Number(a), b] : [Number(b), a];
  const r = pendingRemoval(ctx, topic, reputer, "");
  return r ? ok({ [key]: removalJson(r) }) : notFound(`stake removal not found for topic ${topic} and reputer ${reputer}`);
}

function delegatorTotal(ctx: RestContext, e: TopicEngine, delegator: string): bigint {
  return e.actors.reputers.reduce((acc, r) => acc + ctx.sim.ledger.placementAt(e.spec.id, delegator, r.address, ctx.h).amount, 0n);
}

function registered(ctx: RestContext, topicId: number, address: string, kind: "worker" | "reputer"): boolean {
  return ctx.sim.ledger.registrations.some((r) => r.topicId === topicId && r.address === address && r.kind === kind && r.height <= ctx.h);
}

export function stakeRoutes(p: string): Route[] {
  const L = (ctx: RestContext) => ctx.sim.ledger;
  return [
    route(`${p}/total_stake`, (ctx) => ok({ amount: L(ctx).totalStake.at(ctx.h).toString() })),
    route(`${p}/stake/{topic_id}`, withTopic((ctx, e) => ok({ amount: L(ctx).topicStake.get(String(e.spec.id)).at(ctx.h).toString() }))),
    route(`${p}/reputer_stake/{address}/{topic_id}`, withTopic((ctx, e) => ok({ amount: L(ctx).reputerStake(e.spec.id, ctx.params.address!, ctx.h).toString() }))),
    route(`${p}/reputers_stakes/{topic_id}`, withTopic((ctx, e) => {
      const addresses = ctx.query.getAll("addresses");
      return ok({ amounts: addresses.map((reputer) => ({ topic_id: String(e.spec.id), reputer, amount: L(ctx).reputerStake(e.spec.id, reputer, ctx.h).toString() })) });
    })),
    route(`${p}/reputer_stake_self/{address}/{topic_id}`, withTopic((ctx, e) => ok({ amount: L(ctx).selfAt(e.spec.id, ctx.params.address!, ctx.h).toString() }))),
    route(`${p}/reputer_delegate_stake/{address}/{topic_id}`, withTopic((ctx, e) => ok({ amount: L(ctx).delegatedAt(e.spec.id, ctx.params.address!, ctx.h).toString() }))),
    route(`${p}/delegate_stake/{delegator}/{reputer}/{topic_id}`, withTopic((ctx, e) => ok({ amount: L(ctx).placementAt(e.spec.id, ctx.params.delegator!, ctx.params.reputer!, ctx.h).amount.toString() }))),
    route(`${p}/delegate_stake/{delegator}/{topic_id}`, withTopic((ctx, e) => ok({ amount: delegatorTotal(ctx, e, ctx.params.delegator!).toString() }))),
    route(`${p}/delegate_stake_placement/{topic_id}/{delegator}/{target}`, withTopic((ctx, e) => {
      const pl = L(ctx).placementAt(e.spec.id, ctx.params.delegator!, ctx.params.target!, ctx.h);
      return ok({ delegator_info: { amount: pl.amount.toString(), reward_debt: fmtScaled(pl.debt, RPS_SCALE) } });
    })),
    route(`${p}/delegate_stake_upon_reputer/{topic_id}/{target}`, withTopic((ctx, e) => ok({ stake: L(ctx).delegatedAt(e.spec.id, ctx.params.target!, ctx.h).toString() }))),
    route(`${p}/delegate_reward_per_share/{topic_id}/{reputer}`, withTopic((ctx, e) => ok({ reward_per_share: fmtScaled(L(ctx).rpsAt(e.spec.id, ctx.params.reputer!, ctx.h), RPS_SCALE) }))),
    route(`${p}/stake_reputer_authority/{topic_id}/{reputer}`, withTopic((ctx, e) => ok({ authority: L(ctx).reputerStake(e.spec.id, ctx.params.reputer!, ctx.h).toString() }))),
    route(`${p}/stake_removal/{a}/{b}`, (ctx) => stakeRemoval(ctx, ctx.params.a!, ctx.params.b!, /^\d+$/.test(ctx.params.a!) ? "removal" : "stake_removal_info")),
    route(`${p}/stake_removals/{block_height}`, (ctx) => {
      const upTo = Number(ctx.params.block_height);
      return ok({ removals: L(ctx).pendingRemovalsAt(ctx.h).filter((r) => r.kind === "stake" && r.completion <= upTo).map(removalJson) });
    }),
    route(`${p}/delegate_stake_removal/{topic_id}/{delegator}/{reputer}`, withTopic((ctx, e) => {
      const r = pendingRemoval(ctx, e.spec.id, ctx.params.reputer!, ctx.params.delegator!);
      return r ? ok({ removal: removalJson(r) }) : notFound("delegate stake removal not found");
    })),
    route(`${p}/delegate_stake_removal/{block_height}/{topic_id}/{delegator}/{reputer}`, withTopic((ctx, e) => {
      const r = pendingRemoval(ctx, e.spec.id, ctx.params.reputer!, ctx.params.delegator!);
      return r && r.completion === Number(ctx.params.block_height) ? ok({ stake_removal_info: removalJson(r) }) : notFound("delegate stake removal not found");
    })),
    route(`${p}/delegate_stake_removals/{block_height}`, (ctx) => {
      const upTo = Number(ctx.params.block_height);
      return ok({ removals: L(ctx).pendingRemovalsAt(ctx.h).filter((r) => r.kind === "delegate" && r.completion <= upTo).map(removalJson) });
    }),
    route(`${p}/worker/{address}`, (ctx) => {
      const known = L(ctx).registrations.some((r) => r.address === ctx.params.address && r.kind === "worker" && r.height <= ctx.h);
      return known ? ok({ node_info: { owner: ctx.params.address, node_address: ctx.params.address } }) : notFound("node not found");
    }),
    route(`${p}/reputer/{address}`, (ctx) => {
      const known = L(ctx).registrations.some((r) => r.address === ctx.params.address && r.kind === "reputer" && r.height <= ctx.h);
      return known ? ok({ node_info: { owner: ctx.params.address, node_address: ctx.params.address } }) : notFound("node not found");
    }),
    route(`${p}/worker_registered/{topic_id}/{address}`, withTopic((ctx, e) => ok({ is_registered: registered(ctx, e.spec.id, ctx.params.address!, "worker") }))),
    route(`${p}/reputer_registered/{topic_id}/{address}`, withTopic((ctx, e) => ok({ is_registered: registered(ctx, e.spec.id, ctx.params.address!, "reputer") }))),
  ];
}
