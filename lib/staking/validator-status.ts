// A validator's bond status as stored: the collector writes "bonded" | "unbonding" | "unbonded" (the chain's
// BOND_STATUS_* enum names, which hand-made batches may carry, mean the same).
export type BondStatus = "bonded" | "unbonding" | "unbonded" | "unspecified";

export function bondStatus(status: string): BondStatus {
  const s = status.replace(/^BOND_STATUS_/, "").toLowerCase();
  return s === "bonded" || s === "unbonding" || s === "unbonded" ? s : "unspecified";
}

export const isBonded = (status: string) => bondStatus(status) === "bonded";

export const BOND_STATUS_LABEL: Record<BondStatus, string> = { bonded: "Bonded", unbonding: "Unbonding", unbonded: "Unbonded", unspecified: "Unspecified" };

/** The SQL condition for a bonded validator, for queries that sum over them. */
export const BONDED_STATUSES = ["bonded", "BOND_STATUS_BONDED"];
