// Transactions the chain has included but the index may not have reached yet, kept in the browser (localStorage,
// per address) so the account page can say "included at block H, indexed up to I" instead of showing figures that
// silently lack it, and drop the note once the figures' own height has passed the transaction's.
// Reputer positions come from block events (so the indexed block height tells), validator positions from the
// collector's periodic state reads (so only the height of the last validator read tells).
export type PendingSystem = "reputer" | "validator";
export type PendingTx = { address: string; hash: string; height: string; system: PendingSystem; summary: string; at: string };
export type FigureHeights = Record<PendingSystem, string | null>;

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const keyOf = (address: string) => `allora.pending-tx.${address}`;

function isPending(value: unknown): value is PendingTx {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v.address === "string" && typeof v.hash === "string" && typeof v.height === "string" && /^\d+$/.test(v.height) && (v.system === "reputer" || v.system === "validator") && typeof v.summary === "string" && typeof v.at === "string";
}

export function readPending(storage: StorageLike, address: string): PendingTx[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(keyOf(address)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isPending).filter((p) => p.address === address) : [];
  } catch {
    return [];
  }
}

/** Adds (or replaces, by hash) one included transaction. */
export function addPending(storage: StorageLike, tx: PendingTx): void {
  const rest = readPending(storage, tx.address).filter((p) => p.hash !== tx.hash);
  storage.setItem(keyOf(tx.address), JSON.stringify([...rest, tx]));
}

export type Reconciled = { pending: PendingTx[]; indexed: PendingTx[] };

/**
 * Splits the records by the height their figures are as of: a transaction at height H is in them once they are as
 * of block H or later. An unknown height (nothing indexed or read yet) keeps its records pending.
 */
export function reconcilePending(records: PendingTx[], heights: FigureHeights): Reconciled {
  const inFigures = (r: PendingTx) => {
    const h = heights[r.system];
    return h !== null && BigInt(r.height) <= BigInt(h);
  };
  return { pending: records.filter((r) => !inFigures(r)), indexed: records.filter(inFigures) };
}

function write(storage: StorageLike, address: string, records: PendingTx[]): void {
  if (records.length === 0) storage.removeItem(keyOf(address));
  else storage.setItem(keyOf(address), JSON.stringify(records));
}

/** Removes one record (the person dismissed its note). */
export function dropPending(storage: StorageLike, address: string, hash: string): void {
  write(storage, address, readPending(storage, address).filter((p) => p.hash !== hash));
}

/** An indexed record is kept a while so the page can say it is now in the figures, then forgotten. */
export const INDEXED_NOTE_MS = 60 * 60 * 1000;

/** Forgets records that are indexed and older than INDEXED_NOTE_MS; pending ones stay whatever their age. */
export function prunePending(storage: StorageLike, address: string, heights: FigureHeights, nowMs: number): void {
  const { pending, indexed } = reconcilePending(readPending(storage, address), heights);
  const keep = indexed.filter((r) => nowMs - Date.parse(r.at) < INDEXED_NOTE_MS);
  if (keep.length !== indexed.length) write(storage, address, [...pending, ...keep]);
}

/** Dispatched on window when a record is added, so a page showing pending transactions re-reads them. */
export const PENDING_EVENT = "allora-pending-tx";
