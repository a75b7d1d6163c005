// allora-chain's emissions staking messages (x/emissions/keeper/msgserver/msg_server_stake.go): the same checks in
// the same order, on the devnet ledger. The wallet test accounts are never reputers, so AddStake, RemoveStake and
// CancelRemoveStake always fail their registration/stake checks here, as they would on the chain.
import { isTxError, EMISSIONS, type TxError } from "./tx-errors";
import { coverable, intField, type MsgEnv, type MsgHandler, type MsgOutcome } from "./tx-msg-env";

const outcome = (events: MsgOutcome["events"], spend = 0n): MsgOutcome => ({ module: "emissions", events, spend });

function topicOf(value: Record<string, unknown>, env: MsgEnv): number | TxError {
  const id = Number(value.topicId as bigint);
  return env.sim.topicCreated(id, env.h) ? id : EMISSIONS.topicDoesNotExist();
}

function isReputer(env: MsgEnv, topicId: number, address: unknown): boolean {
  return env.sim.ledger.registrations.some((r) => r.topicId === topicId && r.address === address && r.kind === "reputer" && r.height <= env.h);
}

/** Topic exists and the target reputer is registered in it: the shared preamble of the delegator messages. */
function reputerTopic(value: Record<string, unknown>, env: MsgEnv, who = "reputer address"): number | TxError {
  const topicId = topicOf(value, env);
  if (isTxError(topicId)) return topicId;
  return isReputer(env, topicId, value.reputer) ? topicId : EMISSIONS.addressNotRegisteredInTopic(who);
}

function positive(value: Record<string, unknown>): bigint | TxError {
  const amount = intField(value.amount, "amount");
  if (isTxError(amount)) return amount;
  return amount === 0n ? EMISSIONS.receivedZeroAmount() : amount;
}

const delegateStake: MsgHandler = (value, env, sender) => {
  const amount = positive(value);
  if (isTxError(amount)) return amount;
  const topicId = reputerTopic(value, env);
  if (isTxError(topicId)) return topicId;
  const short = coverable(env, sender, amount);
  if (short) return short;
  const { events, paid } = env.sim.ledger.delegateStake(topicId, sender, String(value.reputer), amount, env.h, env.write);
  if (env.write) env.bank.change(sender, paid - amount, env.h);
  return outcome(events, amount);
};

const removeDelegateStake: MsgHandler = (value, env, sender) => {
  const amount = positive(value);
  if (isTxError(amount)) return amount;
  const topicId = reputerTopic(value, env);
  if (isTxError(topicId)) return topicId;
  const reputer = String(value.reputer);
  const ledger = env.sim.ledger;
  if (ledger.placementAt(topicId, sender, reputer, env.h).amount < amount) return EMISSIONS.insufficientDelegateStakeToRemove();
  if (ledger.reputerStake(topicId, reputer, env.h) < amount) return EMISSIONS.insufficientStakeToRemove();
  return outcome(ledger.startRemoval(topicId, reputer, sender, amount, env.h, env.write));
};

const cancelRemoveDelegateStake: MsgHandler = (value, env, sender) => {
  const topicId = reputerTopic(value, env);
  if (isTxError(topicId)) return topicId;
  const reputer = String(value.reputer);
  if (!env.sim.ledger.pendingRemoval(topicId, reputer, sender)) return EMISSIONS.stakeRemovalNotFound();
  return outcome(env.sim.ledger.cancelPendingRemoval(topicId, reputer, sender, env.h, env.write));
};

const rewardDelegateStake: MsgHandler = (value, env, sender) => {
  const topicId = reputerTopic(value, env);
  if (isTxError(topicId)) return topicId;
  const reputer = String(value.reputer);
  const paid = env.sim.ledger.claimReward(topicId, sender, reputer, env.h, env.write);
  if (env.write) env.bank.change(sender, paid, env.h);
  return outcome(paid > 0n ? [{ module: "emissions", name: "EventRewardDelegateStake", fields: { topic_id: String(topicId), reputer, delegator: sender, amount: paid.toString() } }] : []);
};

// The reputer's own stake messages. Only the wallet test accounts can sign here and none is a reputer, so these
// always end at the chain's registration or stake check; nothing further is modelled.
const addStake: MsgHandler = (value, env, sender) => {
  const amount = positive(value);
  if (isTxError(amount)) return amount;
  const topicId = topicOf(value, env);
  if (isTxError(topicId)) return topicId;
  return isReputer(env, topicId, sender) ? EMISSIONS.addressNotRegisteredInTopic("reputer stake of a wallet account is not modelled") : EMISSIONS.addressNotRegisteredInTopic();
};

const removeStake: MsgHandler = (value, env, sender) => {
  const amount = positive(value);
  if (isTxError(amount)) return amount;
  const topicId = topicOf(value, env);
  if (isTxError(topicId)) return topicId;
  return env.sim.ledger.selfAt(topicId, sender, env.h) < amount ? EMISSIONS.insufficientStakeToRemove() : EMISSIONS.insufficientStakeToRemove("reputer stake of a wallet account is not modelled");
};

const cancelRemoveStake: MsgHandler = (value, env, sender) => {
  const topicId = topicOf(value, env);
  if (isTxError(topicId)) return topicId;
  return env.sim.ledger.pendingRemoval(topicId, sender, "") ? EMISSIONS.stakeRemovalNotFound("reputer stake of a wallet account is not modelled") : EMISSIONS.stakeRemovalNotFound();
};

export const emissionsHandlers: Record<string, MsgHandler> = {
  DelegateStakeRequest: delegateStake,
  RemoveDelegateStakeRequest: removeDelegateStake,
  CancelRemoveDelegateStakeRequest: cancelRemoveDelegateStake,
  RewardDelegateStakeRequest: rewardDelegateStake,
  AddStakeRequest: addStake,
  RemoveStakeRequest: removeStake,
  CancelRemoveStakeRequest: cancelRemoveStake,
};
