// x/staking and x/distribution messages (Cosmos SDK 0.50 msg servers) on the devnet's validators. As in the SDK, a
// change to a delegation first withdraws its pending rewards (truncated to whole uallo) into the balance.
import Decimal from "decimal.js";
import { plainEv, type TypedEv } from "./chain-types";
import { BLOCK_SECONDS } from "./config";
import { isoTime } from "./rpc";
import { DISTRIBUTION, isTxError, SDK, STAKING, type TxError } from "./tx-errors";
import { coverable, intField, type MsgEnv, type MsgHandler, type MsgOutcome } from "./tx-msg-env";
import { unbondingBalance, type ValidatorInfo } from "./validators";

type Coin = { denom: string; amount: string };

function coinAmount(value: Record<string, unknown>): bigint | TxError {
  const coin = value.amount as Coin | undefined;
  if (!coin || coin.denom !== "uallo") return SDK.invalidRequest(`invalid coin denomination: got ${coin?.denom ?? ""}, expected uallo`);
  const amount = intField(coin.amount, "amount");
  if (isTxError(amount)) return amount;
  return amount === 0n ? SDK.invalidRequest("invalid delegation amount") : amount;
}

const findValidator = (env: MsgEnv, operator: unknown) => env.sim.validators.list.find((v) => v.operator === operator);
const sharesOf = (env: MsgEnv, d: string, v: ValidatorInfo) => env.sim.validators.shares.peek(`${d}|${v.operator}`)?.latest() ?? 0n;

/** Pays out the delegation's pending rewards (SDK withdrawDelegationRewards); the caller then moves or resets it. */
function withdraw(env: MsgEnv, d: string, v: ValidatorInfo): TypedEv | null {
  if (sharesOf(env, d, v) === 0n) return null;
  const paid = BigInt(env.sim.validators.pendingReward(d, v, env.h).toFixed(0, Decimal.ROUND_DOWN));
  if (env.write) env.bank.change(d, paid, env.h);
  return plainEv("withdraw_rewards", { amount: `${paid}uallo`, validator: v.operator, delegator: d });
}

const staking = (events: (TypedEv | null)[], spend = 0n): MsgOutcome => ({ module: "staking", events: events.filter((e): e is TypedEv => e !== null), spend });

const delegate: MsgHandler = (value, env, d) => {
  const v = findValidator(env, value.validatorAddress);
  if (!v) return STAKING.noValidatorFound();
  const amount = coinAmount(value);
  if (isTxError(amount)) return amount;
  const short = coverable(env, d, amount);
  if (short) return short;
  const paid = withdraw(env, d, v);
  if (!env.write) return staking([paid, plainEv("delegate", { validator: v.operator, delegator: d, amount: `${amount}uallo`, new_shares: `${amount}.000000000000000000` })], amount);
  env.bank.change(d, -amount, env.h);
  return staking([paid, env.sim.validators.delegateTokens(d, v, amount, env.h)], amount);
};

function unbondable(env: MsgEnv, d: string, v: ValidatorInfo, amount: bigint): TxError | null {
  const shares = sharesOf(env, d, v);
  if (shares === 0n) return STAKING.noDelegation();
  return shares < amount ? SDK.invalidRequest(`${shares}.000000000000000000: not enough delegation shares`) : null;
}

const undelegate: MsgHandler = (value, env, d) => {
  const v = findValidator(env, value.validatorAddress);
  if (!v) return STAKING.noValidatorFound();
  const amount = coinAmount(value);
  if (isTxError(amount)) return amount;
  const refused = unbondable(env, d, v, amount);
  if (refused) return refused;
  const paid = withdraw(env, d, v);
  if (!env.write) return staking([paid, plainEv("unbond", { validator: v.operator, delegator: d, amount: `${amount}uallo`, completion_height: String(env.h + env.sim.options.unbondingBlocks) })]);
  const { event, unbonding } = env.sim.validators.unbond(d, v, amount, env.h);
  env.onUnbonding(unbonding);
  return staking([paid, event]);
};

const redelegate: MsgHandler = (value, env, d) => {
  const src = findValidator(env, value.validatorSrcAddress);
  if (!src) return STAKING.noValidatorFound();
  const dst = findValidator(env, value.validatorDstAddress);
  if (!dst) return SDK.invalidRequest("redelegation destination validator not found");
  if (src === dst) return SDK.invalidRequest("cannot redelegate to the same validator");
  const amount = coinAmount(value);
  if (isTxError(amount)) return amount;
  const refused = unbondable(env, d, src, amount);
  if (refused) return refused;
  const events = [withdraw(env, d, src), withdraw(env, d, dst)];
  if (env.write) {
    env.sim.validators.move(d, src, -amount, env.h);
    env.sim.validators.move(d, dst, amount, env.h);
  }
  // Redelegation entries are not kept (the devnet does not slash), so nothing follows the completion time.
  const completion = isoTime(env.sim.blockTimeMs(env.h) + env.sim.options.unbondingBlocks * BLOCK_SECONDS * 1000);
  return staking([...events, plainEv("redelegate", { source_validator: src.operator, destination_validator: dst.operator, amount: `${amount}uallo`, completion_time: completion })]);
};

const cancelUnbonding: MsgHandler = (value, env, d) => {
  const v = findValidator(env, value.validatorAddress);
  if (!v) return STAKING.noValidatorFound();
  const amount = coinAmount(value);
  if (isTxError(amount)) return amount;
  const creation = Number(value.creationHeight as bigint);
  const u = env.sim.validators.unbondings.find((x) => x.delegator === d && x.validator === v.operator && x.creationHeight === creation && x.completionHeight > env.h && unbondingBalance(x, env.h) > 0n);
  if (!u) return STAKING.noUnbondingDelegation(`unbonding delegation entry is not found at block height ${creation}`);
  if (amount > unbondingBalance(u, env.h)) return SDK.invalidRequest("amount is greater than the unbonding delegation entry balance");
  if (!env.write) return staking([plainEv("cancel_unbonding_delegation", { validator: v.operator, delegator: d, amount: `${amount}uallo`, creation_height: String(creation) })]);
  return staking([env.sim.validators.cancelUnbonding(u, v, amount, env.h)]);
};

const withdrawReward: MsgHandler = (value, env, d) => {
  const v = findValidator(env, value.validatorAddress);
  if (!v) return DISTRIBUTION.noValidatorExists();
  const event = withdraw(env, d, v);
  if (!event) return DISTRIBUTION.emptyDelegationDistInfo();
  if (env.write) env.sim.validators.since.get(`${d}|${v.operator}`).set(env.h, env.h);
  return { module: "distribution", events: [event], spend: 0n };
};

export const stakingHandlers: Record<string, MsgHandler> = {
  "/cosmos.staking.v1beta1.MsgDelegate": delegate,
  "/cosmos.staking.v1beta1.MsgUndelegate": undelegate,
  "/cosmos.staking.v1beta1.MsgBeginRedelegate": redelegate,
  "/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation": cancelUnbonding,
  "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward": withdrawReward,
};
