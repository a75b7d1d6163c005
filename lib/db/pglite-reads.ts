// PGlite is one connection: a page's reads queue behind whatever holds it, and an ingest transaction of a catch-up
// batch holds it for about a second. Three rules keep the pages fast while never showing them uncommitted state:
// - before an ingest transaction takes the connection, the reads already waiting go first (a quiet moment, capped so
//   ingestion never starves);
// - a read that was answered since the last commit (or is on its way) is answered again from memory, above all while
//   a transaction holds the connection: the committed state it was computed on is still the committed state, so the
//   answer is the one the database would give (reads of now() aside, so an answer is given for a few seconds only);
// - after it commits, the reads pages asked for in the last few seconds are run again, so that the next transaction
//   finds them answered too. Any other write (a Prisma write, a script) forgets every answer.
// Postgres needs none of this: its pages read on their own connections, beside the ingest transaction.
import type { Results } from "@electric-sql/pglite";
import type { PgliteConnection } from "./pglite-remote";
import { setTimeout as sleep } from "node:timers/promises";

type QueryArgs = Parameters<PgliteConnection["query"]>;

export type PgliteReads = {
  /** The database as the readers (Prisma) see it: the same instance, its reads counted and answered as above. */
  reader: PgliteConnection;
  /** Runs an ingest transaction under the rules above. */
  writing<T>(run: () => Promise<T>): Promise<T>;
  /** Reads answered from memory, run live, and run again after a commit, so far. */
  counts(): { remembered: number; live: number; refreshed: number };
};

export type PgliteReadsOptions = {
  /** How long reads must have been quiet before a transaction starts, and the longest it waits for that. */
  quietMs?: number;
  maxWaitMs?: number;
  /** A read asked within this long before a commit is run again after it. */
  recentMs?: number;
  /** An answer older than this is not given again (a read may depend on now()). */
  maxAgeMs?: number;
  /** At most this many reads are run again after a commit: the most recently asked. */
  maxRefresh?: number;
};

/** At most this many answers are kept, each of at most this many rows (an export's pages are not worth keeping). */
const MAX_ANSWERS = 256;
const MAX_ANSWER_ROWS = 2_000;

// A statement that can change anything, or take a lock, is never answered from memory and forgets every answer.
const READ = /^\s*(?:SELECT|WITH)\b/i;
const COMMENTS = /--[^\n]*|\/\*[\s\S]*?\*\//g;
const SIDE_EFFECT = /\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|nextval|setval|pg_advisory\w*|set_config|FOR\s+(?:NO\s+KEY\s+)?UPDATE|FOR\s+(?:KEY\s+)?SHARE)\b/i;

/** The key of a read whose answer may be given again, or null for a statement that may write. */
export function readKey(sql: string, params: unknown[] | undefined, options: unknown): string | null {
  const code = sql.replace(COMMENTS, " ");
  if (!READ.test(code) || SIDE_EFFECT.test(code)) return null;
  try {
    // Prisma passes its parsers (functions) in the options: the same for every read, so only the row mode counts.
    const mode = (options as { rowMode?: string } | undefined)?.rowMode ?? "object";
    return `${mode}\u0000${sql}\u0000${JSON.stringify(params ?? [], (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}`;
  } catch {
    return null;
  }
}

