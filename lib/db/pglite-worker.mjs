// The embedded database on a thread of its own (started by lib/db/pglite-remote.ts): PGlite's WASM runs here, so the
// thread that renders pages and parses ingest batches never waits for a query to execute, only for its answer.
// Plain JavaScript: tests and scripts load it as it is, and Next's bundler emits it as a worker chunk of its own for
// the built app (it follows `new Worker(path)`); neither needs a TypeScript loader.
// Messages in: { id, op: "query" | "exec" | "begin" | "end" | "close", … }; out: { id, result } or { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, messages } from "@electric-sql/pglite";

/** A value left as Postgres wrote it: the caller's own parser for that type runs on the caller's thread. */
const raw = (value) => value;

function queryOptions(options) {
  if (!options) return undefined;
  const out = {};
  if (options.rowMode) out.rowMode = options.rowMode;
  if (options.paramTypes) out.paramTypes = options.paramTypes;
  if (options.raw?.length) out.parsers = Object.fromEntries(options.raw.map((type) => [type, raw]));
  if (options.blob) out.blob = new Blob([options.blob]);
  return out;
}

/** An error as plain data: its own fields (a DatabaseError's code, detail, constraint …) survive the crossing. */
function errorData(error) {
  // The file system under PGlite throws plain objects ({ name: "ErrnoError", errno }): say what they hold.
  if (!(error instanceof Error)) {
    const text = typeof error === "object" && error !== null ? (typeof error.message === "string" ? error.message : JSON.stringify(error)) : String(error);
    return { message: text, name: "Error", fields: {} };
  }
  const fields = {};
  for (const [key, value] of Object.entries(error))
    if (value === undefined || value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  return { message: error.message, name: error.name, stack: error.stack, database: error instanceof messages.DatabaseError, fields };
}

/** Only what can cross: rows, fields and the affected-row count (never a result's blob or functions). */
const resultData = ({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows });

const lite = new PGlite(workerData?.dataDir);
/** Open transactions by id: PGlite's handle, how to end it, and its outcome. */
const transactions = new Map();
let nextTransaction = 1;

/** Runs BEGIN and answers with the transaction's id once it holds the connection. */
function begin() {
  return new Promise((resolve, reject) => {
    const id = nextTransaction++;
    const entry = {};
    const ending = new Promise((settle) => (entry.end = settle));
    entry.done = lite
      .transaction(async (tx) => {
        entry.tx = tx;
        transactions.set(id, entry);
        resolve(id);
        // PGlite commits when this returns: the caller says commit or roll back.
        if (!(await ending)) await tx.rollback();
      })
      .finally(() => transactions.delete(id));
    // A failed BEGIN fails the request; a failed COMMIT is reported by "end".
    entry.done.catch(reject);
  });
}

async function handle(message) {
  const target = message.tx === undefined ? lite : transactions.get(message.tx)?.tx;
  if (message.tx !== undefined && !target) throw new Error(`transaction ${message.tx} is not open`);
  switch (message.op) {
    case "query":
      return resultData(await target.query(message.sql, message.params, queryOptions(message.options)));
    case "exec":
      return (await target.exec(message.sql)).map(resultData);
    case "begin":
      return begin();
    case "end": {
      // Known open: checked above with the other statements of a transaction.
      const open = transactions.get(message.tx);
      open.end(message.commit);
      await open.done;
      return null;
    }
    case "close":
      await lite.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

try {
  await lite.waitReady;
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: errorData(error) });
}

parentPort.on("message", (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: errorData(error) }),
  );
});
