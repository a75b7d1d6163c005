// Rows found by their natural key without a key string per row: a catch-up batch holds ~95,000 rows, and building,
// flattening and hashing one joined string each (then a Map of them) was the largest per-row cost of both the
// collector's batch builder and the route's duplicate check. Two keys are equal when every part is, read as text.
import { randomInt } from "node:crypto";

type Row = Readonly<Record<string, unknown>>;

/** A key part as text: a missing or null part is "\u0001", as no validated value can be. */
const partOf = (row: Row, name: string): string => {
  const v = row[name];
  return typeof v === "string" ? v : String(v ?? "\u0001");
};

// Seeded per process, so a batch cannot be crafted in advance to put every row under one hash (a quadratic walk).
const SEED = randomInt(2 ** 31);

/** FNV-1a over every part's characters, a 0 between parts; masked to 30 bits so V8 keeps it a small integer. */
export function hashOf(key: readonly string[], row: Row): number {
  let h = SEED;
  for (let p = 0; p < key.length; p++) {
    const s = partOf(row, key[p]!);
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}

function sameKey(key: readonly string[], a: Row, b: Row): boolean {
  for (let p = 0; p < key.length; p++) if (partOf(a, key[p]!) !== partOf(b, key[p]!)) return false;
  return true;
}

/** The rows of one table in insertion order, at most one per natural key. */
export class RowKeyIndex<R extends Row> {
  readonly rows: R[] = [];
  /** The last row stored under each hash; `previous` links it to the earlier ones with the same hash. */
  private readonly heads = new Map<number, number>();
  private readonly previous: number[] = [];

  constructor(private readonly key: readonly string[]) {}

  /** The position of the stored row whose key equals `row`'s, or -1. */
  indexOf(row: Row): number {
    return this.find(row, hashOf(this.key, row));
  }

  /** Stores `row` under its key: a new key is appended; `merge` decides what a known key's row becomes. */
  put(row: R, merge?: (stored: R, next: R) => R): number {
    const hash = hashOf(this.key, row);
    const at = this.find(row, hash);
    if (at >= 0) {
      this.rows[at] = merge ? merge(this.rows[at]!, row) : row;
      return at;
    }
    return this.append(row, hash);
  }

  /** Appends `row` unless its key is stored; returns the position of the row that holds the key first. */
  addFirst(row: R): number {
    const hash = hashOf(this.key, row);
    const at = this.find(row, hash);
    return at >= 0 ? at : this.append(row, hash);
  }

  private find(row: Row, hash: number): number {
    for (let i = this.heads.get(hash) ?? -1; i >= 0; i = this.previous[i]!) if (sameKey(this.key, this.rows[i]!, row)) return i;
    return -1;
  }

  private append(row: R, hash: number): number {
    const at = this.rows.length;
    this.rows.push(row);
    this.previous.push(this.heads.get(hash) ?? -1);
    this.heads.set(hash, at);
    return at;
  }
}
