// x/slashing liveness for the devnet: each bonded validator misses a deterministic few blocks (its own rate per
// mille), the commit of the next block shows it absent, and signing info counts the misses in the signed-blocks
// window. The jailed validator was jailed at genesis (counter reset); a validator never bonded has no signing info.
import { bech32 } from "bech32";
import { JAILED_VALIDATOR, type ValidatorInfo } from "./validators";
import { hashSeed } from "./prng";
import type { Simulation } from "./simulation";

/** Devnet choice (the SDK default is 100): about 14 hours of 5-second blocks. */
export const SIGNED_BLOCKS_WINDOW = 10_000;
const MISS_PER_MILLE = [0, 3, 1, 12, 0, 5, 2, 30, 1, 0];

export function missedBlock(sim: Simulation, v: ValidatorInfo, h: number): boolean {
  const rate = v.status === "BOND_STATUS_BONDED" ? (MISS_PER_MILLE[v.index] ?? 0) : 0;
  return rate > 0 && hashSeed(sim.options.seed, "miss", v.index, h) % 1000 < rate;
}

// Running miss counts per validator (index h = misses at heights 1..h), grown on demand.
const counts = new WeakMap<Simulation, Map<number, number[]>>();

function missesUpTo(sim: Simulation, v: ValidatorInfo, h: number): number {
  let perSim = counts.get(sim);
  if (!perSim) counts.set(sim, (perSim = new Map()));
  let c = perSim.get(v.index);
  if (!c) perSim.set(v.index, (c = [0]));
  for (let x = c.length; x <= h; x++) c.push(c[x - 1]! + (missedBlock(sim, v, x) ? 1 : 0));
  return c[Math.max(0, h)]!;
}

/** Signed blocks are voted in the next block's commit, so state at H has seen the votes of heights up to H − 1. */
export function missedBlocksCounter(sim: Simulation, v: ValidatorInfo, h: number): number {
  const last = h - 1;
  const first = Math.max(1, last - SIGNED_BLOCKS_WINDOW + 1);
  return last < first ? 0 : missesUpTo(sim, v, last) - missesUpTo(sim, v, first - 1);
}

export function valconsAddress(v: ValidatorInfo): string {
  return bech32.encode("allovalcons", bech32.toWords(Buffer.from(v.consensusHex, "hex")));
}

export function signingInfoJson(sim: Simulation, v: ValidatorInfo, h: number, isoTime: (ms: number) => string) {
  if (v.status === "BOND_STATUS_UNBONDED") return null;
  const jailed = v.index === JAILED_VALIDATOR;
  return {
    address: valconsAddress(v),
    start_height: "0",
    index_offset: String(Math.max(0, h - 1)),
    jailed_until: jailed ? isoTime(sim.blockTimeMs(1) + 600_000) : "1970-01-01T00:00:00Z",
    tombstoned: false,
    missed_blocks_counter: String(jailed ? 0 : missedBlocksCounter(sim, v, h)),
  };
}
