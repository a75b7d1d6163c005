// `COPY (query) TO STDOUT` on Postgres: the server renders an export (CSV) itself and the app only forwards bytes,
// with backpressure from the reader down to the socket. That is several times the throughput of decoding rows into
// objects and encoding them again, and the memory of one socket buffer.
import { PassThrough, type Readable } from "node:stream";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CopyOut = (sql: Prisma.Sql, options: string) => Readable;

const SETTING = (i: number) => `allora_export.p${i}`;

/**
 * COPY takes no bind parameters, so each value is handed to the server with `set_config` (bound, never spliced into
 * SQL text) and the query reads it back with `current_setting`: the text of the COPY holds no caller input at all.
 */
export function parameterizedCopy(sql: Prisma.Sql): { settings: string[]; text: string } {
  const settings: string[] = [];
  let text = sql.strings[0]!;
  sql.values.forEach((value, i) => {
    const literal = typeof value === "bigint" || typeof value === "number" ? String(value) : value instanceof Date ? value.toISOString() : String(value);
    settings.push(literal);
    // A JS number is an integer id or bound here; bigint keeps an int column's index usable (int4 = int8 is indexable).
    const read = `current_setting('${SETTING(i)}')${typeof value === "number" || typeof value === "bigint" ? "::bigint" : ""}`;
    text += read + sql.strings[i + 1]!;
  });
  return { settings, text };
}

export function postgresCopyOut(pool: pg.Pool): CopyOut {
  return (sql, options) => {
    const out = new PassThrough();
    void (async () => {
      let client: pg.PoolClient | undefined;
      let broken: Error | undefined;
      try {
        client = await pool.connect();
        const { settings, text } = parameterizedCopy(sql);
        await client.query("BEGIN READ ONLY");
        if (settings.length)
          await client.query(`SELECT ${settings.map((_, i) => `set_config('${SETTING(i)}', $${i + 1}, true)`).join(", ")}`, settings);
        const copy = client.query(copyTo(`COPY (${text}) TO STDOUT WITH (${options})`));
        // A reader that goes away destroys `out`; the COPY is then cut off and its connection discarded.
        out.once("close", () => {
          if (!copy.readableEnded) copy.destroy();
        });
        copy.once("error", (error) => {
          broken = error;
          out.destroy(error);
        });
        copy.pipe(out);
        await new Promise<void>((resolve) => {
          copy.once("end", resolve);
          copy.once("close", resolve);
        });
        if (copy.readableEnded) await client.query("COMMIT");
        else broken ??= new Error("export cut off before its end");
      } catch (error) {
        broken = error as Error;
        out.destroy(broken);
      } finally {
        client?.release(broken);
      }
    })();
    return out;
  };
}
