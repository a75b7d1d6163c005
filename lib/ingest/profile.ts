// INGEST_PROFILE=1: per-batch milliseconds of each step of the ingest route (parse, validate) and each statement of
// its transaction, summed by statement kind and printed as one stderr line per batch. Off by default; it only
// measures (the statements and their order are the same), so a backfill can show where the database time goes.
import { readFileSync } from "node:fs";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";

export type IngestProfile = {
  /** Adds `ms` under `label`. */
  add(label: string, ms: number): void;
  /** The transaction with every query and COPY timed under a label derived from its SQL. */
  wrap(tx: SqlTransaction): SqlTransaction;
  /** One stderr line: the total, then every label's ms and count, largest first. */
  print(batchId: string): void;
};

/** "verb table" of a statement, plus its opening words (rollups share a verb and table but not their CTE). */
export function statementLabel(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const m = /\b(INSERT INTO|(?<!(?:FOR|KEY) )UPDATE|DELETE FROM)\s+"?(\w+)/i.exec(t) ?? /\b(FROM)\s+"?(\w+)/i.exec(t);
  const head = t.slice(0, 14);
  return m ? `${m[1]!.split(" ")[0]!.toLowerCase()} ${m[2]}${/^WITH/i.test(t) ? ` [${head}]` : ""}` : head;
}

/** CPU ms (user + system) so far of a local Postgres backend, read from /proc; null elsewhere (PGlite, remote). */
function backendCpuMs(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("postgres")) return null;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function createIngestProfile(): IngestProfile {
  const totals = new Map<string, { ms: number; n: number }>();
  const started = performance.now();
  // The backend's own CPU over the transaction (the one statement profiling adds): the database's share of a batch.
  let backend: { pid: number; cpu: number } | null = null;
  const add = (label: string, ms: number) => {
    const x = totals.get(label) ?? { ms: 0, n: 0 };
    x.ms += ms;
    x.n += 1;
    totals.set(label, x);
  };
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await run();
    } finally {
      add(label, performance.now() - t);
    }
  };
  return {
    add,
    wrap: (tx) => {
      let first = true;
      const pidOnce = async () => {
        if (!first) return;
        first = false;
        const { rows } = await tx.query<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
        const cpu = rows[0] ? backendCpuMs(rows[0].pid) : null;
        if (cpu !== null) backend = { pid: rows[0]!.pid, cpu };
      };
      return {
        query: async <T>(sql: Prisma.Sql) => (await pidOnce(), timed(statementLabel(sql.text), () => tx.query<T>(sql))),
        copyRows: async (table, columns, data) => (await pidOnce(), timed(`copy ${table}`, () => tx.copyRows(table, columns, data))),
      };
    },
    print: (batchId) => {
      const parts = [...totals].sort((a, b) => b[1].ms - a[1].ms).map(([label, x]) => `${label} ${x.ms.toFixed(1)}×${x.n}`);
      const cpu = backend ? backendCpuMs(backend.pid) : null;
      const db = backend && cpu !== null ? ` · backend CPU ${cpu - backend.cpu} ms` : "";
      process.stderr.write(`ingest-profile ${batchId} total ${(performance.now() - started).toFixed(1)} ms${db} | ${parts.join(" | ")}\n`);
    },
  };
}
