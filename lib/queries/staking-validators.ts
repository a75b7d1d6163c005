import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { readRealizedAprs, readUptimes, type RealizedAprDto, type RealizedWindowDto, type UptimeDto } from "@/lib/queries/staking-validator-rewards";
import { readBlockClock } from "@/lib/queries/staking-chain";
import { operatorAccount } from "@/lib/staking/address";
import { ESTIMATED_APR_FORMULA, estimatedValidatorApr, REALIZED_VALIDATOR_APR_FORMULA } from "@/lib/staking/apr";
import { ratioToDec } from "@/lib/staking/amounts";
import { isBonded } from "@/lib/staking/validator-status";
import { commissionChanges, detectCommissionSpike, SPIKE_POINTS, SPIKE_WINDOW_DAYS, type CommissionSpike } from "@/lib/staking/commission-spike";

export type CommissionChangeDto = { height: string; timeIso: string; rate: string };
export type CommissionSpikeDto = Omit<CommissionSpike, "fromHeight" | "toHeight"> & { fromHeight: string; toHeight: string };

export type ValidatorRowDto = {
  operatorAddress: string;
  moniker: string;
  status: string;
  jailed: boolean;
  /** uallo, exact. */
  tokens: string;
  /** Share of all bonded tokens (a fraction); null for a validator that is not bonded. */
  votingPower: string | null;
  commissionRate: string | null;
  commissionMaxRate: string | null;
  commissionMaxChangeRate: string | null;
  minSelfDelegation: string | null;
  /** The operator's own delegation (uallo); null when the index has none. */
  selfDelegation: string | null;
  delegatorCount: number;
  commissionHistory: CommissionChangeDto[];
  spike: CommissionSpikeDto | null;
  estimatedApr: string | null;
  /** Realized delegator APR over the last 7 and 30 days of indexed rewards; null with `realizedMissing` saying why. */
  realized: { d7: RealizedAprDto | null; d30: RealizedAprDto | null };
  realizedMissing: string | null;
  /** From slashing signing info; null with `uptimeMissing` saying why. */
  uptime: UptimeDto | null;
  uptimeMissing: string | null;
  asOfHeight: string;
};

export type ValidatorDirectoryDto = {
  asOfHeight: string | null;
  rows: ValidatorRowDto[];
  apr: { formula: string; emissionPerMonth: string | null; validatorsPercent: string | null; bondedTokens: string; snapshotHeight: string | null };
  realized: { formula: string; d7: RealizedWindowDto | null; d30: RealizedWindowDto | null };
  spikeRule: string;
};

type VRow = {
  operator: string; moniker: string; status: string; jailed: boolean; tokens: string; rate: string | null; maxRate: string | null;
  maxChange: string | null; minSelf: string | null; height: string; delegators: number;
};
type HRow = { operator: string; height: string; ms: number; rate: string };

export const SPIKE_RULE = `A rise of ${SPIKE_POINTS} or more percentage points within ${SPIKE_WINDOW_DAYS} days, in the last ${SPIKE_WINDOW_DAYS} days (after Livepeer Explorer's fee-cut warning).`;

