// Reputer stake and delegation state with exact integer arithmetic. reward_per_share is a Dec on
// chain; here it is a bigint scaled by 10^30, so reward_debt = amount × reward_per_share stays exact.
import { Series, SeriesMap } from "./series";

export const RPS_SCALE = 30;
export const RPS_ONE = 10n ** BigInt(RPS_SCALE);

export interface Placement {
  amount: bigint;
  /** reward_debt × 10^30 */
  debt: bigint;
}

export const stakeKey = (...parts: (string | number)[]) => parts.join("|");

export class StakeBook {
  readonly self = new SeriesMap<bigint>(0n);
  readonly delegated = new SeriesMap<bigint>(0n);
  readonly rps = new SeriesMap<bigint>(0n);
  readonly placements = new SeriesMap<Placement>({ amount: 0n, debt: 0n });
  readonly topicStake = new SeriesMap<bigint>(0n);
  readonly totalStake = new Series<bigint>(0n);
  private total = 0n;

  protected changeStake(topicId: number, reputer: string, h: number, selfDelta: bigint, delegatedDelta: bigint): void {
    const s = this.self.get(stakeKey(topicId, reputer));
    s.set(h, s.latest() + selfDelta);
    const d = this.delegated.get(stakeKey(topicId, reputer));
    d.set(h, d.latest() + delegatedDelta);
    const t = this.topicStake.get(String(topicId));
    t.set(h, t.latest() + selfDelta + delegatedDelta);
    this.total += selfDelta + delegatedDelta;
    this.totalStake.set(h, this.total);
  }

  /** Splits a reputer's reward: the delegated share raises reward_per_share, the rest compounds. Returns the delegated share. */
  applyReputerReward(topicId: number, reputer: string, reward: bigint, h: number): bigint {
    const self = this.self.get(stakeKey(topicId, reputer)).latest();
    const delegated = this.delegated.get(stakeKey(topicId, reputer)).latest();
    let toDelegators = 0n;
    if (delegated > 0n && self + delegated > 0n) {
      toDelegators = (reward * delegated) / (self + delegated);
      const rps = this.rps.get(stakeKey(topicId, reputer));
      rps.set(h, rps.latest() + (toDelegators * RPS_ONE) / delegated);
    }
    this.changeStake(topicId, reputer, h, reward - toDelegators, 0n);
    return toDelegators;
  }

  reputerStake(topicId: number, reputer: string, h: number): bigint {
    return this.selfAt(topicId, reputer, h) + this.delegatedAt(topicId, reputer, h);
  }

  placementAt(topicId: number, delegator: string, reputer: string, h: number): Placement {
    return this.placements.peek(stakeKey(topicId, delegator, reputer))?.at(h) ?? { amount: 0n, debt: 0n };
  }

  rpsAt(topicId: number, reputer: string, h: number): bigint {
    return this.rps.peek(stakeKey(topicId, reputer))?.at(h) ?? 0n;
  }

  selfAt(topicId: number, reputer: string, h: number): bigint {
    return this.self.peek(stakeKey(topicId, reputer))?.at(h) ?? 0n;
  }

  delegatedAt(topicId: number, reputer: string, h: number): bigint {
    return this.delegated.peek(stakeKey(topicId, reputer))?.at(h) ?? 0n;
  }
}
