// The REST state of one batch, read so that an uneven node never stalls the event stream, the primary record.
// A state the node cannot serve at the batch's height is read at the nearest height it can (the head) and stamped
// with that height; one it cannot serve at all (501 for a route the chain version lacks, 404 for an id) is left
// out and read again at the next state read. Each is reported as a notice (which, since when) for /api/health and
// the UI. Anything else — a malformed body, an outage — still fails the batch, which is retried as before.
import { AlloraHttpError, publicErrorMessage } from "@/lib/allora/http";
import type { LcdClient } from "@/lib/allora/lcd-client";
import { BatchBuilder } from "./batch-builder";
import type { Touched } from "./event-rows";
import { addPendingRewards, addSigningInfos } from "./distribution-state";
import { addEmissions, addStakes, addTopics, addValidators, listTopicIds } from "./state-rows";
import { inGroups } from "./in-groups";

export type StateNotice = {
  /** What is missing: "topic 3", "emissions", "validators", "validator rewards", "signing info", "stakes", "topics", "rpc batches" or "block headers". */
  state: string;
  /** missing: not served at all; pruned: read at a later height than the batch's; single_requests, block_calls: see detail. */
  kind: "missing" | "pruned" | "single_requests" | "block_calls";
  since: string;
  /** The height the stored state is really as of, when it was read at another height than the batch's. */
  as_of_height: string | null;
  detail: string;
};

const PRUNED = /height (\d+) is not available, lowest height is (\d+)/;

function unservable(error: unknown): { kind: "missing" | "pruned"; detail: string; lowest: bigint | null } | null {
  if (!(error instanceof AlloraHttpError) || error.status === null) return null;
  // Notices are public (/api/health): the host and status only, never a URL that may carry an API key.
  if (error.status === 501 || error.status === 404) return { kind: "missing", detail: publicErrorMessage(error), lowest: null };
  const pruned = PRUNED.exec(error.detail ?? error.message);
  return pruned ? { kind: "pruned", detail: pruned[0], lowest: BigInt(pruned[2]!) } : null;
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

  /** Pending rewards of the delegators the validators read listed, and signing info: each its own notice if missing. */
  function distributionReads(validators: Promise<BatchBuilder | null>, to: bigint, head: bigint): Promise<BatchBuilder | null>[] {
    const delegatorsOf = (sub: BatchBuilder) => [...new Set(sub.rowsOf("validator_delegations").map((r) => String(r.delegator)))];
    return [
      validators.then((sub) => (sub ? attempt("validator rewards", "validator rewards", to, head, into((s, h) => addPendingRewards(s, lcd, delegatorsOf(sub), h))) : null)),
      attempt("signing info", "signing info", to, head, into((sub, h) => addSigningInfos(sub, lcd, h))),
    ];
  }

  return {
    /** Adds the state the batch needs: touched topics and stakes, or everything when `full` (the x/distribution and
     *  x/slashing state only if `distribution` too). Answers the names of the topics it read, from which the
     *  ground-truth feed learns what to price. */
    async read(b: BatchBuilder, args: { touched: Touched; full: boolean; distribution: boolean; to: bigint; head: bigint }): Promise<string[]> {
      const { touched, full, distribution, to, head } = args;
      const listed = full ? await attempt("topics", "topics", to, head, (h) => listTopicIds(lcd, h)) : null;
      const ids = listed ?? [...touched.topics].map(BigInt);
      const parts: Promise<BatchBuilder | null>[] = [];
      const topics: (BatchBuilder | null)[] = [];
      const names: string[] = [];
      parts.push(
        inGroups(ids, 8, async (id) => {
          topics.push(await attempt(`topic ${id}`, "topics", to, head, into(async (sub, h) => void names.push(...(await addTopics(sub, lcd, [id], h))))));
        }).then(() => null),
      );
      parts.push(attempt("stakes", "stakes", to, head, into((sub, h) => addStakes(sub, lcd, touched, h))));
      if (full) {
        const validators = attempt("validators", "validators", to, head, into((sub, h) => addValidators(sub, lcd, h)));
        parts.push(validators, ...(distribution ? distributionReads(validators, to, head) : []));
        parts.push(attempt("emissions", "emissions", to, head, into((sub, h) => addEmissions(sub, lcd, h))));
      }
      const others = await Promise.all(parts);
      for (const sub of [...topics, ...others]) if (sub) b.absorb(sub, to);
      return names;
    },
    notices: (): StateNotice[] => [...notices.values()],
  };
}
