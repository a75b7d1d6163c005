"use client";
// The reputer-delegation flows (emissions module, the chain's detected version): delegate to a reputer on a topic,
// request removal of delegated stake, cancel that removal, claim delegator rewards. One component each.
import type { FlowSpec } from "@/lib/wallet/flow-spec";
import { useChain } from "@/lib/wallet/hooks";
import { emissionsMessage } from "@/lib/wallet/messages";
import { fetchLatestHeight, fetchRemovalDelay } from "@/lib/wallet/lcd";
import type { Included, TxContext } from "@/lib/wallet/tx";
import { formatAllo18 } from "@/lib/staking/amounts";
import { TxFlow } from "@/components/wallet/tx-flow";

type Props<K extends FlowSpec["flow"]> = { spec: Extract<FlowSpec, { flow: K }>; onClose: () => void };

const allo = (uallo: bigint | null) => `${formatAllo18(uallo ?? 0n)} ALLO`;

function useVersion() {
  const chain = useChain();
  return chain.emissionsVersion ?? "v10";
}

export function DelegateReputerFlow({ spec, onClose }: Props<"delegate-reputer">) {
  const version = useVersion();
  return (
    <TxFlow
      title={`Delegate to a reputer in topic ${spec.topicId}`}
      description={<>Reputer <span className="font-mono break-all">{spec.reputer}</span></>}
      amount={{ label: "Amount (ALLO)", source: "balance" }}
      build={(sender, amount) => emissionsMessage("DelegateStake", version, { sender, topicId: BigInt(spec.topicId), reputer: spec.reputer, amount: amount ?? 0n })}
      system="reputer"
      summary={(amount) => `Delegated ${allo(amount)} to reputer ${spec.reputer} in topic ${spec.topicId}`}
      onClose={onClose}
    />
  );
}

async function removalUnlock(ctx: TxContext, rpcUrl: string) {
  const [head, delay] = await Promise.all([fetchLatestHeight(ctx.lcdUrl, rpcUrl), fetchRemovalDelay(ctx.lcdUrl, ctx.version)]);
  const value = head !== null && delay !== null ? `about ${head + 1n + delay} (the inclusion block + ${delay} blocks, set by the chain)` : "set by the chain at inclusion (the removal delay could not be read)";
  return [{ name: "unlock_height", value }];
}

export function RemoveDelegationFlow({ spec, onClose }: Props<"remove-delegation">) {
  const version = useVersion();
  const chain = useChain();
  return (
    <TxFlow
      title={`Request removal of delegated stake in topic ${spec.topicId}`}
      description={<>From reputer <span className="font-mono break-all">{spec.reputer}</span>; delegated {allo(BigInt(spec.delegated))}. The stake unlocks after the chain&apos;s removal delay and can be cancelled until then.</>}
      owner={spec.owner}
      amount={{ label: "Amount to remove (ALLO)", source: "position", uallo: spec.delegated }}
      build={(sender, amount) => emissionsMessage("RemoveDelegateStake", version, { sender, reputer: spec.reputer, topicId: BigInt(spec.topicId), amount: amount ?? 0n })}
      reviewExtras={(ctx) => removalUnlock(ctx, chain.rpcUrl)}
      system="reputer"
      summary={(amount) => `Requested removal of ${allo(amount)} delegated to ${spec.reputer} in topic ${spec.topicId}`}
      after={(included: Included) => <RemovalNote included={included} />}
      onClose={onClose}
    />
  );
}

function RemovalNote({ included }: { included: Included }) {
  return <p className="text-sm">The exit centre shows the removal with its unlock height once the index reaches block {included.height.toString()}.</p>;
}

export function CancelRemovalFlow({ spec, onClose }: Props<"cancel-removal">) {
  const version = useVersion();
  return (
    <TxFlow
      title={`Cancel the delegate-stake removal in topic ${spec.topicId}`}
      description={<>{allo(BigInt(spec.amount))} from reputer <span className="font-mono break-all">{spec.reputer}</span> stays delegated.</>}
      owner={spec.owner}
      build={(sender) => emissionsMessage("CancelRemoveDelegateStake", version, { sender, topicId: BigInt(spec.topicId), delegator: spec.owner, reputer: spec.reputer })}
      system="reputer"
      summary={() => `Cancelled the removal of ${allo(BigInt(spec.amount))} from ${spec.reputer} in topic ${spec.topicId}`}
      onClose={onClose}
    />
  );
}

export function ClaimRewardsFlow({ spec, onClose }: Props<"claim-rewards">) {
  const version = useVersion();
  return (
    <TxFlow
      title={`Claim delegator rewards in topic ${spec.topicId}`}
      description={<>From reputer <span className="font-mono break-all">{spec.reputer}</span>; pending as indexed: {spec.pendingReward === null ? "—" : allo(BigInt(spec.pendingReward))} (the chain pays what is pending at inclusion).</>}
      owner={spec.owner}
      build={(sender) => emissionsMessage("RewardDelegateStake", version, { sender, topicId: BigInt(spec.topicId), reputer: spec.reputer })}
      system="reputer"
      summary={() => `Claimed delegator rewards from ${spec.reputer} in topic ${spec.topicId}`}
      onClose={onClose}
    />
  );
}
