// What a batch may write, table by table: one spec per table gives both the batch's validation schema
// (lib/ingest/batch-schema.ts) and the set-based SQL that writes it (lib/ingest/write.ts).
// Batch rows use the database's column names; network_id is never in a row, it comes from the batch's network.
import { MAX_BUNDLE_LOSSES, MAX_BUNDLE_WORKERS, reputerLossRules } from "./reputer-losses";
import { distributionTableSpecs } from "./tables-distribution";

export type ColumnType =
  | "height" // int64 as a decimal string (heights, nonces, topic ids)
  | "int" // JSON integer
  | "dec" // Allora math.Dec: exact decimal string ("NaN" only in columns marked `nan`)
  | "amount" // cosmos.Int in uallo: non-negative integer string, at most 78 digits
  | "text"
  | "bool"
  | "time" // ISO 8601 with offset
  | "json"
  | "texts" // array of strings
  | "decs"; // array of exact decimal strings (no "NaN") and nulls

export type Column = {
  name: string;
  type: ColumnType;
  optional?: boolean;
  /** A dec column where the chain itself may send "NaN": kept as sent, and excluded from every aggregate. */
  nan?: boolean;
  /** Most items an array column (texts, decs) may hold; 1,000 when unset. */
  maxItems?: number;
};

/** Most items of an array column: its `maxItems`, else 1,000. */
export const maxItemsOf = (column: Column) => column.maxItems ?? 1000;

/** A rule across a row's columns, checked after each column's own type: `field` is the column named when it fails. */
export type RowRule = { field: string; message: string; holds: (row: Readonly<Record<string, unknown>>) => boolean };

export type Merge =
  | { kind: "insert" } // immutable facts: a replay or overlap inserts nothing
  // current state: update only from a row at least as new. `closable`: the row carries ended_at_height, and only a
  // read newer than the closure reopens it (a replay of an older read never revives an ended position).
  | { kind: "latest"; version: string; closable?: boolean }
  | { kind: "custom"; set: string }; // an explicit merge (flags OR-ed, ranges widened, values coalesced)

export type TableSpec = {
  table: string;
  key: string[];
  columns: Column[];
  merge: Merge;
  /** false for tables that describe the outside world rather than one network (ground truth). */
  networkScoped?: boolean;
  rules?: RowRule[];
};

const h = (name: string, optional = false): Column => ({ name, type: "height", optional });
const dec = (name: string, optional = false): Column => ({ name, type: "dec", optional });
/** A dec the chain may send as "NaN" (a value bundle's combined or naive value). */
const decOrNaN = (name: string, optional = false): Column => ({ name, type: "dec", optional, nan: true });
const amount = (name: string, optional = false): Column => ({ name, type: "amount", optional });
const text = (name: string, optional = false): Column => ({ name, type: "text", optional });
const bool = (name: string, optional = false): Column => ({ name, type: "bool", optional });

const insert: Merge = { kind: "insert" };
/** The closure of a position that disappeared from the chain's state: same two columns on every position table. */
const closure = (): Column[] => [h("ended_at_height", true), text("end_reason", true)];

