import "server-only";
import { isDec } from "@/lib/allora/decimal";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { clockDto, readBlockClock, type BlockClockDto } from "@/lib/queries/staking-chain";
import { listAccountExits, type ExitDto } from "@/lib/queries/staking-exits";
import { pendingReward } from "@/lib/staking/rewards";
import { addScaled, scaledToDec, toScaled, type Scaled } from "@/lib/staking/amounts";

export type ReputerDelegationDto = {
  topicId: string;
  reputer: string;
  /** Dec strings as the chain keeps them. */
  amount: string;
  rewardDebt: string;
  rewardPerShare: string | null;
  /** amount × reward_per_share − reward_debt, truncated, in uallo; null if a stored value is not a number (NaN). */
  pendingReward: string | null;
  asOfHeight: string;
};

export type OwnStakeDto = { topicId: string; selfStake: string; delegatedStake: string; asOfHeight: string };

export type ValidatorDelegationDto = {
  operatorAddress: string;
  moniker: string | null;
  status: string | null;
  jailed: boolean | null;
  amount: string;
  shares: string;
  asOfHeight: string;
  /** Pending rewards on this validator (distribution REST, uallo DecCoin amount); null when no read has it. */
  pendingReward: string | null;
  /** The block the pending reward was read at (it may be older than the delegation's). */
  pendingRewardHeight: string | null;
};

export type AccountDto = {
  address: string;
  asOfHeight: string | null;
  clock: BlockClockDto | null;
  delegations: ReputerDelegationDto[];
  ownStakes: OwnStakeDto[];
  validatorDelegations: ValidatorDelegationDto[];
  /** Sum of pendingReward over the delegations, uallo. */
  pendingRewardTotal: string;
  /** Σ pending validator rewards, uallo DecCoin; null when any delegation lacks one (a partial sum would mislead). */
  validatorRewardTotal: string | null;
  exits: ExitDto[];
};

export async function getAccount(address: string): Promise<AccountDto> {
  const networkId = await findFollowedNetworkId();
  const clock = networkId === null ? null : await readBlockClock(networkId);
  if (networkId === null || clock === null) {
    return { address, asOfHeight: null, clock: null, delegations: [], ownStakes: [], validatorDelegations: [], pendingRewardTotal: "0", validatorRewardTotal: null, exits: [] };
  }
  const [delegations, ownStakes, validatorDelegations, exits] = await Promise.all([
    listReputerDelegations(networkId, address),
    listOwnStakes(networkId, address),
    listValidatorDelegations(networkId, address),
    listAccountExits(networkId, address, clock),
  ]);
  return {
    address,
    asOfHeight: clock.height.toString(),
    clock: clockDto(clock),
    delegations,
    ownStakes,
    validatorDelegations,
    pendingRewardTotal: delegations.reduce((sum, d) => sum + BigInt(d.pendingReward ?? "0"), 0n).toString(),
    validatorRewardTotal: sumDecs(validatorDelegations.map((v) => v.pendingReward)),
    exits,
  };
}

type PlacementRow = { topicId: string; reputer: string; amount: string; debt: string; rps: string | null; height: string };

/** Live placements (latest row per (topic, reputer) with a positive amount) and their pending rewards. */
export async function listReputerDelegations(networkId: number, delegator: string): Promise<ReputerDelegationDto[]> {
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<PlacementRow[]>`
    SELECT p."topicId", p.reputer, p.amount::text AS amount, p.debt, p.height,
      (SELECT r.reward_per_share::text FROM reward_per_share r WHERE r.network_id = ${networkId} AND r.topic_id = p.topic_id
         AND r.reputer = p.reputer ORDER BY r.block_height DESC LIMIT 1) AS rps
    FROM (
      SELECT DISTINCT ON (topic_id, reputer) topic_id, topic_id::text AS "topicId", reputer, amount, ended_at_height,
        reward_debt::text AS debt, block_height::text AS height
      FROM delegator_placements WHERE network_id = ${networkId} AND delegator = ${delegator}
      ORDER BY topic_id, reputer, block_height DESC) p
    -- The latest read decides (an ended placement is closed on its latest row).
    WHERE p.amount > 0 AND p.ended_at_height IS NULL ORDER BY p.topic_id, p.reputer`;
  return rows.map((r) => ({
    topicId: r.topicId,
    reputer: r.reputer,
    amount: r.amount,
    rewardDebt: r.debt,
    rewardPerShare: r.rps,
    // Before the reputer's first distribution reward_per_share is 0 on chain.
    pendingReward: isDec(r.amount) && isDec(r.debt) && (r.rps === null || isDec(r.rps)) ? pendingReward(r.amount, r.rps ?? "0", r.debt).toString() : null,
    asOfHeight: r.height,
  }));
}

export async function listOwnStakes(networkId: number, reputer: string): Promise<OwnStakeDto[]> {
  const { prisma } = await getDb();
  return prisma.$queryRaw<OwnStakeDto[]>`
    SELECT "topicId", "selfStake", "delegatedStake", "asOfHeight" FROM (
      SELECT DISTINCT ON (topic_id) topic_id, topic_id::text AS "topicId", self_stake, self_stake::text AS "selfStake",
        delegated_stake, delegated_stake::text AS "delegatedStake", block_height::text AS "asOfHeight"
      FROM reputer_stakes WHERE network_id = ${networkId} AND reputer = ${reputer}
      ORDER BY topic_id, block_height DESC) s
    WHERE s.self_stake > 0 OR s.delegated_stake > 0 ORDER BY s.topic_id`;
}

export async function listValidatorDelegations(networkId: number, delegator: string): Promise<ValidatorDelegationDto[]> {
  const { prisma } = await getDb();
  return prisma.$queryRaw<ValidatorDelegationDto[]>`
    SELECT d.operator_address AS "operatorAddress", v.moniker, v.status, v.jailed, d.amount::text AS amount, d.shares::text AS shares,
      d.updated_height::text AS "asOfHeight", r.amount::text AS "pendingReward", r.updated_height::text AS "pendingRewardHeight"
    FROM validator_delegations d
    LEFT JOIN validators v ON v.network_id = d.network_id AND v.operator_address = d.operator_address
    LEFT JOIN validator_pending_rewards r ON r.network_id = d.network_id AND r.delegator = d.delegator AND r.operator_address = d.operator_address
    WHERE d.network_id = ${networkId} AND d.delegator = ${delegator} AND d.amount > 0 AND d.ended_at_height IS NULL
    ORDER BY d.amount DESC, d.operator_address`;
}

/** Exact sum of Dec strings; null if any is missing. */
function sumDecs(values: (string | null)[]): string | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  let total: Scaled = { units: 0n, scale: 0 };
  for (const v of values) total = addScaled(total, toScaled(v!));
  return scaledToDec(total);
}
