// REST state of x/distribution and x/slashing read with each full state read: the pending validator rewards of the
// delegators the read listed, and each validator's signing info (missed blocks in the signed-blocks window).
import { consensusAddress } from "@/lib/allora/consensus-address";
import type { LcdClient } from "@/lib/allora/lcd-client";
import type { BatchBuilder } from "./batch-builder";
import { inGroups } from "./in-groups";

const s = (v: bigint | number) => String(v);

/** One request per delegator: the chain has no query for all delegators' rewards at once. */
export async function addPendingRewards(b: BatchBuilder, lcd: LcdClient, delegators: readonly string[], height: bigint): Promise<void> {
  await inGroups(delegators, 8, async (delegator) => {
    for (const r of await lcd.getDelegatorRewards(delegator, { height }))
      b.add("validator_pending_rewards", { delegator, operator_address: r.validatorAddress, amount: r.uallo, updated_height: s(height) });
  });
}

export async function addSigningInfos(b: BatchBuilder, lcd: LcdClient, height: bigint): Promise<void> {
  const [validators, infos, params] = await Promise.all([
    lcd.listValidators({}, { height }),
    lcd.listSigningInfos({ height }),
    lcd.getSlashingParams({ height }),
  ]);
  const byAddress = new Map(infos.map((i) => [i.address, i]));
  for (const v of validators) {
    const cons = v.consensusPubkey ? consensusAddress(v.consensusPubkey) : null;
    const info = cons ? byAddress.get(cons) : undefined;
    // A validator without signing info (never bonded, or an unmapped key type) gets no row: its uptime is missing.
    if (!cons || !info) continue;
    b.add("validator_signing_infos", {
      operator_address: v.operatorAddress, consensus_address: cons, start_height: s(info.startHeight),
      missed_blocks_counter: s(info.missedBlocksCounter), signed_blocks_window: s(params.signedBlocksWindow),
      jailed_until: info.jailedUntil ? new Date(info.jailedUntil).toISOString() : null, tombstoned: info.tombstoned, updated_height: s(height),
    });
  }
}
