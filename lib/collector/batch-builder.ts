// Accumulates rows for one ingest batch, keyed by each table's natural key, so a batch never repeats a key
// (the ingest route refuses that) and facts seen twice in a range merge instead of colliding.
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { RowKeyIndex } from "@/lib/ingest/row-keys";
import { tableNames, tableSpecs, type TableName } from "@/lib/ingest/tables";
import { RewardSums } from "./distribution-rows";

type Row = Record<string, unknown>;
type Updates = NonNullable<IngestBatch["updates"]>;

const mergers: Partial<Record<TableName, (prev: Row, next: Row) => Row>> = {
  actors: (a, b) => ({
    ...a,
    owner: b.owner ?? a.owner ?? null,
    is_worker: Boolean(a.is_worker || b.is_worker),
    is_reputer: Boolean(a.is_reputer || b.is_reputer),
    is_delegator: Boolean(a.is_delegator || b.is_delegator),
    is_validator: Boolean(a.is_validator || b.is_validator),
    first_seen_height: minHeight(a.first_seen_height, b.first_seen_height),
    last_seen_height: maxHeight(a.last_seen_height, b.last_seen_height),
  }),
  topic_labels: (a, b) => ({ ...a, label_id: a.label_id ?? b.label_id ?? null, first_seen_height: minHeight(a.first_seen_height, b.first_seen_height) }),
  inference_weights: (a, b) => ({ ...a, weight: b.weight ?? a.weight ?? null, regret: b.regret ?? a.regret ?? null }),
};

function minHeight(a: unknown, b: unknown): string {
  return BigInt(String(a)) <= BigInt(String(b)) ? String(a) : String(b);
}
function maxHeight(a: unknown, b: unknown): string {
  return BigInt(String(a)) >= BigInt(String(b)) ? String(a) : String(b);
}

export class BatchBuilder {
  private readonly tables = new Map<TableName, RowKeyIndex<Row>>();
  private readonly removalUpdates: NonNullable<Updates["stake_removals"]> = [];
  private readonly registrationEnds: NonNullable<Updates["registrations"]> = [];
  private readonly placementEnds: NonNullable<Updates["placement_ends"]> = [];
  private fullStateHeight: bigint | null = null;
  /** The validator_rewards rows, summed apart from the other tables (see RewardSums). */
  readonly validatorRewards = new RewardSums();

  add(table: TableName, row: Row): void {
    // The route's own notion of a repeated key, so what merges here is exactly what it would refuse.
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new RowKeyIndex(tableSpecs[table].key)));
    rows.put(row, mergers[table]);
  }

  actor(address: string, height: bigint, role: "worker" | "reputer" | "delegator" | "validator", owner?: string | null): void {
    if (!address) return;
    this.add("actors", {
      address,
      owner: owner || null,
      is_worker: role === "worker",
      is_reputer: role === "reputer",
      is_delegator: role === "delegator",
      is_validator: role === "validator",
      first_seen_height: String(height),
      last_seen_height: String(height),
    });
  }

  /**
   * Takes every row of another builder (state read on its own, so a failed read leaves no partial rows here). Its
   * full-state claim comes along only if it was read at a block of this batch (`batchTo`): state read at the head
   * of a pruned node cannot close this batch's positions.
   */
  absorb(other: BatchBuilder, batchTo: bigint): void {
    for (const [table, rows] of other.tables) for (const row of rows.rows) this.add(table, row);
    this.validatorRewards.merge(other.validatorRewards);
    for (const u of other.removalUpdates) this.removalUpdates.push(u);
    for (const u of other.registrationEnds) this.registrationEnds.push(u);
    for (const u of other.placementEnds) this.placementEnds.push(u);
    if (other.fullStateHeight !== null && other.fullStateHeight === batchTo) this.fullStateHeight = other.fullStateHeight;
  }

  removalUpdate(update: NonNullable<Updates["stake_removals"]>[number]): void {
    this.removalUpdates.push(update);
  }

  registrationEnd(update: NonNullable<Updates["registrations"]>[number]): void {
    this.registrationEnds.push(update);
  }

  placementEnd(update: NonNullable<Updates["placement_ends"]>[number]): void {
    this.placementEnds.push(update);
  }

  /** Declares this batch's delegations and unbondings the complete live sets as of `height` (a block in the batch). */
  fullState(height: bigint): void {
    this.fullStateHeight = height;
  }

  /** The rows gathered for one table so far. */
  rowsOf(table: TableName): Row[] {
    return table === "validator_rewards" ? this.validatorRewards.rows() : [...(this.tables.get(table)?.rows ?? [])];
  }

  count(table: TableName): number {
    return table === "validator_rewards" ? this.validatorRewards.size : (this.tables.get(table)?.rows.length ?? 0);
  }

  get size(): number {
    let n = this.removalUpdates.length + this.registrationEnds.length + this.placementEnds.length + this.validatorRewards.size;
    for (const rows of this.tables.values()) n += rows.rows.length;
    return n;
  }

  build(): { rows: IngestBatch["rows"]; updates?: IngestBatch["updates"] } {
    const rows: Record<string, Row[]> = {};
    for (const name of tableNames) if (this.count(name)) rows[name] = this.rowsOf(name);
    const updates: Updates = {};
    if (this.removalUpdates.length) updates.stake_removals = [...this.removalUpdates];
    if (this.registrationEnds.length) updates.registrations = [...this.registrationEnds];
    if (this.placementEnds.length) updates.placement_ends = [...this.placementEnds];
    if (this.fullStateHeight !== null) {
      const height = String(this.fullStateHeight);
      // The closure tells a completed unbonding from a cancelled one by the block time of the read.
      const blocks = this.tables.get("blocks");
      const time = blocks?.rows[blocks.indexOf({ height })]?.time;
      if (typeof time !== "string") throw new Error(`full state read at ${height}, a height outside the batch`);
      updates.full_state = { height, time };
    }
    return { rows: rows as IngestBatch["rows"], ...(Object.keys(updates).length ? { updates } : {}) };
  }
}
