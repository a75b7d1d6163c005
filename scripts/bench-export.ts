// `npm run bench:export`: streams 1,000,000 worker-inference rows as CSV from Postgres through the real
// GET /api/v1/[dataset] handler over HTTP, and prints rows per second and the process's peak memory growth
// (goal: ≥ 150,000 rows/s, < 64 MB). Uses DATABASE_URL (default: the local Postgres) and a scratch database it
// creates and drops. The benchmark dataset is filled by server-side COPY, not the ingest route: it measures the
// export path, and a million rows through ingestion would only make the run slower (bench:ingest measures that).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PER_BLOCK = 10;
const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `allora_bench_export_${process.env.BENCH_TAG ?? ""}${randomBytes(4).toString("hex")}`;
const scratchUrl = Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
process.env.DATABASE_URL = scratchUrl;
process.env.ALLORA_NETWORK = "devnet";
process.env.COLLECTOR_ENABLED = "false";
process.env.API_RATE_LIMIT = "1000000";
const { openDatabase } = await import("@/lib/db/client");
const { setDatabase } = await import("@/lib/db");
const db = await openDatabase({ kind: "postgres", url: scratchUrl });
setDatabase(db);

async function copy(client: pg.PoolClient | pg.Client, statement: string, lines: () => Generator<string>) {
  await pipeline(Readable.from(lines()), client.query(copyFrom(statement)));
}

try {
  const fill = new pg.Client({ connectionString: scratchUrl });
  await fill.connect();
  const [{ id }] = (await fill.query(`INSERT INTO networks (chain_id, name, kind, simulated) VALUES ('bench-devnet', 'Bench', 'devnet', true) RETURNING id`)).rows;
  const blocks = Math.ceil(ROWS / PER_BLOCK);
  const t = Date.UTC(2026, 10, 1);
  await copy(fill, "COPY blocks (network_id, height, time) FROM STDIN", function* () {
    for (let h = 1; h <= blocks; h++) yield `${id}\t${h}\t${new Date(t + h * 5000).toISOString()}\n`;
  });
  await copy(fill, "COPY worker_inferences (network_id, topic_id, nonce, inferer, label, value, block_height) FROM STDIN", function* () {
    let chunk = "";
    for (let i = 0; i < ROWS; i++) {
      const h = Math.floor(i / PER_BLOCK) + 1;
      chunk += `${id}\t${(i % 6) + 1}\t${h}\tallo1bench${String(i % PER_BLOCK).padStart(33, "0")}\ty\t${i % 2 ? "-" : ""}${i % 97}.${String(i).padStart(12, "7")}123456789012345678\t${h}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk;
  });
  await fill.query("ANALYZE");
  await fill.end();

  const { GET } = await import("@/app/api/v1/[dataset]/route");
  // The route handler behind a bare node:http server that streams its body, as Next.js does.
  const server = createServer((req, res) => {
    void (async () => {
      const response = await GET(new Request(new URL(req.url ?? "/", "http://127.0.0.1")), { params: Promise.resolve({ dataset: "worker_inferences" }) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (response.body) await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
      else res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/worker_inferences?format=csv`;

  const exportOnce = async () => {
    globalThis.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const res = await fetch(url);
    let newlines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    return { status: res.status, rows: newlines - 1, bytes, seconds, growth: (peak - base) / 2 ** 20 };
  };
  const warm = await fetch(`${url.replace("format=csv", "count=only")}`).then((r) => r.json());
  console.log(`dataset    : ${Number(warm.count).toLocaleString("en-US")} worker-inference rows in ${name} (filled by COPY)`);
  for (const label of ["run 1", "run 2"]) {
    const r = await exportOnce();
    if (r.status !== 200 || r.rows !== ROWS) throw new Error(`export answered ${r.status} with ${r.rows} rows, expected ${ROWS}`);
    console.log(
      `${label}      : ${Math.round(r.rows / r.seconds).toLocaleString("en-US")} rows/s (${r.rows.toLocaleString("en-US")} rows, ` +
        `${(r.bytes / 2 ** 20).toFixed(0)} MB of CSV in ${r.seconds.toFixed(2)} s); peak memory growth ${r.growth.toFixed(1)} MB ` +
        `(goal ≥ 150,000 rows/s, < 64 MB)`,
    );
  }
  server.close();
} finally {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
