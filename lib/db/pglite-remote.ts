// The embedded database on its own thread (lib/db/pglite-worker.mjs), seen from the app's thread as PGlite's query,
// exec, transaction and close. On one thread, PGlite's WASM, the ingest route's parsing and every page's rendering
// took turns: a catch-up batch's transaction held that thread for a second at a time. With the database on a worker
// thread, the OS runs the two on the two cores; the app's thread only sends statements and reads answers.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

/** What the app uses of PGlite: the in-process instance and the worker-backed one both have it. */
export type PgliteConnection = Pick<PGlite, "query" | "exec" | "transaction" | "close">;

type ErrorData = { message: string; name: string; stack?: string; database?: boolean; fields: Record<string, unknown> };
type Reply = { id: number; result?: unknown; error?: ErrorData };
type RemoteQueryOptions = { rowMode?: QueryOptions["rowMode"]; paramTypes?: number[]; raw?: number[]; blob?: Uint8Array };

/** The error the worker sent, as the class PGlite itself throws: a DatabaseError keeps its code and detail, so the
 *  Prisma adapter maps a unique violation, a foreign key or a timeout exactly as before. */
function errorFrom(data: ErrorData): Error {
  const error = data.database ? new messages.DatabaseError(data.message, 0, "error") : new Error(data.message);
  Object.assign(error, data.fields);
  Object.defineProperty(error, "name", { value: data.name, configurable: true, writable: true });
  // The worker's stack says where PGlite failed; the caller's own stack follows it in the message's trace.
  if (data.stack) error.stack = `${data.stack}\n    --- the embedded database's thread answered ---\n${new Error().stack?.split("\n").slice(1).join("\n") ?? ""}`;
  return error;
}

/** Applies the caller's own parsers (functions cannot cross threads) to the values the worker left raw. */
function parsed<T>(result: Results<T>, options: QueryOptions | undefined): Results<T> {
  const parsers = options?.parsers;
  if (!parsers) return result;
  const arrays = options?.rowMode === "array";
  result.fields.forEach((field, index) => {
    // PGlite calls a parser with the value and its type id; so does this.
    const parse = parsers[field.dataTypeID] as ((value: string, type: number) => unknown) | undefined;
    if (!parse) return;
    const key = arrays ? index : field.name;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const value = row[key];
      if (value !== null && value !== undefined) row[key] = parse(value as string, field.dataTypeID);
    }
  });
  return result;
}

async function remoteOptions(options: QueryOptions | undefined): Promise<RemoteQueryOptions | undefined> {
  if (!options) return undefined;
  if (options.serializers || options.onNotice) throw new Error("the embedded database's thread takes no serializers or onNotice callbacks");
  return {
    rowMode: options.rowMode,
    paramTypes: options.paramTypes,
    raw: options.parsers ? Object.keys(options.parsers).map(Number) : undefined,
    blob: options.blob ? new Uint8Array(await options.blob.arrayBuffer()) : undefined,
  };
}

const WORKER = path.join(process.cwd(), "lib", "db", "pglite-worker.mjs");

/** Starts the worker, opens the database in `dataDir` (in memory without one) and resolves once it is ready. */
export async function openPgliteWorker(dataDir?: string): Promise<PgliteConnection> {
  const worker = new Worker(WORKER, { workerData: { dataDir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  // The worker keeps the process alive only while it owes an answer (a script that has closed its database exits).
  const hold = () => (pending.size > 0 ? worker.ref() : worker.unref());

  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", (message: { ready: boolean; error?: ErrorData }) => (message.ready ? resolve() : reject(errorFrom(message.error!))));
    worker.once("error", reject);
  });
  worker.on("message", (message: Reply | { ready: boolean }) => {
    if (!("id" in message)) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    hold();
    if (message.error) waiting?.reject(errorFrom(message.error));
    else waiting?.resolve(message.result);
  });
  const fail = (error: Error) => {
    stopped ??= error;
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  };
  worker.on("error", (error) => fail(new Error(`the embedded database's thread failed: ${error.message}`, { cause: error })));
  worker.on("exit", (code) => fail(new Error(`the embedded database's thread has stopped (exit code ${code})`)));

  const call = <T>(message: Record<string, unknown>, transfer: Transferable[] = []): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      hold();
      worker.postMessage({ ...message, id }, transfer as never);
    });
  };

  const query = async <T>(tx: number | undefined, sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const remote = await remoteOptions(options);
    const result = await call<Results<T>>({ op: "query", tx, sql, params, options: remote }, remote?.blob ? [remote.blob.buffer] : []);
    return parsed(result, options);
  };
  const exec = (tx: number | undefined, sql: string) => call<Results[]>({ op: "exec", tx, sql });

  try {
    await ready;
  } catch (error) {
    // A database that cannot open (a locked or damaged folder) leaves no thread behind keeping the process alive.
    await worker.terminate();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not open the embedded database${dataDir ? ` in ${dataDir}` : ""}: ${reason}`, { cause: error });
  }
  hold();
  const connection = {
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions) => query<T>(undefined, sql, params, options),
    exec: (sql: string) => exec(undefined, sql),
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: "begin" });
      let closed = false;
      const open = () => {
        if (closed) throw new Error("Transaction is closed");
      };
      const tx = {
        query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (open(), query<R>(id, sql, params, options)),
        exec: async (sql: string) => (open(), exec(id, sql)),
        sql: () => Promise.reject(new Error("tagged-template queries are not sent to the embedded database's thread")),
        listen: () => Promise.reject(new Error("LISTEN is not sent to the embedded database's thread")),
        // As PGlite's own: nothing more runs in it, and it ends rolled back.
        rollback: async () => {
          closed = true;
        },
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        closed = true;
        // The work's own error is the one to report, whether or not the rollback could still be sent.
        await call({ op: "end", tx: id, commit: false }).catch(() => undefined);
        throw error;
      }
      const commit = !closed;
      closed = true;
      await call({ op: "end", tx: id, commit });
      return result;
    },
    async close() {
      if (!stopped) await call({ op: "close" });
      await worker.terminate();
    },
  };
  return connection as unknown as PgliteConnection;
}