export function pgliteReads(lite: PgliteConnection, options: PgliteReadsOptions = {}): PgliteReads {
  const { quietMs = 25, maxWaitMs = 2_000, recentMs = 10_000, maxAgeMs = 5_000, maxRefresh = 64 } = options;
  let running = 0;
  let lastRead = 0;
  // Whether an ingest transaction holds the connection (they run one after another: `writing` below).
  let inTransaction = false;
  // Bumped by every commit and every other write: an answer is kept only if no write came between its read and it.
  let generation = 0;
  let answers = new Map<string, { result: Results<unknown>; at: number }>();
  const asked = new Map<string, { args: QueryArgs; at: number }>();
  const counts = { remembered: 0, live: 0, refreshed: 0 };

  const forget = () => {
    generation++;
    answers = new Map();
  };

  // Reads on their way to the connection, by key: an equal read asked meanwhile shares the answer.
  const inFlight = new Map<string, { generation: number; token: object; answer: Promise<Results<unknown>> }>();

  const live = (args: QueryArgs, key: string | null) => {
    // A read issued while a transaction runs executes after its commit: its answer belongs to no known generation.
    const before = inTransaction ? -1 : generation;
    const token = {};
    const answer = (async () => {
      running++;
      lastRead = performance.now();
      try {
        const result = await lite.query(...args);
        if (key === null) forget();
        else if (before === generation && result.rows.length <= MAX_ANSWER_ROWS) {
          answers.delete(key);
          answers.set(key, { result, at: performance.now() });
          if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
        }
        return result;
      } finally {
        running--;
        lastRead = performance.now();
        if (key !== null && inFlight.get(key)?.token === token) inFlight.delete(key);
      }
    })();
    if (key !== null && before !== -1) inFlight.set(key, { generation: before, token, answer });
    return answer;
  };

  const query = async (...args: QueryArgs) => {
    const key = readKey(args[0], args[1], args[2]);
    if (key !== null) {
      asked.delete(key);
      asked.set(key, { args, at: performance.now() });
      if (asked.size > MAX_ANSWERS) asked.delete(asked.keys().next().value!);
      // Answered since the last write: the database would answer the same (within maxAgeMs, for reads of now()).
      const answer = answers.get(key);
      if (answer && performance.now() - answer.at <= maxAgeMs) {
        counts.remembered++;
        return answer.result;
      }
      const pending = inFlight.get(key);
      if (pending && pending.generation === generation) {
        counts.remembered++;
        return pending.answer;
      }
    }
    counts.live++;
    return live(args, key);
  };

  const refresh = () => {
    const since = performance.now() - recentMs;
    for (const [key, { at }] of asked) if (at < since) asked.delete(key);
    // The most recently asked last in the map: keep the newest maxRefresh.
    const due = [...asked].slice(-maxRefresh);
    for (const [key, { args }] of due) {
      counts.refreshed++;
      // Queued on the connection now, before the next transaction's quiet moment ends. A failed read leaves no
      // answer: the page that asks again runs it and sees the error.
      live(args, key).catch(() => undefined);
    }
  };

  // Every method is called on the connection itself, never on the proxy (in-process, PGlite keeps private fields).
  const reader = new Proxy(lite, {
    get(target, property) {
      if (property === "query") return query;
      const value: unknown = Reflect.get(target, property, target);
      // Prisma's own transactions and scripts may write: afterwards no answer is trusted.
      if (property === "transaction" || property === "exec")
        return async (...args: unknown[]) => {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            forget();
          }
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });

  let lastWriting: Promise<void> = Promise.resolve();
  const quiet = async () => {
    const deadline = performance.now() + maxWaitMs;
    while (performance.now() < deadline && (running > 0 || performance.now() - lastRead < quietMs)) await sleep(5);
  };

  return {
    reader,
    async writing(run) {
      // One transaction after another, each behind the reads run again after the one before: a transaction queued
      // on the connection while another commits would otherwise go ahead of those reads, and pages would wait for it.
      const before = lastWriting;
      let done!: () => void;
      lastWriting = new Promise<void>((resolve) => (done = resolve));
      try {
        await before;
        await quiet();
        inTransaction = true;
        let committed = false;
        try {
          const result = await run();
          committed = true;
          return result;
        } finally {
          inTransaction = false;
          // A rolled-back transaction changed nothing: the answers stay true.
          if (committed) {
            forget();
            refresh();
          }
        }
      } finally {
        done();
      }
    },
    counts: () => ({ ...counts }),
  };
}
