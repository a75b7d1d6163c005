"use client";
// Loaded by dynamic import when a flow opens: the wallet state (TanStack Query) and the one flow the button names.
import type { FlowSpec } from "@/lib/wallet/flow-spec";
import type { WalletChain } from "@/lib/wallet/chain";
import { WalletRoot } from "@/lib/wallet/hooks";
import { CancelRemovalFlow, ClaimRewardsFlow, DelegateReputerFlow, RemoveDelegationFlow } from "@/components/wallet/reputer-flows";
import { CancelUnbondingFlow, RedelegateFlow, UndelegateFlow, ValidatorDelegateFlow, WithdrawRewardsFlow } from "@/components/wallet/validator-flows";

function Flow({ spec, onClose }: { spec: FlowSpec; onClose: () => void }) {
  switch (spec.flow) {
    case "delegate-reputer": return <DelegateReputerFlow spec={spec} onClose={onClose} />;
    case "remove-delegation": return <RemoveDelegationFlow spec={spec} onClose={onClose} />;
    case "cancel-removal": return <CancelRemovalFlow spec={spec} onClose={onClose} />;
    case "claim-rewards": return <ClaimRewardsFlow spec={spec} onClose={onClose} />;
    case "validator-delegate": return <ValidatorDelegateFlow spec={spec} onClose={onClose} />;
    case "undelegate": return <UndelegateFlow spec={spec} onClose={onClose} />;
    case "redelegate": return <RedelegateFlow spec={spec} onClose={onClose} />;
    case "cancel-unbonding": return <CancelUnbondingFlow spec={spec} onClose={onClose} />;
    case "withdraw-rewards": return <WithdrawRewardsFlow spec={spec} onClose={onClose} />;
  }
}

export function FlowHost({ spec, chain, onClose }: { spec: FlowSpec; chain: WalletChain; onClose: () => void }) {
  return (
    <WalletRoot chain={chain}>
      <Flow spec={spec} onClose={onClose} />
    </WalletRoot>
  );
}
