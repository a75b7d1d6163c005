// createSimulation: the pure, deterministic devnet. Everything advances in height order up to the
// requested tip; block contents and REST answers are derived on demand from what was recorded.
import { buildActors } from "./actors";
import { BLOCK_SECONDS, resolveOptions, topicsFor, type ResolvedOptions, type SimulationOptions, type TopicSpec } from "./config";
import { Ledger, type TopicRuntime } from "./ledger";
import { demoAccount } from "./ledger-intents";
import { Market } from "./market";
import { TopicEngine, type EpochRec } from "./topic-engine";
import { topicJson } from "./topic-json";
import { Treasury } from "./treasury";
import { Validators } from "./validators";
import { TEST_ACCOUNTS } from "./test-accounts";
import { WalletChain } from "./wallet-chain";

export interface Simulation {
  readonly options: ResolvedOptions;
  readonly market: Market;
  readonly engines: TopicEngine[];
  readonly ledger: Ledger;
  readonly treasury: Treasury;
  readonly validators: Validators;
  /** Signed wallet txs, the test accounts' balances and sequences. */
  readonly wallet: WalletChain;
  /** Latest committed height. */
  height(): number;
  advanceTo(height: number): void;
  blockTimeMs(height: number): number;
  engine(topicId: number): TopicEngine | undefined;
  topicCreated(topicId: number, h: number): boolean;
  topicActive(topicId: number, h: number): boolean;
  /** Latest epoch whose worker window closed at or before h. */
  latestClosed(topicId: number, h: number): EpochRec | undefined;
  /** Latest epoch settled (losses known) at or before h. */
  latestSettled(topicId: number, h: number): EpochRec | undefined;
  topicJsonAt(spec: TopicSpec, h: number): Record<string, unknown>;
}

const MAX_HORIZON = 8 * 720 + 64;

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const opts = resolveOptions(options);
  const market = new Market(opts.seed);
  const runtimes: TopicRuntime[] = topicsFor(opts.emissionsVersion).map((spec) => ({ spec, actors: buildActors(opts.seed, spec) }));
  const engines = runtimes.map((rt) => new TopicEngine(opts.seed, rt.spec, rt.actors, market));
  const creatorOf = new Map(runtimes.map((rt) => [rt.spec.id, rt.actors.creator]));
  const demo = { account: demoAccount(opts.seed), historyBlocks: opts.historyBlocks };
  const ledger = new Ledger(opts.seed, opts.emissionsVersion, runtimes, (spec) => topicJson(spec, opts.emissionsVersion, creatorOf.get(spec.id) ?? "", 0), demo);
  const treasury = new Treasury();
  const shared = new Set<string>();
  for (const rt of runtimes) for (const d of rt.actors.delegators) shared.add(d.address);
  const validators = new Validators(opts.seed, [...shared].slice(0, 6), { unbondingBlocks: opts.unbondingBlocks, slotBlocks: opts.stakingSlotBlocks }, demo);
  validators.fixedDelegators.push(...TEST_ACCOUNTS.map((a) => a.address));
  const wallet = new WalletChain(() => sim);
  ledger.onRemovalPaid = (owner, amount, h) => {
    if (wallet.bank.has(owner)) wallet.bank.change(owner, amount, h);
  };
  let tip = 0;

  const reweight = (h: number) => {
    const weights = new Map<number, number>();
    for (const e of engines) {
      if (!ledger.activeSince.has(e.spec.id)) continue;
      const stake = Number(ledger.topicStake.get(String(e.spec.id)).latest() / 10n ** 18n);
      weights.set(e.spec.id, Math.sqrt(Math.max(stake, 0)) * Math.sqrt(e.spec.feeRevenueAllo));
    }
    treasury.reweight(h, weights);
  };

  const ctx = {
    reputerStake: (t: number, r: string, h: number) => ledger.reputerStake(t, r, h),
    takeReward: (t: number, h: number) => treasury.take(t, h),
    payReputer: (t: number, r: string, amount: bigint, h: number) => ledger.applyReputerReward(t, r, amount, h),
  };

  const sim: Simulation = {
    options: opts,
    market,
    engines,
    ledger,
    treasury,
    validators,
    wallet,
    height: () => tip,
    advanceTo(target: number) {
      if (target <= tip) return;
      market.ensure(target + MAX_HORIZON);
      for (let h = tip + 1; h <= target; h++) {
        const activeBefore = ledger.activeSince.size;
        ledger.processHeight(h);
        validators.processHeight(h);
        wallet.processHeight(h);
        let settled = false;
        for (const e of engines) {
          if (!ledger.activeSince.has(e.spec.id)) continue;
          e.processHeight(h, ctx);
          if (e.indexAtNonce(h - e.spec.groundTruthLag - e.spec.workerSubmissionWindow) >= 0) settled = true;
        }
        if (settled || ledger.activeSince.size !== activeBefore) reweight(h);
      }
      tip = target;
    },
    blockTimeMs: (h: number) => opts.genesisMs + (h - 1) * BLOCK_SECONDS * 1000,
    engine: (id: number) => engines.find((e) => e.spec.id === id),
    topicCreated: (id: number, h: number) => (ledger.createdAt.get(id) ?? Infinity) <= h,
    topicActive: (id: number, h: number) => (ledger.activeSince.get(id) ?? Infinity) <= h,
    latestClosed(id: number, h: number) {
      const e = sim.engine(id);
      if (!e) return undefined;
      let idx = Math.floor((h - e.spec.workerSubmissionWindow - e.firstNonce) / e.spec.epochLength);
      for (; idx >= 0; idx--) {
        const rec = e.epochs[idx];
        if (rec?.closed) return rec;
      }
      return undefined;
    },
    latestSettled(id: number, h: number) {
      const e = sim.engine(id);
      if (!e) return undefined;
      let idx = Math.floor((h - e.spec.groundTruthLag - e.spec.workerSubmissionWindow - e.firstNonce) / e.spec.epochLength);
      for (; idx >= 0; idx--) {
        const rec = e.epochs[idx];
        if (rec?.ev) return rec;
      }
      return undefined;
    },
    topicJsonAt(spec: TopicSpec, h: number) {
      const e = sim.engine(spec.id);
      let last = 0;
      if (e && h >= e.firstNonce) last = e.firstNonce + Math.floor((h - e.firstNonce) / spec.epochLength) * spec.epochLength;
      return topicJson(spec, opts.emissionsVersion, creatorOf.get(spec.id) ?? "", last);
    },
  };
  sim.advanceTo(opts.historyBlocks);
  return sim;
}
