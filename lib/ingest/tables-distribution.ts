// Tables of x/distribution and x/slashing: validator rewards rolled up from the begin-block allocation events,
// delegators' pending validator rewards and validators' signing info (both REST state as of a read).
import type { Column, Merge, TableSpec } from "./tables";

const h = (name: string): Column => ({ name, type: "height" });
const text = (name: string): Column => ({ name, type: "text" });
const dec = (name: string): Column => ({ name, type: "dec" });

/** Heights per validator_rewards row: the bucket [k·N + 1, (k + 1)·N] a block's allocation is summed into. */
export const REWARD_BUCKET_BLOCKS = 1000n;

// A bucket is filled by consecutive batches (near the head a batch is 100 blocks), so a row's sums are appended
// to, and only by blocks after those it already covers: the collector sends heights in order and resumes after its
// committed cursor, so a row that does not start after `to_height` is a repeat and adds nothing.
const appendLater = (col: string) => `${col} = CASE WHEN EXCLUDED.from_height > t.to_height THEN t.${col} + EXCLUDED.${col} ELSE t.${col} END`;
const appendMerge: Merge = {
  kind: "custom",
  set: `${appendLater("rewards")}, ${appendLater("commission")}, ${appendLater("blocks")},
    from_height = LEAST(t.from_height, EXCLUDED.from_height), to_height = GREATEST(t.to_height, EXCLUDED.to_height)`,
};

export const distributionTableSpecs = {
  validator_rewards: {
    table: "validator_rewards",
    key: ["operator_address", "bucket_height"],
    // rewards: the allocation's total (commission included, as the `rewards` event says); commission: its part.
    columns: [text("operator_address"), h("bucket_height"), h("from_height"), h("to_height"), { name: "blocks", type: "int" }, dec("rewards"), dec("commission")],
    merge: appendMerge,
  },
  validator_pending_rewards: {
    table: "validator_pending_rewards",
    key: ["delegator", "operator_address"],
    columns: [text("delegator"), text("operator_address"), dec("amount"), h("updated_height")],
    merge: { kind: "latest", version: "updated_height" },
  },
  validator_signing_infos: {
    table: "validator_signing_infos",
    key: ["operator_address"],
    columns: [
      text("operator_address"), text("consensus_address"), h("start_height"), h("missed_blocks_counter"), h("signed_blocks_window"),
      { name: "jailed_until", type: "time", optional: true }, { name: "tombstoned", type: "bool" }, h("updated_height"),
    ],
    merge: { kind: "latest", version: "updated_height" },
  },
} satisfies Record<string, TableSpec>;
