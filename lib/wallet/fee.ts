// Transaction fee and the "max" an amount box may offer, in exact uallo. Gas adjustment and gas price are decimal
// strings read as exact rationals (lib/staking/amounts), so 1.4 × gas is never a float product.
import { ceilScaled, formatAllo18, mulScaled, toScaled, type Scaled } from "@/lib/staking/amounts";

/** Gas prices in uallo per gas, from the chain registry. The fixed minimum is what the chain refuses to go below. */
export const GAS_PRICES = {
  "allora-mainnet-1": { minimum: "250000000", low: "500000000", average: "1000000000", high: "1500000000" },
  "allora-testnet-1": { minimum: "10", low: "10", average: "10", high: "12" },
} as const;

export type KnownChainId = keyof typeof GAS_PRICES;

/** Simulation under-estimates slightly (signature verification is not simulated); 1.4 is the usual margin. */
export const DEFAULT_GAS_ADJUSTMENT = "1.4";

export type Fee = { gasLimit: bigint; gasPrice: string; uallo: bigint };

function positiveDecimal(value: string, what: string): Scaled {
  const scaled = toScaled(value);
  if (scaled.units <= 0n) throw new RangeError(`${what} must be positive, got ${value}`);
  return scaled;
}

/** gas limit = ceil(gas used × adjustment); fee = ceil(gas limit × gas price), as the chain's fee check rounds up. */
export function computeFee(gasUsed: bigint, gasPrice: string, gasAdjustment: string = DEFAULT_GAS_ADJUSTMENT): Fee {
  if (gasUsed <= 0n) throw new RangeError(`simulated gas used must be positive, got ${gasUsed}`);
  const adjustment = positiveDecimal(gasAdjustment, "gas adjustment");
  const price = positiveDecimal(gasPrice, "gas price");
  const gasLimit = ceilScaled(mulScaled({ units: gasUsed, scale: 0 }, adjustment));
  const uallo = ceilScaled(mulScaled({ units: gasLimit, scale: 0 }, price));
  return { gasLimit, gasPrice, uallo };
}

/** The fee at the chain's minimum gas price. */
export function minimumFee(chainId: KnownChainId, gasUsed: bigint, gasAdjustment?: string): Fee {
  return computeFee(gasUsed, GAS_PRICES[chainId].minimum, gasAdjustment);
}

export type MaxAmount = { ok: true; uallo: bigint } | { ok: false; uallo: 0n; reason: string };

/** What "max" fills in when the amount and the fee come from the same balance: balance − fee, never below zero. */
export function maxAfterFee(balance: bigint, fee: bigint): MaxAmount {
  if (balance < 0n || fee < 0n) throw new RangeError("balance and fee cannot be negative");
  if (balance > fee) return { ok: true, uallo: balance - fee };
  const short = fee - balance;
  const reason =
    short === 0n
      ? `The balance (${formatAllo18(balance)} ALLO) only covers the fee; nothing is left to send.`
      : `The balance (${formatAllo18(balance)} ALLO) cannot pay the fee (${formatAllo18(fee)} ALLO); ${formatAllo18(short)} ALLO more is needed.`;
  return { ok: false, uallo: 0n, reason };
}
