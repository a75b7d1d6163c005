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
