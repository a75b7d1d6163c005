// Warnings on a reputer's record, so a delegator sees the risk before delegating. Each rule is named in the text
// shown, so the page never claims more than the data says.
import { compareDec, type Dec } from "@/lib/allora/decimal";

export const FALLING_EPOCHS = 3;
/** Pending removals at or above this share of the reputer's stake count as "stake leaving". */
export const LEAVING_PERCENT = 10n;

export type ReputerWarningInput = {
  /** Newest first. */
  recentEmaScores: Dec[];
  totalStake: bigint;
  pendingRemoval: bigint;
  /** Whether the reputer's first indexed stake is younger than the look-back window. */
  youngerThanWindow: boolean;
  windowDays: number;
};

export function reputerWarnings(input: ReputerWarningInput): string[] {
  const out: string[] = [];
  const s = input.recentEmaScores;
  if (s.length > FALLING_EPOCHS && s.slice(0, FALLING_EPOCHS + 1).every((v, i, all) => i === 0 || compareDec(all[i - 1]!, v) < 0)) {
    out.push(`EMA score fell ${FALLING_EPOCHS} epochs in a row`);
  }
  if (input.totalStake > 0n && input.pendingRemoval * 100n >= input.totalStake * LEAVING_PERCENT) {
    out.push(`Stake leaving: pending removals are ${(input.pendingRemoval * 100n) / input.totalStake}% of its stake`);
  }
  if (input.youngerThanWindow) out.push(`New reputer: less than ${input.windowDays} days of history`);
  else if (s.length === 0) out.push("No EMA score indexed yet");
  return out;
}

/** Median of exact decimals (the lower middle for an even count, so it is always a real reputer's score). */
export function medianDec(values: readonly Dec[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort(compareDec);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
