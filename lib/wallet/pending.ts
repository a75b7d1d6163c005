// Transactions the chain has included but the index may not have reached yet, kept in the browser (localStorage,
// per address) so the account page can say "included at block H, indexed up to I" instead of showing figures that
// silently lack it, and drop the note once the indexer's height has passed the transaction's.
export type PendingTx = { address: string; hash: string; height: string; summary: string; at: string };

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const keyOf = (address: string) => `allora.pending-tx.${address}`;

function isPending(value: unknown): value is PendingTx {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v.address === "string" && typeof v.hash === "string" && typeof v.height === "string" && /^\d+$/.test(v.height) && typeof v.summary === "string" && typeof v.at === "string";
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
 * Splits the records by the indexed height: a transaction at height H is in the index once it holds block H.
 * Unknown indexed height (nothing indexed yet) keeps everything pending.
 */
export function reconcilePending(records: PendingTx[], indexedHeight: string | null): Reconciled {
  if (indexedHeight === null) return { pending: records, indexed: [] };
  const indexed = BigInt(indexedHeight);
  return {
    pending: records.filter((r) => BigInt(r.height) > indexed),
    indexed: records.filter((r) => BigInt(r.height) <= indexed),
  };
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
export function prunePending(storage: StorageLike, address: string, indexedHeight: string | null, nowMs: number): void {
  const { pending, indexed } = reconcilePending(readPending(storage, address), indexedHeight);
  const keep = indexed.filter((r) => nowMs - Date.parse(r.at) < INDEXED_NOTE_MS);
  if (keep.length !== indexed.length) write(storage, address, [...pending, ...keep]);
}

/** Dispatched on window when a record is added, so a page showing pending transactions re-reads them. */
export const PENDING_EVENT = "allora-pending-tx";
