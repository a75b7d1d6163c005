// The cosmjs Registry a flow signs with: the SDK's own types (MsgDelegate, MsgUndelegate, MsgBeginRedelegate,
// MsgCancelUnbondingDelegation, MsgWithdrawDelegatorReward, ...) plus the emissions codecs of the chain's version.
// Only the chain's detected version is registered, since the chain itself accepts only that one.
import type { EmissionsVersion } from "@/lib/allora/lcd-client";
import { Registry } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import { emissionsRegistryTypes } from "./emissions-codecs";

export function walletRegistry(version: EmissionsVersion): Registry {
  return new Registry([...defaultRegistryTypes, ...emissionsRegistryTypes(version)]);
}
