// The account page's transaction buttons, one per position and exit, each opening its flow for the page's address.
import type { AccountDto, ReputerDelegationDto, ValidatorDelegationDto } from "@/lib/queries/staking-account";
import type { ExitDto } from "@/lib/queries/staking-exits";
import type { WalletChain } from "@/lib/wallet/chain";
import type { ValidatorOption } from "@/lib/wallet/flow-spec";
import { FlowButton } from "@/components/wallet/flow-button";

export type AccountActions = {
  delegation: (d: ReputerDelegationDto) => React.ReactNode;
  validator: (v: ValidatorDelegationDto) => React.ReactNode;
  exit: (e: ExitDto) => React.ReactNode;
};

export function accountActions(account: AccountDto, chain: WalletChain, validators: ValidatorOption[]): AccountActions {
  const owner = account.address;
  const row = (children: React.ReactNode) => <span className="flex flex-wrap gap-1">{children}</span>;
  return {
    delegation: (d) => {
      const context = `in topic ${d.topicId} from reputer ${d.reputer}`;
      return row(
        <>
          <FlowButton chain={chain} label="Remove" context={context} spec={{ flow: "remove-delegation", topicId: d.topicId, reputer: d.reputer, owner, delegated: d.amount }} />
          <FlowButton chain={chain} label="Claim" context={`rewards ${context}`} spec={{ flow: "claim-rewards", topicId: d.topicId, reputer: d.reputer, owner, pendingReward: d.pendingReward }} />
        </>,
      );
    },
    validator: (v) => {
      const base = { validator: v.operatorAddress, moniker: v.moniker, owner };
      const context = `from ${v.moniker ?? v.operatorAddress}`;
      return row(
        <>
          <FlowButton chain={chain} label="Undelegate" context={context} spec={{ flow: "undelegate", ...base, delegated: v.amount }} />
          <FlowButton chain={chain} label="Redelegate" context={context} spec={{ flow: "redelegate", ...base, delegated: v.amount, validators }} />
          <FlowButton chain={chain} label="Withdraw" context={`rewards ${context}`} spec={{ flow: "withdraw-rewards", ...base, pendingReward: v.pendingReward }} />
        </>,
      );
    },
    exit: (e) => {
      if (!e.cancellable) return null;
      if (e.kind === "delegate_removal" && e.topicId) {
        return <FlowButton chain={chain} label="Cancel removal" context={`in topic ${e.topicId} from ${e.target}`} spec={{ flow: "cancel-removal", topicId: e.topicId, reputer: e.target, owner, amount: e.amount }} />;
      }
      if (e.kind === "unbonding") {
        return <FlowButton chain={chain} label="Cancel unbonding" context={`from ${e.target} started at block ${e.requestedHeight}`} spec={{ flow: "cancel-unbonding", validator: e.target, owner, amount: e.amount, creationHeight: e.requestedHeight }} />;
      }
      return null;
    },
  };
}
