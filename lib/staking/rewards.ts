// Delegator rewards on reputer stake, exact to the uallo. The chain keeps, per (topic, reputer), a cumulative
// reward_per_share; a placement's pending reward is amount × reward_per_share − reward_debt, truncated.
import type { Dec } from "@/lib/allora/decimal";
import { mulScaled, subScaled, toScaled, truncScaled, UALLO_PER_ALLO } from "./amounts";

/** Pending delegator reward in uallo; never negative (the chain pays nothing when the debt exceeds the share). */
export function pendingReward(amount: Dec, rewardPerShare: Dec, rewardDebt: Dec): bigint {
  const reward = truncScaled(subScaled(mulScaled(toScaled(amount), toScaled(rewardPerShare)), toScaled(rewardDebt)));
  return reward > 0n ? reward : 0n;
}

/**
 * Realized reward of 1,000 ALLO delegated over a window, in uallo: the rise of reward_per_share over the window
 * times 1,000 × 10^18 uallo. Null when the window has no starting value (a reputer younger than the window).
 */
export function rewardPer1000Allo(rpsAtStart: Dec | null, rpsAtEnd: Dec | null): bigint | null {
  if (rpsAtStart === null || rpsAtEnd === null) return null;
  const rise = subScaled(toScaled(rpsAtEnd), toScaled(rpsAtStart));
  return truncScaled(mulScaled(rise, { units: 1000n * UALLO_PER_ALLO, scale: 0 }));
}

/**
 * Rewards forgone by exiting `amount` now, over `horizonDays`, if the reputer's realized rate of the last
 * `windowDays` held: amount × (reward per 1,000 ALLO ÷ 1,000 ALLO) × horizon ÷ window. An estimate, labeled so.
 */
export function forgoneReputerRewards(amount: bigint, rewardPer1000: bigint | null, windowDays: number, horizonDays: number): bigint | null {
  if (rewardPer1000 === null || windowDays <= 0) return null;
  return (amount * rewardPer1000 * BigInt(horizonDays)) / (1000n * UALLO_PER_ALLO * BigInt(windowDays));
}

/** The same for a validator unbonding, from an APR fraction: amount × apr × horizon ÷ 365. */
export function forgoneFromApr(amount: bigint, apr: Dec | null, horizonDays: number): bigint | null {
  if (apr === null) return null;
  const rate = toScaled(apr);
  return (amount * rate.units * BigInt(horizonDays)) / (365n * 10n ** BigInt(rate.scale));
}
