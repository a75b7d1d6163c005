import "server-only";
// The validators a redelegation may go to (operator address and moniker, bonded ones first), and the height of the
// collector's last read of the validators, which the validator positions are as of.
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { isBonded } from "@/lib/staking/validator-status";
import type { ValidatorOption } from "@/lib/wallet/flow-spec";

export async function listValidatorOptions(): Promise<ValidatorOption[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const rows = await prisma.validator.findMany({ where: { networkId, jailed: false }, select: { operatorAddress: true, moniker: true, status: true }, orderBy: [{ tokens: "desc" }, { operatorAddress: "asc" }] });
  const bonded = (s: string) => (isBonded(s) ? 0 : 1);
  return [...rows].sort((a, b) => bonded(a.status) - bonded(b.status)).map((r) => ({ operatorAddress: r.operatorAddress, moniker: r.moniker || null }));
}

/** The height of the last validator state read (validator positions change only with it); null before any. */
export async function getValidatorStateHeight(): Promise<string | null> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return null;
  const { prisma } = await getDb();
  const latest = await prisma.validator.aggregate({ where: { networkId }, _max: { updatedHeight: true } });
  return latest._max.updatedHeight?.toString() ?? null;
}
