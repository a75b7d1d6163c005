// The participants of a topic. Inferer skill depends on the market regime (some shine in calm
// markets and fall apart when volatility spikes, others the reverse), which is what forecasters
// try to anticipate and what the regret-weighted network has to track.
import type { TopicSpec } from "./config";
import { accountAddress } from "./ids";
import { rngFor } from "./prng";

export type Archetype = "calm-specialist" | "volatile-specialist" | "steady" | "noisy";

export interface InfererProfile {
  address: string;
  archetype: Archetype;
  /** Error size in units of the target's unpredictable scale, per regime [calm, volatile]. */
  skill: [number, number];
  bias: number;
  participation: number;
  joinedAt: number;
}

export interface ForecasterProfile {
  address: string;
  /** Context-aware forecasters know the current regime; the others use regime-blind averages. */
  contextAware: boolean;
  noise: number;
  participation: number;
  joinedAt: number;
}

export interface ReputerProfile {
  address: string;
  sloppiness: number;
  initialStakeAllo: number;
  joinedAt: number;
}

export interface DelegatorProfile {
  address: string;
  /** Indices into the reputer list this delegator backs. */
  targets: number[];
  initialAllo: number;
  firstDelegationAt: number;
}

export interface TopicActors {
  creator: string;
  inferers: InfererProfile[];
  forecasters: ForecasterProfile[];
  reputers: ReputerProfile[];
  delegators: DelegatorProfile[];
}

const ARCHETYPES: readonly Archetype[] = ["calm-specialist", "volatile-specialist", "steady", "noisy", "calm-specialist", "volatile-specialist", "steady"];

function skillFor(archetype: Archetype, r: () => number): [number, number] {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  switch (archetype) {
    case "calm-specialist":
      return [between(0.3, 0.5), between(1.5, 2.3)];
    case "volatile-specialist":
      return [between(1.2, 1.7), between(0.4, 0.65)];
    case "steady":
      return [between(0.75, 1.0), between(0.8, 1.05)];
    case "noisy":
      return [between(1.7, 2.6), between(1.8, 2.8)];
  }
}

const byAddress = <T extends { address: string }>(a: T, b: T) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/** Deterministic actors for a topic; lists are sorted by address, as the chain returns them. */
export function buildActors(seed: number, spec: TopicSpec): TopicActors {
  const rng = rngFor(seed, "actors", spec.id);
  const r = () => rng.next();
  const start = spec.createdAt + 3;
  const late = spec.createdAt + 2 * 17280;
  const inferers: InfererProfile[] = [];
  for (let i = 0; i < spec.inferers; i++) {
    const archetype = ARCHETYPES[i % ARCHETYPES.length]!;
    inferers.push({
      address: accountAddress(seed, spec.id, "inferer", i),
      archetype,
      skill: skillFor(archetype, r),
      bias: 0.12 * rng.normal(),
      participation: rng.range(0.9, 0.99),
      joinedAt: i >= spec.inferers - 2 ? late + i * 37 : start + (i % 5),
    });
  }
  const forecasters: ForecasterProfile[] = [];
  for (let k = 0; k < spec.forecasters; k++) {
    forecasters.push({
      address: accountAddress(seed, spec.id, "forecaster", k),
      contextAware: k % 3 !== 2,
      noise: rng.range(0.05, 0.2),
      participation: rng.range(0.92, 0.99),
      joinedAt: k === spec.forecasters - 1 && k > 1 ? late + 500 : start + (k % 4),
    });
  }
  const reputers: ReputerProfile[] = [];
  for (let j = 0; j < spec.reputers; j++) {
    reputers.push({
      address: accountAddress(seed, spec.id, "reputer", j),
      sloppiness: j === 0 ? 0.2 : rng.range(0.01, 0.08),
      initialStakeAllo: Math.round(rng.range(20000, 180000)),
      joinedAt: spec.createdAt + 1,
    });
  }
  reputers.sort(byAddress);
  const delegators: DelegatorProfile[] = [];
  for (let d = 0; d < spec.delegators; d++) {
    const first = rng.int(spec.reputers);
    const targets = rng.chance(0.35) ? [first, (first + 1 + rng.int(spec.reputers - 1)) % spec.reputers] : [first];
    delegators.push({
      // A few delegators are shared across topics (same seed labels), as real wallets are.
      address: accountAddress(seed, d < 3 ? "shared" : spec.id, "delegator", d),
      targets,
      initialAllo: Math.round(rng.range(500, 40000)),
      firstDelegationAt: spec.createdAt + 20 + rng.int(3 * 17280),
    });
  }
  inferers.sort(byAddress);
  forecasters.sort(byAddress);
  return { creator: accountAddress(seed, "topic-creator"), inferers, forecasters, reputers, delegators };
}
