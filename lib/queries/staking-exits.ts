import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { listReputerRates, windowStarts } from "@/lib/queries/staking-rates";
import { estimatedValidatorApr } from "@/lib/staking/apr";
import { forgoneFromApr, forgoneReputerRewards } from "@/lib/staking/rewards";
import { estimateHeightAtTime, estimateTimeOfHeight, type BlockClock } from "@/lib/staking/unlock";
import { BONDED_STATUSES, isBonded } from "@/lib/staking/validator-status";

export const FORGONE_HORIZON_DAYS = 30;

export type ExitDto = {
  kind: "stake_removal" | "delegate_removal" | "unbonding";
  topicId: string | null;
  /** The reputer (removals) or the validator operator (unbondings). */
  target: string;
  amount: string;
  requestedHeight: string;
  unlockHeight: string | null;
  /** Removals unlock at a height the chain states; unbondings at a time, so their height is the estimate. */
  unlockHeightEstimated: boolean;
  unlockTimeIso: string | null;
  unlockTimeEstimated: boolean;
  cancellable: boolean;
  cancelNote: string;
  /** Rewards forgone over FORGONE_HORIZON_DAYS by exiting (estimate); null when no rate is indexed. */
  forgone: string | null;
  forgoneBasis: string;
};

type RemovalRow = { topicId: string; reputer: string; delegator: string; amount: string; requested: string; completion: string };
type UnbondingRow = { operator: string; creation: string; completionMs: number; balance: string; jailed: boolean | null; rate: string | null; status: string | null };

/** Every pending exit of an address: its own stake removals, its delegate-stake removals and its unbondings. */
export async function listAccountExits(networkId: number, address: string, clock: BlockClock): Promise<ExitDto[]> {
  const { prisma } = await getDb();
  const [removals, unbondings, aprInputs] = await Promise.all([
    prisma.$queryRaw<RemovalRow[]>`
      SELECT topic_id::text AS "topicId", reputer, delegator, amount::text AS amount, requested_height::text AS requested,
        completion_height::text AS completion
      FROM (
        SELECT * FROM stake_removals WHERE network_id = ${networkId} AND delegator = ${address}
        UNION ALL
        SELECT * FROM stake_removals WHERE network_id = ${networkId} AND delegator = '' AND reputer = ${address}) r
      WHERE status = 'pending' AND completion_height > ${clock.height}
      ORDER BY completion_height, topic_id`,
    prisma.$queryRaw<UnbondingRow[]>`
      SELECT u.operator_address AS operator, u.creation_height::text AS creation,
        (extract(epoch FROM u.completion_time) * 1000)::float8 AS "completionMs", u.balance::text AS balance,
        v.jailed, v.commission_rate::text AS rate, v.status
      FROM validator_unbondings u
      LEFT JOIN validators v ON v.network_id = u.network_id AND v.operator_address = u.operator_address
      WHERE u.network_id = ${networkId} AND u.delegator = ${address} AND u.status = 'pending' AND u.ended_at_height IS NULL
        AND u.completion_time > ${new Date(clock.timeMs)}
      ORDER BY u.completion_time, u.operator_address`,
    prisma.$queryRaw<{ perMonth: string | null; share: string | null; bonded: string | null }[]>`
      SELECT (SELECT emission_per_month::text FROM emission_snapshots WHERE network_id = ${networkId} ORDER BY block_height DESC LIMIT 1) AS "perMonth",
        (SELECT validators_percent::text FROM emission_snapshots WHERE network_id = ${networkId} ORDER BY block_height DESC LIMIT 1) AS share,
        (SELECT sum(tokens)::text FROM validators WHERE network_id = ${networkId} AND status IN (${Prisma.join(BONDED_STATUSES)})) AS bonded`,
  ]);
  const starts = removals.length ? await windowStarts(networkId, clock, [7, FORGONE_HORIZON_DAYS]) : [];
  const rateCache = new Map<string, bigint | null>();
  const rate30 = async (topicId: string, reputer: string) => {
    const key = `${topicId}|${reputer}`;
    if (!rateCache.has(key)) {
      const [r] = await listReputerRates(networkId, { topicId: BigInt(topicId), reputer }, [starts[0]!, starts[1]!]);
      const w = r?.windows[1]?.rewardPer1000;
      rateCache.set(key, w === undefined || w === null ? null : BigInt(w));
    }
    return rateCache.get(key) ?? null;
  };
  const out: ExitDto[] = [];
  for (const r of removals) {
    const unlock = BigInt(r.completion);
    const time = estimateTimeOfHeight(clock, unlock);
    out.push({
      kind: r.delegator ? "delegate_removal" : "stake_removal",
      topicId: r.topicId, target: r.reputer, amount: r.amount, requestedHeight: r.requested,
      unlockHeight: r.completion, unlockHeightEstimated: false,
      unlockTimeIso: time === null ? null : new Date(time).toISOString(), unlockTimeEstimated: true,
      cancellable: true,
      cancelNote: r.delegator ? "Cancellable until it completes (CancelRemoveDelegateStake)." : "Cancellable until it completes (CancelRemoveStake).",
      forgone: forgoneReputerRewards(BigInt(r.amount), await rate30(r.topicId, r.reputer), FORGONE_HORIZON_DAYS, FORGONE_HORIZON_DAYS)?.toString() ?? null,
      forgoneBasis: `the reputer's realized reward per ALLO delegated over the last ${FORGONE_HORIZON_DAYS} days`,
    });
  }
  const [inputs] = aprInputs;
  for (const u of unbondings) {
    const apr =
      inputs?.perMonth && inputs.share && inputs.bonded && u.rate && u.status !== null && isBonded(u.status)
        ? estimatedValidatorApr({ emissionPerMonth: BigInt(inputs.perMonth.split(".")[0]!), validatorsPercent: inputs.share, bondedTokens: BigInt(inputs.bonded), commissionRate: u.rate })
        : null;
    const height = estimateHeightAtTime(clock, u.completionMs);
    out.push({
      kind: "unbonding", topicId: null, target: u.operator, amount: u.balance, requestedHeight: u.creation,
      unlockHeight: height?.toString() ?? null, unlockHeightEstimated: true,
      unlockTimeIso: new Date(u.completionMs).toISOString(), unlockTimeEstimated: false,
      // x/staking refuses MsgCancelUnbondingDelegation while the validator is jailed.
      cancellable: u.jailed !== true,
      cancelNote: u.jailed ? "Not cancellable while the validator is jailed." : "Cancellable until it completes (MsgCancelUnbondingDelegation).",
      forgone: forgoneFromApr(BigInt(u.balance), apr, FORGONE_HORIZON_DAYS)?.toString() ?? null,
      forgoneBasis: "the validator's estimated APR (realized validator rewards are not indexed)",
    });
  }
  return out;
}
