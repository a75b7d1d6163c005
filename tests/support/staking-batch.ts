// A hand-built staking history for the staking query tests; every expected figure in those tests is computed by
// hand from these rows (see the comments there). Heads at height 4000, 2026-11-01T00:00:00Z.
import { bech32 } from "bech32";
import type { IngestBatch } from "@/lib/ingest/batch-schema";

const addr = (prefix: string, n: number) => bech32.encode(prefix, bech32.toWords(Uint8Array.from({ length: 20 }, (_, i) => (n * 31 + i * 7) % 256)));
const ALLO = 10n ** 18n;
const a = (allo: bigint | number) => (BigInt(allo) * ALLO).toString();

export const D = addr("allo", 1); // a delegator who is also a reputer in topic 2
export const E = addr("allo", 2);
export const R1 = addr("allo", 3);
export const R2 = addr("allo", 4);
export const V1 = addr("allovaloper", 5);
export const V2 = addr("allovaloper", 6);
export const V3 = addr("allovaloper", 7);
export const V1_ACCOUNT = addr("allo", 5);

const validator = (operator: string, moniker: string, tokens: string, rate: string, status = "BOND_STATUS_BONDED", jailed = false) => ({
  operator_address: operator, moniker, identity: "", website: "", details: "", status, jailed, tokens,
  delegator_shares: `${tokens}.000000000000000000`, commission_rate: rate, commission_max_rate: "0.200000000000000000",
  commission_max_change_rate: "0.100000000000000000", commission_updated_at: null, min_self_delegation: "1", updated_height: "4000",
});
const history = (operator: string, h: number, rate: string, tokens: string) => ({ operator_address: operator, block_height: String(h), status: "BOND_STATUS_BONDED", jailed: false, tokens, commission_rate: rate });
const removal = (topic: number, reputer: string, delegator: string, requested: number, amount: bigint, completion: number, status = "pending", cancelled: number | null = null) => ({
  topic_id: String(topic), reputer, delegator, requested_height: String(requested), amount: a(amount), completion_height: String(completion),
  status, cancelled_height: cancelled === null ? null : String(cancelled), completed_height: null,
});
const event = (h: number, index: number, kind: string, topic: number, reputer: string, delegator: string, amount: string) => ({
  block_height: String(h), event_index: index, kind, topic_id: String(topic), reputer, delegator, amount,
});

