// From a flow's inputs to the message it signs AND the review a person reads before signing: type URL, every field
// under its tx.proto name, amounts in uallo with exact ALLO beside them. Inputs are checked first (bech32 via
// lib/staking/address); a refusal names the field and the reason, and nothing is built.
import type { EmissionsVersion } from "@/lib/allora/lcd-client";
import { checkAddress } from "@/lib/staking/address";
import { formatAllo18 } from "@/lib/staking/amounts";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { EMISSIONS_MESSAGES, emissionsTypeUrl, type EmissionsMessageName } from "./emissions-codecs";

export type ReviewField = { name: string; value: string; allo?: string };
export type Review = { typeUrl: string; fields: ReviewField[] };
export type Built = { ok: true; message: EncodeObject; review: Review } | { ok: false; field: string; reason: string };

class InputError extends Error {
  constructor(readonly field: string, reason: string) {
    super(reason);
  }
}

const MAX_UINT64 = 2n ** 64n - 1n;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function address(field: string, value: string, kind: "account" | "validator"): string {
  const check = checkAddress(value);
  if (!check.ok) throw new InputError(field, check.reason);
  if (check.kind !== kind) {
    throw new InputError(field, kind === "account" ? "Expected an account address (allo1…), not a validator operator address." : "Expected a validator operator address (allovaloper1…).");
  }
  return check.address;
}

function topic(value: bigint): bigint {
  if (value < 1n || value > MAX_UINT64) throw new InputError("topic_id", "A topic id is a whole number from 1 to 2^64 − 1.");
  return value;
}

function positiveAmount(field: string, value: bigint): string {
  if (value <= 0n) throw new InputError(field, "The amount must be more than 0 ALLO.");
  return value.toString();
}

const alloOf = (uallo: string) => `${formatAllo18(uallo)} ALLO`;

function build(make: () => { message: EncodeObject; fields: ReviewField[] }): Built {
  try {
    const { message, fields } = make();
    return { ok: true, message, review: { typeUrl: message.typeUrl, fields } };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, field: error.field, reason: error.message };
    throw error;
  }
}

export type EmissionsInput = { sender: string; topicId: bigint; reputer?: string; delegator?: string; amount?: bigint };

/** Any emissions staking message, e.g. emissionsMessage("DelegateStake", "v10", { sender, topicId, reputer, amount }). */
export function emissionsMessage(name: EmissionsMessageName, version: EmissionsVersion, input: EmissionsInput): Built {
  return build(() => {
    const value: Record<string, string | bigint> = {};
    const fields: ReviewField[] = [];
    for (const [field] of EMISSIONS_MESSAGES[name]) {
      const raw = input[field as keyof EmissionsInput];
      const label = snake(field);
      if (raw === undefined) throw new InputError(label, `${label} is required for ${name}.`);
      if (field === "topicId") value[field] = topic(raw as bigint);
      else if (field === "amount") value[field] = positiveAmount(label, raw as bigint);
      else value[field] = address(label, raw as string, "account");
      const shown = value[field]!.toString();
      fields.push(field === "amount" ? { name: label, value: shown, allo: alloOf(shown) } : { name: label, value: shown });
    }
    return { message: { typeUrl: emissionsTypeUrl(name, version), value }, fields };
  });
}

const coin = (uallo: string) => ({ denom: "uallo", amount: uallo });
const coinField = (uallo: string): ReviewField => ({ name: "amount", value: `${uallo} uallo`, allo: alloOf(uallo) });

type Delegation = { delegator: string; validator: string; amount: bigint };

function delegation(typeUrl: string, input: Delegation): Built {
  return build(() => {
    const delegatorAddress = address("delegator_address", input.delegator, "account");
    const validatorAddress = address("validator_address", input.validator, "validator");
    const amount = positiveAmount("amount", input.amount);
    return {
      message: { typeUrl, value: { delegatorAddress, validatorAddress, amount: coin(amount) } },
      fields: [{ name: "delegator_address", value: delegatorAddress }, { name: "validator_address", value: validatorAddress }, coinField(amount)],
    };
  });
}

export const delegateMessage = (input: Delegation) => delegation("/cosmos.staking.v1beta1.MsgDelegate", input);
export const undelegateMessage = (input: Delegation) => delegation("/cosmos.staking.v1beta1.MsgUndelegate", input);

export function redelegateMessage(input: { delegator: string; from: string; to: string; amount: bigint }): Built {
  return build(() => {
    const delegatorAddress = address("delegator_address", input.delegator, "account");
    const validatorSrcAddress = address("validator_src_address", input.from, "validator");
    const validatorDstAddress = address("validator_dst_address", input.to, "validator");
    if (validatorSrcAddress === validatorDstAddress) throw new InputError("validator_dst_address", "Redelegating to the same validator changes nothing; choose another validator.");
    const amount = positiveAmount("amount", input.amount);
    return {
      message: { typeUrl: "/cosmos.staking.v1beta1.MsgBeginRedelegate", value: { delegatorAddress, validatorSrcAddress, validatorDstAddress, amount: coin(amount) } },
      fields: [
        { name: "delegator_address", value: delegatorAddress },
        { name: "validator_src_address", value: validatorSrcAddress },
        { name: "validator_dst_address", value: validatorDstAddress },
        coinField(amount),
      ],
    };
  });
}

export function cancelUnbondingMessage(input: Delegation & { creationHeight: bigint }): Built {
  return build(() => {
    const base = delegation("/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation", input);
    if (!base.ok) throw new InputError(base.field, base.reason);
    if (input.creationHeight < 1n) throw new InputError("creation_height", "The unbonding's creation height is a block height of 1 or more.");
    return {
      message: { ...base.message, value: { ...base.message.value, creationHeight: input.creationHeight } },
      fields: [...base.review.fields, { name: "creation_height", value: input.creationHeight.toString() }],
    };
  });
}

export function withdrawRewardsMessage(input: { delegator: string; validator: string }): Built {
  return build(() => {
    const delegatorAddress = address("delegator_address", input.delegator, "account");
    const validatorAddress = address("validator_address", input.validator, "validator");
    return {
      message: { typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward", value: { delegatorAddress, validatorAddress } },
      fields: [{ name: "delegator_address", value: delegatorAddress }, { name: "validator_address", value: validatorAddress }],
    };
  });
}
