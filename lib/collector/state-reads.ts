// The REST state of one batch, read so that an uneven node never stalls the event stream, the primary record.
// A state the node cannot serve at the batch's height is read at the nearest height it can (the head) and stamped
// with that height; one it cannot serve at all (501 for a route the chain version lacks, 404 for an id) is left
// out and read again at the next state read. Each is reported as a notice (which, since when) for /api/health and
// the UI. Anything else — a malformed body, an outage — still fails the batch, which is retried as before.
import { AlloraHttpError } from "@/lib/allora/http";
import type { LcdClient } from "@/lib/allora/lcd-client";
import { BatchBuilder } from "./batch-builder";
import type { Touched } from "./event-rows";
import { addEmissions, addStakes, addTopics, addValidators, listTopicIds } from "./state-rows";

export type StateNotice = {
  /** What is missing: "topic 3", "emissions", "validators", "stakes", "topics", or "rpc batches". */
  state: string;
  /** missing: not served at all; pruned: read at a later height than the batch's; single_requests: see detail. */
  kind: "missing" | "pruned" | "single_requests";
  since: string;
  /** The height the stored state is really as of, when it was read at another height than the batch's. */
  as_of_height: string | null;
  detail: string;
};

const PRUNED = /height (\d+) is not available, lowest height is (\d+)/;

function unservable(error: unknown): { kind: "missing" | "pruned"; detail: string; lowest: bigint | null } | null {
  if (!(error instanceof AlloraHttpError) || error.status === null) return null;
  if (error.status === 501 || error.status === 404) return { kind: "missing", detail: error.message, lowest: null };
  const pruned = PRUNED.exec(error.detail ?? error.message);
  return pruned ? { kind: "pruned", detail: pruned[0], lowest: BigInt(pruned[2]!) } : null;
}

async function inGroups<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export function createStateReader(lcd: LcdClient, log: (message: string) => void) {
  const notices = new Map<string, StateNotice>();
  // The lowest height the node served state at when it last refused one: below it, read at the head at once.
  let lowest: bigint | null = null;

  function note(key: string, notice: Omit<StateNotice, "since">): void {
    const previous = notices.get(key);
    if (!previous || previous.kind !== notice.kind) log(`collector: ${key} state ${notice.kind}: ${notice.detail}`);
    notices.set(key, { ...notice, since: previous?.kind === notice.kind ? previous.since : new Date().toISOString() });
  }

  /** One state read at `to`, or at `head` when the node has pruned `to`; null when the node cannot serve it. */
  async function attempt<T>(key: string, group: string, to: bigint, head: bigint, read: (height: bigint) => Promise<T>): Promise<T | null> {
    let height = lowest !== null && to < lowest ? head : to;
    for (;;) {
      try {
        const value = await read(height);
        if (notices.get(key)?.kind === "missing") notices.delete(key);
        if (height === to) notices.delete(group);
        else note(group, { state: group, kind: "pruned", as_of_height: String(height), detail: `historical state below height ${lowest} is pruned; read at ${height}` });
        return value;
      } catch (error) {
        const why = unservable(error);
        if (!why) throw error;
        if (why.kind === "pruned" && height !== head) {
          lowest = why.lowest;
          height = head;
          continue;
        }
        note(key, { state: key, kind: "missing", as_of_height: null, detail: why.detail });
        return null;
      }
    }
  }

  const into = (fill: (sub: BatchBuilder, height: bigint) => Promise<void>) => async (height: bigint) => {
    const sub = new BatchBuilder();
    await fill(sub, height);
    return sub;
  };

  return {
    /** Adds the state the batch needs: touched topics and stakes, or everything when `full`. */
    async read(b: BatchBuilder, args: { touched: Touched; full: boolean; to: bigint; head: bigint }): Promise<void> {
      const { touched, full, to, head } = args;
      const listed = full ? await attempt("topics", "topics", to, head, (h) => listTopicIds(lcd, h)) : null;
      const ids = listed ?? [...touched.topics].map(BigInt);
      const parts: Promise<BatchBuilder | null>[] = [];
      const topics: (BatchBuilder | null)[] = [];
      parts.push(
        inGroups(ids, 8, async (id) => {
          topics.push(await attempt(`topic ${id}`, "topics", to, head, into((sub, h) => addTopics(sub, lcd, [id], h))));
        }).then(() => null),
      );
      parts.push(attempt("stakes", "stakes", to, head, into((sub, h) => addStakes(sub, lcd, touched, h))));
      if (full) {
        parts.push(attempt("validators", "validators", to, head, into((sub, h) => addValidators(sub, lcd, h))));
        parts.push(attempt("emissions", "emissions", to, head, into((sub, h) => addEmissions(sub, lcd, h))));
      }
      const others = await Promise.all(parts);
      for (const sub of [...topics, ...others]) if (sub) b.absorb(sub);
    },
    notices: (): StateNotice[] => [...notices.values()],
  };
}
