// Yearly rates as exact decimal strings (fractions: "0.125" = 12.5 %). Realized rates come from indexed
// rewards; estimated rates from the mint module's emission split. Both name their inputs so the page shows them.
import type { Dec } from "@/lib/allora/decimal";
import { ratioToDec, scaledToDec, subScaled, toScaled } from "./amounts";

export const SECONDS_PER_YEAR = 365n * 86_400n;

/**
 * Realized APR: reward / principal × (seconds in a year / window seconds), simple (not compounded).
 * Null when the principal or the window is zero or unknown.
 */
export function realizedApr(reward: bigint | null, principal: bigint, windowSeconds: bigint, digits = 6): Dec | null {
  if (reward === null || principal <= 0n || windowSeconds <= 0n) return null;
  return ratioToDec(reward * SECONDS_PER_YEAR, principal * windowSeconds, digits);
}

export type EstimatedAprInputs = {
  /** uallo minted per month (mint module emission_per_month). */
  emissionPerMonth: bigint;
  /** The validators' share of the emission, a fraction ("0.25"). */
  validatorsPercent: Dec;
  /** Bonded tokens of all validators, uallo. */
  bondedTokens: bigint;
  /** The validator's commission, a fraction. */
  commissionRate: Dec;
};

export const ESTIMATED_APR_FORMULA = "emission_per_month × 12 × validators_percent ÷ bonded tokens × (1 − commission)";

/** Estimated delegator APR on a validator; null when nothing is bonded. */
export function estimatedValidatorApr(inputs: EstimatedAprInputs, digits = 6): Dec | null {
  if (inputs.bondedTokens <= 0n) return null;
  const share = toScaled(inputs.validatorsPercent);
  const keep = subScaled({ units: 1n, scale: 0 }, toScaled(inputs.commissionRate));
  const numerator = inputs.emissionPerMonth * 12n * share.units * keep.units;
  const denominator = inputs.bondedTokens * 10n ** BigInt(share.scale + keep.scale);
  return ratioToDec(numerator, denominator, digits);
}

/** A fraction as a percentage string with `digits` decimals, exact: "0.1234567" → "12.34". */
export function fractionToPercent(fraction: Dec | null, digits = 2): string | null {
  if (fraction === null) return null;
  const s = toScaled(fraction);
  const units = s.units * 100n;
  const shift = s.scale - digits;
  const truncated = shift >= 0 ? units / 10n ** BigInt(shift) : units * 10n ** BigInt(-shift);
  return scaledToDec({ units: truncated, scale: digits }).replace(/^(-?\d+)$/, "$1");
}

export const REALIZED_VALIDATOR_APR_FORMULA =
  "Σ (rewards − commission) ÷ mean bonded tokens × (365 days ÷ elapsed time), over the indexed blocks of the window";

export type RealizedValidatorAprInputs = {
  /** Σ rewards − Σ commission of the x/distribution events (uallo, a Dec: allocations carry 18 fractional digits). */
  delegatorRewards: Dec;
  /** The validator's mean bonded tokens over the window's state reads (uallo). */
  meanTokens: bigint;
  /** Block time of the window's last block minus that of the block before its first. */
  elapsedMs: bigint;
};

/**
 * Realized delegator APR on a validator, simple (not compounded). The `rewards` event carries the whole allocation,
 * commission included (Cosmos SDK 0.50 AllocateTokensToValidator), so the delegators' part is rewards − commission.
 * Null when there are no tokens or no elapsed time (undefined, never 0).
 */
export function realizedValidatorApr(inputs: RealizedValidatorAprInputs, digits = 6): Dec | null {
  if (inputs.meanTokens <= 0n || inputs.elapsedMs <= 0n) return null;
  const reward = toScaled(inputs.delegatorRewards);
  const yearMs = SECONDS_PER_YEAR * 1000n;
  return ratioToDec(reward.units * yearMs, inputs.meanTokens * 10n ** BigInt(reward.scale) * inputs.elapsedMs, digits);
}
