// REST state the events do not carry, read as of one height (x-cosmos-block-height) so a batch is consistent:
// full topics, reputer stake totals, delegator placements, validators with delegations and unbondings, emissions.
import type { LcdClient } from "@/lib/allora/lcd-client";
import type { BatchBuilder } from "./batch-builder";
import type { Touched } from "./event-rows";
import { inGroups } from "./in-groups";

const s = (v: bigint | number) => String(v);
const isZeroDec = (v: string) => /^-?0+(\.0+)?$/.test(v);

export async function listTopicIds(lcd: LcdClient, height: bigint): Promise<bigint[]> {
  const next = await lcd.getNextTopicId({ height });
  return Array.from({ length: Math.max(0, Number(next) - 1) }, (_, i) => BigInt(i + 1));
}

/** Answers the topics' names, from which the ground-truth feed learns what to price. */
export async function addTopics(b: BatchBuilder, lcd: LcdClient, ids: readonly bigint[], height: bigint): Promise<string[]> {
  const names: string[] = [];
  await inGroups(ids, 8, async (id) => {
    const [info, active] = await Promise.all([lcd.getTopic(id, { height }), lcd.isTopicActive(id, { height })]);
    const t = info.topic;
    names.push(t.metadata);
    b.add("topics", {
      topic_id: s(t.id), creator: t.creator, metadata: t.metadata, loss_method: t.lossMethod,
      epoch_last_ended: s(t.epochLastEnded), epoch_length: s(t.epochLength), ground_truth_lag: s(t.groundTruthLag),
      p_norm: t.pNorm, alpha_regret: t.alphaRegret, allow_negative: t.allowNegative, epsilon: t.epsilon,
      initial_regret: t.initialRegret, worker_submission_window: t.workerSubmissionWindow === null ? null : s(t.workerSubmissionWindow),
      merit_sortition_alpha: t.meritSortitionAlpha, active_inferer_quantile: t.activeInfererQuantile,
      active_forecaster_quantile: t.activeForecasterQuantile, active_reputer_quantile: t.activeReputerQuantile,
      c_norm: t.cNorm, topic_type: t.topicType, output_arity: t.outputArity, require_unity: t.requireUnity,
      unity_tolerance: t.unityTolerance, max_labels_per_submission: t.maxLabelsPerSubmission === null ? null : s(t.maxLabelsPerSubmission),
      label_whitelist: t.labelWhitelist, label_default_value: t.labelDefaultValue, label_case_sensitive: t.labelCaseSensitive,
      is_active: active, weight: info.weight, effective_revenue: info.effectiveRevenue,
      topic_stake: info.topicStake === null ? null : s(info.topicStake), created_height: null, updated_height: s(height),
    });
  });
  return names;
}

export async function addStakes(b: BatchBuilder, lcd: LcdClient, touched: Touched, height: bigint): Promise<void> {
  await inGroups([...touched.stakes], 8, async (key) => {
    const [topic = "", reputer = ""] = key.split("|");
    const [self, delegated] = await Promise.all([
      lcd.getReputerStakeSelf(reputer, topic, { height }),
      lcd.getReputerDelegateStake(reputer, topic, { height }),
    ]);
    b.add("reputer_stakes", { topic_id: topic, reputer, block_height: s(height), self_stake: s(self), delegated_stake: s(delegated) });
  });
  await inGroups([...touched.placements], 8, async (key) => {
    const [topic = "", delegator = "", reputer = ""] = key.split("|");
    const info = await lcd.getDelegateStakePlacement(topic, delegator, reputer, { height });
    // A placement whose amount is zero is gone from the chain (fully withdrawn): its last row is closed instead.
    if (isZeroDec(info.amount)) b.placementEnd({ topic_id: topic, reputer, delegator, height: s(height) });
    else b.add("delegator_placements", { topic_id: topic, reputer, delegator, block_height: s(height), amount: info.amount, reward_debt: info.rewardDebt });
  });
}

export async function addValidators(b: BatchBuilder, lcd: LcdClient, height: bigint): Promise<void> {
  const validators = await lcd.listValidators({}, { height });
  for (const v of validators) {
    b.add("validators", {
      operator_address: v.operatorAddress, moniker: v.moniker, identity: v.identity ?? "", website: v.website ?? "",
      details: v.details ?? "", status: v.status, jailed: v.jailed, tokens: s(v.tokens), delegator_shares: v.delegatorShares,
      // What the chain did not send stays NULL: a made-up 0 would read as a real limit.
      commission_rate: v.commissionRate, commission_max_rate: v.commissionMaxRate,
      commission_max_change_rate: v.commissionMaxChangeRate, commission_updated_at: null,
      min_self_delegation: v.minSelfDelegation === null ? null : s(v.minSelfDelegation), updated_height: s(height),
    });
    b.add("validator_history", { operator_address: v.operatorAddress, block_height: s(height), status: v.status, jailed: v.jailed, tokens: s(v.tokens), commission_rate: v.commissionRate });
  }
  await inGroups(validators, 4, async (v) => {
    const [delegations, unbondings] = await Promise.all([
      lcd.listValidatorDelegations(v.operatorAddress, { height }),
      lcd.listValidatorUnbondingDelegations(v.operatorAddress, { height }),
    ]);
    for (const d of delegations) {
      b.add("validator_delegations", { delegator: d.delegatorAddress, operator_address: d.validatorAddress, shares: d.shares, amount: s(d.balance.amount), updated_height: s(height) });
      b.actor(d.delegatorAddress, height, "delegator");
    }
    for (const u of unbondings)
      for (const e of u.entries)
        b.add("validator_unbondings", {
          delegator: u.delegatorAddress, operator_address: u.validatorAddress, creation_height: s(e.creationHeight),
          completion_time: new Date(e.completionTime).toISOString(), initial_balance: s(e.initialBalance), balance: s(e.balance),
          status: "pending", updated_height: s(height),
        });
  });
  // Every validator's delegations and unbondings were listed: the ingest closes stored ones missing from them.
  b.fullState(height);
}

export async function addEmissions(b: BatchBuilder, lcd: LcdClient, height: bigint): Promise<void> {
  const [info, inflation] = await Promise.all([lcd.getEmissionInfo({ height }), lcd.getInflation({ height })]);
  b.add("emission_snapshots", {
    block_height: s(height), inflation, block_emission: s(info.blockEmission), emission_per_month: s(info.emissionPerMonth),
    network_staked_tokens: s(info.networkStakedTokens), circulating_supply: s(info.circulatingSupply),
    validators_percent: info.validatorsPercent, reputers_percent: info.reputersPercent, ecosystem_mint: null,
    max_supply: s(info.maxSupply), raw: null,
  });
}
