// Devnet options, chain constants and the topic catalogue (modelled on the mainnet list).

export type EmissionsVersion = "v9" | "v10";
export type Asset = "BTC" | "ETH" | "SOL";
export type TargetKind = "log-return" | "price" | "volatility";
export type LossMethod = "mse" | "czar" | "ztae";

export interface SimulationOptions {
  seed?: number;
  /** Simulated days of history produced before the chain goes live (17280 blocks a day). */
  days?: number;
  /** Alternative to days: an exact number of history blocks. */
  historyBlocks?: number;
  emissionsVersion?: EmissionsVersion;
  /** ISO time of block 1. */
  genesisTime?: string;
  /** Blocks from an undelegation to its completion; default the chain's 21 days. Tests shorten it to see completions. */
  unbondingBlocks?: number;
  /** Period of the validator delegation/undelegation draws; default SLOT_BLOCKS (half a day). Tests shorten it. */
  stakingSlotBlocks?: number;
}

export interface ResolvedOptions {
  seed: number;
  historyBlocks: number;
  emissionsVersion: EmissionsVersion;
  genesisTime: string;
  genesisMs: number;
  unbondingBlocks: number;
  stakingSlotBlocks: number;
}

export const CHAIN_ID = "allora-devnet-1";
export const BLOCK_SECONDS = 5;
export const BLOCKS_PER_DAY = 17280;
export const DEFAULT_GENESIS = "2026-11-01T00:00:00Z";

export function resolveOptions(options: SimulationOptions = {}): ResolvedOptions {
  const genesisTime = options.genesisTime ?? DEFAULT_GENESIS;
  const genesisMs = Date.parse(genesisTime);
  if (Number.isNaN(genesisMs)) throw new Error(`invalid genesisTime ${genesisTime}`);
  const days = options.days ?? 7;
  const historyBlocks = Math.max(1, Math.floor(options.historyBlocks ?? days * BLOCKS_PER_DAY));
  const emissionsVersion = options.emissionsVersion ?? "v10";
  if (emissionsVersion !== "v9" && emissionsVersion !== "v10") throw new Error(`unknown emissions version ${String(emissionsVersion)}`);
  const whole = (name: string, value: number | undefined, fallback: number) => {
    const n = value ?? fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${String(value)}`);
    return n;
  };
  return {
    seed: (options.seed ?? 42) >>> 0, historyBlocks, emissionsVersion, genesisTime, genesisMs,
    unbondingBlocks: whole("unbondingBlocks", options.unbondingBlocks, CHAIN_PARAMS.unbondingSeconds / BLOCK_SECONDS),
    stakingSlotBlocks: whole("stakingSlotBlocks", options.stakingSlotBlocks, BLOCKS_PER_DAY / 2),
  };
}

export interface LabelSpec {
  name: string;
  horizonBlocks: number;
}

export interface TopicSpec {
  id: number;
  metadata: string;
  asset: Asset;
  target: TargetKind;
  labels: LabelSpec[];
  lossMethod: LossMethod;
  epochLength: number;
  groundTruthLag: number;
  workerSubmissionWindow: number;
  /** Height of the CreateNewTopic tx. */
  createdAt: number;
  inferers: number;
  forecasters: number;
  reputers: number;
  delegators: number;
  /** Fee revenue weight used for topic reward shares (ALLO). */
  feeRevenueAllo: number;
  /** Only modelled in v10 (multi-label topics do not exist in v9). */
  v10Only: boolean;
}

const H8 = 8 * 720;

/** Ordered by creation height; ids are assigned in that order per emissions version, like the chain's sequence. */
export const TOPIC_CATALOGUE: readonly Omit<TopicSpec, "id">[] = [
  { metadata: "BTC/USD - Log Returns - 8h", asset: "BTC", target: "log-return", labels: [{ name: "y", horizonBlocks: H8 }], lossMethod: "czar", epochLength: 75, groundTruthLag: H8, workerSubmissionWindow: 12, createdAt: 2, inferers: 14, forecasters: 5, reputers: 6, delegators: 9, feeRevenueAllo: 5200, v10Only: false },
  { metadata: "ETH/USD - Log Returns - 8h", asset: "ETH", target: "log-return", labels: [{ name: "y", horizonBlocks: H8 }], lossMethod: "czar", epochLength: 75, groundTruthLag: H8, workerSubmissionWindow: 12, createdAt: 3, inferers: 12, forecasters: 4, reputers: 5, delegators: 7, feeRevenueAllo: 3900, v10Only: false },
  { metadata: "ETH/USD - Price Prediction - 8h", asset: "ETH", target: "price", labels: [{ name: "y", horizonBlocks: H8 }], lossMethod: "mse", epochLength: 60, groundTruthLag: H8, workerSubmissionWindow: 10, createdAt: 4, inferers: 16, forecasters: 5, reputers: 6, delegators: 8, feeRevenueAllo: 3100, v10Only: false },
  { metadata: "BTC/USD - Volatility - 15m", asset: "BTC", target: "volatility", labels: [{ name: "y", horizonBlocks: 180 }], lossMethod: "mse", epochLength: 60, groundTruthLag: 180, workerSubmissionWindow: 10, createdAt: 5, inferers: 20, forecasters: 6, reputers: 7, delegators: 10, feeRevenueAllo: 2800, v10Only: false },
  {
    metadata: "BTC/USD - Log Returns - Multi-horizon (20m, 1h, 4h)", asset: "BTC", target: "log-return",
    labels: [{ name: "20m", horizonBlocks: 240 }, { name: "1h", horizonBlocks: 720 }, { name: "4h", horizonBlocks: 2880 }],
    lossMethod: "ztae", epochLength: 60, groundTruthLag: 2880, workerSubmissionWindow: 10, createdAt: 6,
    inferers: 12, forecasters: 4, reputers: 5, delegators: 6, feeRevenueAllo: 2000, v10Only: true,
  },
  { metadata: "SOL/USD - Price Prediction - 8h", asset: "SOL", target: "price", labels: [{ name: "y", horizonBlocks: H8 }], lossMethod: "mse", epochLength: 60, groundTruthLag: H8, workerSubmissionWindow: 10, createdAt: 25921, inferers: 10, forecasters: 3, reputers: 5, delegators: 6, feeRevenueAllo: 1500, v10Only: false },
];

export function topicsFor(version: EmissionsVersion): TopicSpec[] {
  return TOPIC_CATALOGUE.filter((t) => version === "v10" || !t.v10Only).map((t, i) => ({ ...t, id: i + 1 }));
}

/** Topic-level synthesis constants, shared by every topic (served as Dec strings). */
export const TOPIC_CONSTANTS = {
  pNorm: 3,
  cNorm: 0.75,
  alphaRegret: 0.1,
  epsilon: 0.0001,
  initialRegret: 0,
  meritSortitionAlpha: 0.1,
  activeQuantile: 0.25,
  emaAlpha: 0.1,
} as const;

/** Emissions params that drive the simulation; the full params response is built in rest code. */
export const CHAIN_PARAMS = {
  removeStakeDelayWindow: 17280,
  minEpochLengthRecordLimit: 3,
  requiredMinimumStakeAllo: 10000,
  blocksPerMonth: 525960,
  validatorsPercent: 0.25,
  /** Per-block emission in uallo (the magnitude seen on mainnet). */
  blockEmission: 5828527245427720480n,
  unbondingSeconds: 1814400,
} as const;
