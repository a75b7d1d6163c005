// PGlite is one connection: a page's reads queue behind whatever holds it. While the collector catches up, ingest
// transactions arrive back to back, so each one first waits for a quiet moment in the reads (capped, so ingestion
// never starves) and a page waits for at most the one transaction already running, not for a queue of them.
import type { PGlite } from "@electric-sql/pglite";
import { setTimeout as sleep } from "node:timers/promises";

export type ReadsFirst = {
  /** The database as the readers (Prisma) see it: the same instance, its queries counted. */
  reader: PGlite;
  /** Resolves once no read is running and none ran for `quietMs`, or after `maxWaitMs`. */
  quiet(): Promise<void>;
};

export function readsFirst(lite: PGlite, { quietMs = 25, maxWaitMs = 2_000 } = {}): ReadsFirst {
  let running = 0;
  let lastRead = 0;
  const counted = async (query: PGlite["query"], args: Parameters<PGlite["query"]>) => {
    running++;
    lastRead = performance.now();
    try {
      return await query.apply(lite, args);
    } finally {
      running--;
      lastRead = performance.now();
    }
  };
  // PGlite keeps private fields, so every method is called on the instance itself, never on the proxy.
  const reader = new Proxy(lite, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === "query") return (...args: Parameters<PGlite["query"]>) => counted(target.query, args);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    reader,
    async quiet() {
      const deadline = performance.now() + maxWaitMs;
      while (performance.now() < deadline && (running > 0 || performance.now() - lastRead < quietMs)) await sleep(5);
    },
  };
}