export function stakingBatch(): IngestBatch {
  return {
    version: 1,
    batch_id: "staking:100-4000",
    network: { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" },
    from_height: "100",
    to_height: "4000",
    cursor: { source: "blocks", height: "4000", time: "2026-11-01T00:00:00Z" },
    rows: {
      blocks: [
        [100, "2026-10-01T00:00:00Z"], [2000, "2026-10-24T00:00:00Z"], [3000, "2026-10-31T12:00:00Z"], [3500, "2026-10-31T18:00:00Z"],
        [3800, "2026-10-31T21:00:00Z"], [3900, "2026-10-31T22:00:00Z"], [4000, "2026-11-01T00:00:00Z"],
      ].map(([h, time]) => ({ height: String(h), time: String(time), hash: null, tx_count: 0, event_count: 0 })),
      reputer_stakes: [
        { topic_id: "1", reputer: R1, block_height: "100", self_stake: a(5000), delegated_stake: a(1000) },
        { topic_id: "1", reputer: R1, block_height: "4000", self_stake: a(5000), delegated_stake: a(2000) },
        { topic_id: "1", reputer: R2, block_height: "3000", self_stake: a(100), delegated_stake: "0" },
        { topic_id: "2", reputer: D, block_height: "4000", self_stake: a(300), delegated_stake: "0" },
      ],
      reward_per_share: [
        [100, "0.001"], [2000, "0.0012"], [3000, "0.0015"], [4000, "0.0020"],
      ].map(([h, rps]) => ({ topic_id: "1", reputer: R1, block_height: String(h), reward_per_share: String(rps) })),
      delegator_placements: [
        { topic_id: "1", reputer: R1, delegator: D, block_height: "100", amount: a(500), reward_debt: "500000000000000000" },
        { topic_id: "1", reputer: R1, delegator: D, block_height: "4000", amount: a(1000), reward_debt: "1200000000000000000.25" },
        { topic_id: "1", reputer: R1, delegator: E, block_height: "4000", amount: "5", reward_debt: "0" },
        { topic_id: "1", reputer: R2, delegator: D, block_height: "3000", amount: a(10), reward_debt: "0" },
        // Withdrawn: its latest read is closed (a live amount on a closed row must not count as a position).
        { topic_id: "1", reputer: R2, delegator: D, block_height: "3500", amount: a(10), reward_debt: "0", ended_at_height: "4000", end_reason: "withdrawn" },
      ],
      scores: [
        [R1, 3000, "0.9"], [R1, 3200, "0.8"], [R1, 3400, "0.7"], [R1, 3600, "0.6"], [R2, 3600, "0.75"],
      ].map(([r, h, score]) => ({ topic_id: "1", actor_type: "reputer", kind: "ema", address: String(r), block_height: String(h), score: String(score), is_active: true })),
      stake_events: [
        event(100, 0, "add_stake", 1, R1, D, a(500)),
        event(3500, 0, "add_stake", 1, R1, D, a(500)),
        event(3500, 1, "delegate_reward_claimed", 1, R1, D, "150000000000000000"),
        event(4000, 0, "add_stake", 2, D, "", a(300)),
      ],
      stake_removals: [
        removal(1, R1, D, 3000, 100n, 20280, "cancelled", 3500),
        removal(1, R1, D, 3800, 200n, 5000),
        removal(2, D, "", 3900, 50n, 5100),
        removal(1, R2, "", 3600, 50n, 6000),
      ],
      // V2's status as the collector stores it ("bonded"), V1's as the chain's enum name: both count as bonded.
      validators: [validator(V1, "One", a(20_000_000), "0.100000000000000000"), validator(V2, "Two", a(10_000_000), "0.110000000000000000", "bonded"),
        validator(V3, "Jailed", a(1_000_000), "0.050000000000000000", "BOND_STATUS_UNBONDED", true)],
      validator_history: [
        history(V1, 2000, "0.100000000000000000", a(20_000_000)), history(V1, 4000, "0.100000000000000000", a(20_000_000)),
        history(V2, 2000, "0.050000000000000000", a(10_000_000)), history(V2, 3000, "0.050000000000000000", a(10_000_000)),
        history(V2, 4000, "0.110000000000000000", a(10_000_000)),
      ],
      validator_delegations: [
        { delegator: D, operator_address: V1, shares: `${a(500)}.000000000000000000`, amount: a(500), updated_height: "4000" },
        { delegator: V1_ACCOUNT, operator_address: V1, shares: `${a(1_000_000)}.0`, amount: a(1_000_000), updated_height: "4000" },
        { delegator: E, operator_address: V3, shares: `${a(40)}.0`, amount: a(40), updated_height: "4000" },
        { delegator: D, operator_address: V2, shares: `${a(50)}.0`, amount: a(50), updated_height: "3000", ended_at_height: "3500", end_reason: "withdrawn" },
      ],
      validator_unbondings: [
        { delegator: D, operator_address: V1, creation_height: "3500", completion_time: "2026-11-15T00:00:00Z", initial_balance: a(100), balance: a(100), status: "pending", updated_height: "4000" },
        { delegator: E, operator_address: V3, creation_height: "3500", completion_time: "2026-11-15T00:00:00Z", initial_balance: a(10), balance: a(10), status: "pending", updated_height: "4000" },
      ],
      // Rewards per 1,000-block bucket. V1: delegators' part (rewards − commission) 1.4 × 10^22 in 2001–3000 and 2 × 10^21
      // in 3001–4000; V2: 4 × 10^21 in 2001–3000 only.
      validator_rewards: [
        { operator_address: V1, bucket_height: "2001", from_height: "2001", to_height: "3000", blocks: 1000, rewards: "15555555555555555555555.555555555555555556", commission: "1555555555555555555555.555555555555555556" },
        { operator_address: V1, bucket_height: "3001", from_height: "3001", to_height: "4000", blocks: 1000, rewards: "2222222222222222222222.222222222222222222", commission: "222222222222222222222.222222222222222222" },
        { operator_address: V2, bucket_height: "2001", from_height: "2001", to_height: "3000", blocks: 1000, rewards: "4400000000000000000000.5", commission: "400000000000000000000.5" },
      ],
      validator_pending_rewards: [
        { delegator: D, operator_address: V1, amount: "12.345678901234567890", updated_height: "4000" },
        { delegator: V1_ACCOUNT, operator_address: V1, amount: "1000.5", updated_height: "3900" },
      ],
      validator_signing_infos: [
        { operator_address: V1, consensus_address: addr("allovalcons", 5), start_height: "0", missed_blocks_counter: "25", signed_blocks_window: "10000", jailed_until: "1970-01-01T00:00:00Z", tombstoned: false, updated_height: "4000" },
        { operator_address: V2, consensus_address: addr("allovalcons", 6), start_height: "0", missed_blocks_counter: "0", signed_blocks_window: "10000", jailed_until: null, tombstoned: false, updated_height: "4000" },
      ],
      emission_snapshots: [{ block_height: "4000", inflation: null, block_emission: null, emission_per_month: (10n ** 24n).toString(), network_staked_tokens: null, circulating_supply: null, validators_percent: "0.250000000000000000", reputers_percent: null, ecosystem_mint: null, raw: null }],
    },
  };
}
