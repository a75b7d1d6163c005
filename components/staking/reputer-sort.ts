import { compareDec } from "@/lib/allora/decimal";
import type { ReputerRowDto } from "@/lib/queries/staking-reputers";

export const REPUTER_SORTS = { stake: "Total stake", score: "EMA score", reward7: "Reward / 1,000 ALLO (7 d)", reward30: "Reward / 1,000 ALLO (30 d)", delegators: "Delegators" } as const;
export type ReputerSort = keyof typeof REPUTER_SORTS;

export function readReputerSort(value: string | undefined): ReputerSort {
  return value && value in REPUTER_SORTS ? (value as ReputerSort) : "stake";
}

/** Largest first; missing values (no score, too young for the window) sort last, never as 0. */
export function sortReputers(rows: readonly ReputerRowDto[], key: ReputerSort): ReputerRowDto[] {
  const value = (r: ReputerRowDto): string | null => {
    switch (key) {
      case "stake": return r.totalStake;
      case "score": return r.emaScore;
      case "reward7": return r.realized[0]?.rewardPer1000 ?? null;
      case "reward30": return r.realized[1]?.rewardPer1000 ?? null;
      case "delegators": return String(r.delegatorCount);
    }
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.reputer.localeCompare(b.reputer) : x === null ? 1 : -1;
    return compareDec(y, x) || a.reputer.localeCompare(b.reputer);
  });
}