export const tableSpecs = {
  blocks: {
    table: "blocks",
    key: ["height"],
    columns: [h("height"), { name: "time", type: "time" }, text("hash", true), { name: "tx_count", type: "int" }, { name: "event_count", type: "int" }],
    merge: insert,
  },
  topics: {
    table: "topics",
    key: ["topic_id"],
    columns: [
      h("topic_id"), text("creator"), text("metadata"), text("loss_method"), h("epoch_last_ended"), h("epoch_length"),
      h("ground_truth_lag"), dec("p_norm"), dec("alpha_regret"), bool("allow_negative"), dec("epsilon"), dec("initial_regret", true),
      h("worker_submission_window", true), dec("merit_sortition_alpha", true), dec("active_inferer_quantile", true),
      dec("active_forecaster_quantile", true), dec("active_reputer_quantile", true), dec("c_norm", true), text("topic_type", true),
      text("output_arity", true), bool("require_unity", true), dec("unity_tolerance", true), h("max_labels_per_submission", true),
      { name: "label_whitelist", type: "texts" }, dec("label_default_value", true), bool("label_case_sensitive", true),
      bool("is_active", true), dec("weight", true), dec("effective_revenue", true), amount("topic_stake", true),
      h("created_height", true), h("updated_height"),
    ],
    merge: { kind: "latest", version: "updated_height" },
  },
  topic_changes: {
    table: "topic_changes",
    key: ["topic_id", "height", "kind"],
    columns: [h("topic_id"), h("height"), text("kind"), bool("is_active", true), dec("weight", true), amount("topic_stake", true), { name: "snapshot", type: "json", optional: true }],
    merge: insert,
  },
  topic_labels: {
    table: "topic_labels",
    key: ["topic_id", "label_name"],
    columns: [h("topic_id"), text("label_name"), { name: "label_id", type: "int", optional: true }, h("first_seen_height")],
    merge: { kind: "custom", set: "label_id = COALESCE(t.label_id, EXCLUDED.label_id), first_seen_height = LEAST(t.first_seen_height, EXCLUDED.first_seen_height)" },
  },
  actors: {
    table: "actors",
    key: ["address"],
    columns: [
      text("address"), text("owner", true), bool("is_worker"), bool("is_reputer"), bool("is_delegator"), bool("is_validator"),
      h("first_seen_height"), h("last_seen_height"),
    ],
    merge: {
      kind: "custom",
      set: `owner = COALESCE(EXCLUDED.owner, t.owner), is_worker = t.is_worker OR EXCLUDED.is_worker,
        is_reputer = t.is_reputer OR EXCLUDED.is_reputer, is_delegator = t.is_delegator OR EXCLUDED.is_delegator,
        is_validator = t.is_validator OR EXCLUDED.is_validator,
        first_seen_height = LEAST(t.first_seen_height, EXCLUDED.first_seen_height),
        last_seen_height = GREATEST(t.last_seen_height, EXCLUDED.last_seen_height)`,
    },
  },
  registrations: {
    table: "registrations",
    key: ["topic_id", "address", "role", "registered_height"],
    columns: [h("topic_id"), text("address"), text("role"), h("registered_height"), text("owner", true), h("unregistered_height", true)],
    merge: { kind: "custom", set: "unregistered_height = COALESCE(t.unregistered_height, EXCLUDED.unregistered_height)" },
  },
  worker_inferences: {
    table: "worker_inferences",
    key: ["topic_id", "nonce", "inferer", "label"],
    columns: [h("topic_id"), h("nonce"), text("inferer"), text("label"), dec("value"), h("block_height"), text("extra_data", true), text("proof", true)],
    merge: insert,
  },
  forecasts: {
    table: "forecasts",
    key: ["topic_id", "nonce", "forecaster", "inferer", "label"],
    columns: [h("topic_id"), h("nonce"), text("forecaster"), text("inferer"), text("label"), dec("value"), h("block_height")],
    merge: insert,
  },
  network_inferences: {
    table: "network_inferences",
    key: ["topic_id", "nonce", "label", "outlier_resistant"],
    columns: [h("topic_id"), h("nonce"), text("label"), bool("outlier_resistant"), decOrNaN("combined_value"), decOrNaN("naive_value", true), h("block_height")],
    merge: insert,
  },
  network_inference_values: {
    table: "network_inference_values",
    key: ["topic_id", "nonce", "label", "outlier_resistant", "kind", "actor", "peer"],
    columns: [h("topic_id"), h("nonce"), text("label"), bool("outlier_resistant"), text("kind"), text("actor"), text("peer"), dec("value")],
    merge: insert,
  },
  inference_weights: {
    table: "inference_weights",
    key: ["topic_id", "nonce", "actor_type", "address"],
    columns: [h("topic_id"), h("nonce"), text("actor_type"), text("address"), dec("weight", true), dec("regret", true)],
    merge: { kind: "custom", set: "weight = COALESCE(t.weight, EXCLUDED.weight), regret = COALESCE(t.regret, EXCLUDED.regret)" },
  },
  loss_bundles: {
    table: "loss_bundles",
    key: ["topic_id", "nonce", "reputer"],
    columns: [
      h("topic_id"), h("nonce"), text("reputer"), decOrNaN("combined_value", true), decOrNaN("naive_value", true), h("block_height"),
      text("signature", true), text("pubkey", true),
      // A reputer's per-worker losses in the chain's column form (lib/ingest/reputer-losses.ts).
      { name: "loss_inferers", type: "texts", optional: true, maxItems: MAX_BUNDLE_WORKERS },
      { name: "loss_forecasters", type: "texts", optional: true, maxItems: MAX_BUNDLE_WORKERS },
      { name: "losses", type: "decs", optional: true, maxItems: MAX_BUNDLE_LOSSES },
    ],
    merge: insert,
    rules: reputerLossRules,
  },
  loss_values: {
    table: "loss_values",
    key: ["topic_id", "nonce", "reputer", "kind", "actor", "peer"],
    columns: [h("topic_id"), h("nonce"), text("reputer"), text("kind"), text("actor"), text("peer"), dec("value")],
    merge: insert,
    rules: [
      {
        field: "reputer",
        message: "must be empty: loss_values holds the network's bundle; a reputer's losses travel in its loss_bundles row (losses)",
        holds: (row) => row.reputer === "",
      },
    ],
  },
  scores: {
    table: "scores",
    key: ["topic_id", "actor_type", "kind", "address", "block_height"],
    columns: [h("topic_id"), text("actor_type"), text("kind"), text("address"), h("block_height"), dec("score"), bool("is_active", true)],
    merge: insert,
  },
  rewards: {
    table: "rewards",
    key: ["topic_id", "actor_type", "address", "block_height"],
    columns: [h("topic_id"), text("actor_type"), text("address"), h("block_height"), dec("amount"), h("block_height_tx", true)],
    merge: insert,
  },
  topic_rewards: {
    table: "topic_rewards",
    key: ["topic_id", "block_height"],
    columns: [h("topic_id"), h("block_height"), dec("amount")],
    merge: insert,
  },
  reputer_stakes: {
    table: "reputer_stakes",
    key: ["topic_id", "reputer", "block_height"],
    columns: [h("topic_id"), text("reputer"), h("block_height"), amount("self_stake"), amount("delegated_stake")],
    merge: insert,
  },
  delegator_placements: {
    table: "delegator_placements",
    key: ["topic_id", "reputer", "delegator", "block_height"],
    // A history of reads; the latest row of a placement found gone later gets the closure (end_reason 'withdrawn').
    columns: [h("topic_id"), text("reputer"), text("delegator"), h("block_height"), dec("amount"), dec("reward_debt"), ...closure()],
    merge: insert,
  },
  reward_per_share: {
    table: "reward_per_share",
    key: ["topic_id", "reputer", "block_height"],
    columns: [h("topic_id"), text("reputer"), h("block_height"), dec("reward_per_share")],
    merge: insert,
  },
  stake_events: {
    table: "stake_events",
    key: ["block_height", "event_index"],
    columns: [h("block_height"), { name: "event_index", type: "int" }, text("kind"), h("topic_id"), text("reputer"), text("delegator"), dec("amount", true)],
    merge: insert,
  },
  stake_removals: {
    table: "stake_removals",
    key: ["topic_id", "reputer", "delegator", "requested_height"],
    columns: [
      h("topic_id"), text("reputer"), text("delegator"), h("requested_height"), amount("amount"), h("completion_height"),
      text("status"), h("cancelled_height", true), h("completed_height", true),
    ],
    // A removal only moves forward: pending → cancelled | completed | superseded, never back.
    merge: {
      kind: "custom",
      set: `status = CASE WHEN t.status = 'pending' THEN EXCLUDED.status ELSE t.status END,
        cancelled_height = COALESCE(t.cancelled_height, EXCLUDED.cancelled_height),
        completed_height = COALESCE(t.completed_height, EXCLUDED.completed_height)`,
    },
  },
  validators: {
    table: "validators",
    key: ["operator_address"],
    columns: [
      text("operator_address"), text("moniker"), text("identity"), text("website"), text("details"), text("status"), bool("jailed"),
      amount("tokens"), dec("delegator_shares"), dec("commission_rate"), dec("commission_max_rate", true), dec("commission_max_change_rate", true),
      { name: "commission_updated_at", type: "time", optional: true }, amount("min_self_delegation", true), h("updated_height"),
    ],
    merge: { kind: "latest", version: "updated_height" },
  },
  validator_history: {
    table: "validator_history",
    key: ["operator_address", "block_height"],
    columns: [text("operator_address"), h("block_height"), text("status"), bool("jailed"), amount("tokens"), dec("commission_rate")],
    merge: insert,
  },
  validator_delegations: {
    table: "validator_delegations",
    key: ["delegator", "operator_address"],
    // Closed with end_reason 'withdrawn' when a full state read no longer lists it.
    columns: [text("delegator"), text("operator_address"), dec("shares"), amount("amount"), h("updated_height"), ...closure()],
    merge: { kind: "latest", version: "updated_height", closable: true },
  },
  validator_unbondings: {
    table: "validator_unbondings",
    key: ["delegator", "operator_address", "creation_height"],
    columns: [
      text("delegator"), text("operator_address"), h("creation_height"), { name: "completion_time", type: "time" },
      amount("initial_balance"), amount("balance"), text("status"), h("updated_height"), ...closure(),
    ],
    // Closed when a full state read no longer lists it: 'completed' at or after completion_time, else 'cancelled'.
    merge: { kind: "latest", version: "updated_height", closable: true },
  },
  emission_snapshots: {
    table: "emission_snapshots",
    key: ["block_height"],
    columns: [
      h("block_height"), dec("inflation", true), amount("block_emission", true), amount("emission_per_month", true),
      amount("network_staked_tokens", true), amount("circulating_supply", true), dec("validators_percent", true),
      dec("reputers_percent", true), amount("ecosystem_mint", true), amount("max_supply", true),
      { name: "raw", type: "json", optional: true },
    ],
    merge: insert,
  },
  // The signal ledger: written once (a replay or a second publisher inserts nothing; a trigger refuses rewrites).
  // Scores arrive later as updates.signal_scores, the only change a signal ever takes.
  signals: {
    table: "signals",
    key: ["topic_id", "label", "strategy", "published_height"],
    columns: [
      h("topic_id"), text("label"), text("strategy"), h("published_height"), { name: "published_at", type: "time" }, text("direction"),
      dec("predicted_value"), dec("reference_value", true), { name: "horizon_seconds", type: "int" }, dec("expected_return_bps", true),
      dec("confidence", true), dec("size"), { name: "params", type: "json" }, { name: "inputs", type: "json" },
    ],
    merge: insert,
  },
  ground_truth: {
    table: "ground_truth",
    key: ["source", "series", "time"],
    columns: [text("source"), text("series"), { name: "time", type: "time" }, dec("value"), dec("high", true), dec("low", true)],
    merge: insert,
    networkScoped: false,
  },
  ...distributionTableSpecs,
} satisfies Record<string, TableSpec>;

export type TableName = keyof typeof tableSpecs;
export const tableNames = Object.keys(tableSpecs) as TableName[];

