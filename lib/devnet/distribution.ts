// x/distribution's begin-block allocation (Cosmos SDK 0.50 AllocateTokensToValidator): every bonded validator
// of the previous block's commit gets the block's validator cut by voting power, and two events say so:
// `commission` {amount: the commission part} and `rewards` {amount: the TOTAL allocation, commission included}.
// Amounts are DecCoins ("<int>.<18 digits>uallo"); the arithmetic is the SDK's, on integers scaled by 10^18.
// Deviations (on purpose): no fees, no community tax, voting power = tokens (the SDK divides by a power reduction).
import { plainEv, type TypedEv } from "./chain-types";
import type { Simulation } from "./simulation";
import { VALIDATOR_CUT } from "./treasury";
import type { ValidatorInfo } from "./validators";

const ONE = 10n ** 18n;

/** LegacyDec's chopPrecisionAndRound: drop 18 digits with banker's rounding (half to even). */
function chopRound(x: bigint): bigint {
  const q = x / ONE;
  const r = x % ONE;
  const half = ONE / 2n;
  return r > half || (r === half && q % 2n === 1n) ? q + 1n : q;
}

/** A non-negative value scaled by 10^18 as LegacyDec prints it: always 18 fractional digits. */
export function fmtDec18(units: bigint): string {
  return `${units / ONE}.${(units % ONE).toString().padStart(18, "0")}`;
}

export type Allocation = { validator: ValidatorInfo; rewards: bigint; commission: bigint };

/** The allocation of block h (scaled by 10^18), from the validator set of block h − 1's commit. */
export function allocationsAt(sim: Simulation, h: number): Allocation[] {
  if (h < 2) return [];
  const vals = sim.validators;
  const total = vals.bonded.at(h - 1);
  if (total <= 0n) return [];
  const out: Allocation[] = [];
  for (const v of vals.list) {
    if (v.status !== "BOND_STATUS_BONDED") continue;
    const power = vals.tokens.get(v.operator).at(h - 1);
    if (power <= 0n) continue;
    // powerFraction = QuoTruncate(power, total); reward = feeMultiplier.MulDecTruncate(powerFraction), exact here
    // because the cut is a whole number of uallo.
    const fraction = (power * ONE) / total;
    const rewards = VALIDATOR_CUT * fraction;
    const rate = BigInt(Math.round(vals.commission.get(v.operator).at(h - 1) * 100)) * 10n ** 16n;
    out.push({ validator: v, rewards, commission: chopRound(rewards * rate) });
  }
  return out;
}

export function distributionEvents(sim: Simulation, h: number): TypedEv[] {
  return allocationsAt(sim, h).flatMap((a) => [
    plainEv("commission", { amount: `${fmtDec18(a.commission)}uallo`, validator: a.validator.operator }),
    plainEv("rewards", { amount: `${fmtDec18(a.rewards)}uallo`, validator: a.validator.operator }),
  ]);
}