export async function listValidatorDirectory(): Promise<ValidatorDirectoryDto> {
  const networkId = await findFollowedNetworkId();
  const apr = { formula: ESTIMATED_APR_FORMULA, emissionPerMonth: null, validatorsPercent: null, bondedTokens: "0", snapshotHeight: null };
  if (networkId === null) return { asOfHeight: null, rows: [], apr, realized: { formula: REALIZED_VALIDATOR_APR_FORMULA, d7: null, d30: null }, spikeRule: SPIKE_RULE };
  const { prisma } = await getDb();
  const [validators, history, emission, clock, d7, d30, uptimes] = await Promise.all([
    prisma.$queryRaw<VRow[]>`
      SELECT v.operator_address AS operator, v.moniker, v.status, v.jailed, v.tokens::text AS tokens, v.commission_rate::text AS rate,
        v.commission_max_rate::text AS "maxRate", v.commission_max_change_rate::text AS "maxChange",
        v.min_self_delegation::text AS "minSelf", v.updated_height::text AS height,
        (SELECT count(*)::int FROM validator_delegations d WHERE d.network_id = v.network_id AND d.operator_address = v.operator_address AND d.amount > 0
           AND d.ended_at_height IS NULL) AS delegators
      FROM validators v WHERE v.network_id = ${networkId} ORDER BY v.tokens DESC, v.operator_address`,
    prisma.$queryRaw<HRow[]>`
      SELECT c.operator_address AS operator, c.block_height::text AS height, (extract(epoch FROM b.time) * 1000)::float8 AS ms,
        c.commission_rate::text AS rate
      FROM (SELECT operator_address, block_height, commission_rate,
              lag(commission_rate) OVER w AS prev, lead(commission_rate) OVER w AS next
            FROM validator_history WHERE network_id = ${networkId}
            WINDOW w AS (PARTITION BY operator_address ORDER BY block_height)) c
      JOIN blocks b ON b.network_id = ${networkId} AND b.height = c.block_height
      -- Keep both sides of every change: the last snapshot at the old rate bounds when the change happened.
      WHERE c.prev IS NULL OR c.next IS NULL OR c.prev <> c.commission_rate OR c.next <> c.commission_rate ORDER BY c.operator_address, c.block_height`,
    prisma.emissionSnapshot.findFirst({ where: { networkId }, orderBy: { blockHeight: "desc" } }),
    readBlockClock(networkId),
    readRealizedAprs(networkId, 7),
    readRealizedAprs(networkId, 30),
    readUptimes(networkId),
  ]);
  const selfOf = await selfDelegations(networkId, validators.map((v) => v.operator));
  const bonded = validators.filter((v) => isBonded(v.status)).reduce((sum, v) => sum + BigInt(v.tokens), 0n);
  const perMonth = emission?.emissionPerMonth ? BigInt(emission.emissionPerMonth.toFixed()) : null;
  const share = emission?.validatorsPercent ? emission.validatorsPercent.toFixed() : null;
  const nowMs = clock?.timeMs ?? Date.now();
  const rows = validators.map((v): ValidatorRowDto => {
    const points = history.filter((h) => h.operator === v.operator).map((c) => ({ height: BigInt(c.height), timeMs: c.ms, rate: c.rate }));
    const spike = detectCommissionSpike(points, nowMs);
    const changes = commissionChanges(points);
    const bondedNow = isBonded(v.status);
    return {
      operatorAddress: v.operator, moniker: v.moniker, status: v.status, jailed: v.jailed, tokens: v.tokens,
      votingPower: bondedNow ? ratioToDec(BigInt(v.tokens), bonded, 6) : null,
      commissionRate: v.rate, commissionMaxRate: v.maxRate, commissionMaxChangeRate: v.maxChange, minSelfDelegation: v.minSelf,
      selfDelegation: selfOf.get(v.operator) ?? null, delegatorCount: v.delegators,
      commissionHistory: changes.map((c) => ({ height: c.height.toString(), timeIso: new Date(c.timeMs).toISOString(), rate: c.rate })),
      spike: spike ? { ...spike, fromHeight: spike.fromHeight.toString(), toHeight: spike.toHeight.toString() } : null,
      estimatedApr:
        bondedNow && perMonth !== null && share !== null && v.rate !== null
          ? estimatedValidatorApr({ emissionPerMonth: perMonth, validatorsPercent: share, bondedTokens: bonded, commissionRate: v.rate })
          : null,
      realized: { d7: d7.byValidator.get(v.operator) ?? null, d30: d30.byValidator.get(v.operator) ?? null },
      realizedMissing: d30.window === null ? "no validator rewards are indexed yet" : d7.byValidator.has(v.operator) || d30.byValidator.has(v.operator) ? null : "no rewards were allocated to it in the window: it was not in the active set",
      uptime: uptimes.byValidator.get(v.operator) ?? null,
      uptimeMissing: uptimes.byValidator.has(v.operator) ? null : uptimes.indexed ? "the chain lists no signing info for its consensus key (never bonded)" : "the node has not served slashing signing info (see the collector notices)",
      asOfHeight: v.height,
    };
  });
  return {
    asOfHeight: clock ? clock.height.toString() : null,
    rows,
    apr: { formula: ESTIMATED_APR_FORMULA, emissionPerMonth: perMonth?.toString() ?? null, validatorsPercent: share, bondedTokens: bonded.toString(), snapshotHeight: emission?.blockHeight.toString() ?? null },
    realized: { formula: REALIZED_VALIDATOR_APR_FORMULA, d7: d7.window, d30: d30.window },
    spikeRule: SPIKE_RULE,
  };
}

/** Each operator's delegation from its own account (same key bytes under the account prefix). */
async function selfDelegations(networkId: number, operators: string[]): Promise<Map<string, string>> {
  const pairs = operators.map((o) => [o, operatorAccount(o)] as const).filter((p): p is readonly [string, string] => p[1] !== null);
  if (pairs.length === 0) return new Map();
  const { prisma } = await getDb();
  const rows = await prisma.validatorDelegation.findMany({
    where: { networkId, endedAtHeight: null, OR: pairs.map(([operatorAddress, delegator]) => ({ operatorAddress, delegator })) },
    select: { operatorAddress: true, amount: true },
  });
  return new Map(rows.map((r) => [r.operatorAddress, r.amount.toFixed()]));
}
