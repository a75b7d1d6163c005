"use client";
// The validator staking flows (x/staking, x/distribution): delegate, undelegate, redelegate, cancel an unbonding,
// withdraw rewards. One component each.
import { useState } from "react";
import type { FlowSpec } from "@/lib/wallet/flow-spec";
import { cancelUnbondingMessage, delegateMessage, redelegateMessage, undelegateMessage, withdrawRewardsMessage } from "@/lib/wallet/messages";
import { fetchUnbondingSeconds } from "@/lib/wallet/lcd";
import type { TxContext } from "@/lib/wallet/tx";
import { formatAllo18 } from "@/lib/staking/amounts";
import { formatDuration } from "@/components/format";
import { FieldLabel, fieldClass } from "@/components/ui/form-field";
import { TxFlow } from "@/components/wallet/tx-flow";

type Props<K extends FlowSpec["flow"]> = { spec: Extract<FlowSpec, { flow: K }>; onClose: () => void };

const allo = (uallo: bigint | string | null) => `${formatAllo18(uallo ?? 0n)} ALLO`;
const name = (moniker: string | null, operator: string) => moniker ?? operator;

export function ValidatorDelegateFlow({ spec, onClose }: Props<"validator-delegate">) {
  return (
    <TxFlow
      title={`Delegate to ${name(spec.moniker, spec.validator)}`}
      description={<span className="font-mono break-all">{spec.validator}</span>}
      amount={{ label: "Amount (ALLO)", source: "balance" }}
      build={(delegator, amount) => delegateMessage({ delegator, validator: spec.validator, amount: amount ?? 0n })}
      system="validator"
      summary={(amount) => `Delegated ${allo(amount)} to validator ${name(spec.moniker, spec.validator)}`}
      onClose={onClose}
    />
  );
}

async function unbondingEnd(ctx: TxContext) {
  const seconds = await fetchUnbondingSeconds(ctx.lcdUrl);
  const value = seconds === null ? "set by the chain at inclusion (its unbonding time could not be read)" : `${formatDuration(Number(seconds))} after inclusion (the chain's unbonding time, ${seconds} s)`;
  return [{ name: "unbonding_completes", value }];
}

export function UndelegateFlow({ spec, onClose }: Props<"undelegate">) {
  return (
    <TxFlow
      title={`Undelegate from ${name(spec.moniker, spec.validator)}`}
      description={<>Delegated {allo(spec.delegated)}. Unbonding stake earns nothing and can be cancelled until it completes.</>}
      owner={spec.owner}
      amount={{ label: "Amount to undelegate (ALLO)", source: "position", uallo: spec.delegated }}
      build={(delegator, amount) => undelegateMessage({ delegator, validator: spec.validator, amount: amount ?? 0n })}
      reviewExtras={unbondingEnd}
      system="validator"
      summary={(amount) => `Undelegated ${allo(amount)} from ${name(spec.moniker, spec.validator)}`}
      onClose={onClose}
    />
  );
}

export function RedelegateFlow({ spec, onClose }: Props<"redelegate">) {
  const others = spec.validators.filter((v) => v.operatorAddress !== spec.validator);
  const [to, setTo] = useState(others[0]?.operatorAddress ?? "");
  return (
    <TxFlow
      title={`Redelegate from ${name(spec.moniker, spec.validator)}`}
      description={
        <FieldLabel label="To validator">
          <select className={fieldClass} value={to} onChange={(e) => setTo(e.target.value)}>
            {others.map((v) => <option key={v.operatorAddress} value={v.operatorAddress}>{name(v.moniker, v.operatorAddress)}</option>)}
          </select>
        </FieldLabel>
      }
      owner={spec.owner}
      amount={{ label: "Amount to redelegate (ALLO)", source: "position", uallo: spec.delegated }}
      build={(delegator, amount) => redelegateMessage({ delegator, from: spec.validator, to, amount: amount ?? 0n })}
      system="validator"
      summary={(amount) => `Redelegated ${allo(amount)} from ${name(spec.moniker, spec.validator)}`}
      onClose={onClose}
    />
  );
}

export function CancelUnbondingFlow({ spec, onClose }: Props<"cancel-unbonding">) {
  return (
    <TxFlow
      title="Cancel the unbonding"
      description={<>Unbonding {allo(spec.amount)} from <span className="font-mono break-all">{spec.validator}</span>, started at block {spec.creationHeight}; the amount returns to the delegation.</>}
      owner={spec.owner}
      amount={{ label: "Amount to keep delegated (ALLO)", source: "position", uallo: spec.amount }}
      build={(delegator, amount) => cancelUnbondingMessage({ delegator, validator: spec.validator, amount: amount ?? 0n, creationHeight: BigInt(spec.creationHeight) })}
      system="validator"
      summary={(amount) => `Cancelled the unbonding of ${allo(amount)} from ${spec.validator}`}
      onClose={onClose}
    />
  );
}

export function WithdrawRewardsFlow({ spec, onClose }: Props<"withdraw-rewards">) {
  return (
    <TxFlow
      title={`Withdraw rewards from ${name(spec.moniker, spec.validator)}`}
      description={<>Pending as indexed: {spec.pendingReward === null ? "—" : allo(spec.pendingReward)} (the chain pays what is pending at inclusion).</>}
      owner={spec.owner}
      build={(delegator) => withdrawRewardsMessage({ delegator, validator: spec.validator })}
      system="validator"
      summary={() => `Withdrew validator rewards from ${name(spec.moniker, spec.validator)}`}
      onClose={onClose}
    />
  );
}
