// Endpoint URLs carrying a provider key (`?apikey=…`, or a key as the path prefix) reach the right routes with the
// key, and a failing source shows up in /api/health and the banner by host, status and reason class, never by URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { startCollector } from "@/lib/collector/collector";
import { freshnessProblem } from "@/components/layout/lag-banner";
import { getIndexStatus } from "@/lib/queries/status";
import { collectorTestOptions, TEST_INGEST_TOKEN } from "../../support/collector-options";
import { serveRoute } from "../../support/ingest-server";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";

const SECRET = "secret";
process.env.INGEST_TOKEN = TEST_INGEST_TOKEN;
process.env.ALLORA_NETWORK = "devnet";
const { POST } = await import("@/app/api/ingest/route");
const { GET: health } = await import("@/app/api/health/route");

let db: TestDatabase;
let devnet: Devnet;
let routeUrl: string;
const seen: URL[] = [];
const servers: { close(): Promise<void> }[] = [];

/** A pass-through in front of the devnet that notes every URL the collector asked for. */
async function recordingProxy(prefix: string) {
  const proxy = await serveRoute(async (request) => {
    const url = new URL(request.url);
    seen.push(url);
    const upstream = new URL(devnet.url);
    upstream.pathname = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || "/" : url.pathname;
    upstream.search = url.search;
    const res = await fetch(upstream, { headers: request.headers });
    return new Response(await res.arrayBuffer(), { status: res.status, headers: { "content-type": res.headers.get("content-type") ?? "application/json" } });
  });
  servers.push(proxy);
  return proxy.url.replace(/\/api\/ingest$/, "");
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  devnet = await startDevnet({ port: 0, blockTimeMs: 0, seed: 3, historyBlocks: 300 });
  const route = await serveRoute(POST);
  servers.push(route);
  routeUrl = route.url;
}, 120_000);
afterAll(async () => {
  for (const s of servers) await s.close();
  await devnet?.close();
  await db?.dispose();
});

describe(`provider keys in endpoint URLs (${describeTestDatabase()})`, () => {
  it("indexes through `?apikey=` and `/KEY/` URLs, and publishes no key when the source fails", { timeout: 240_000 }, async () => {
    const rpcBase = `${await recordingProxy("")}/?apikey=${SECRET}`;
    const lcdBase = `${await recordingProxy(`/${SECRET}`)}/${SECRET}/`;
    const options = collectorTestOptions(lcdBase, routeUrl);
    const rpcOptions = collectorTestOptions(rpcBase, routeUrl);
    const logs: string[] = [];
    const c = startCollector({ ...options, rpc: rpcOptions.rpc, groundTruth: undefined, network: { ...options.network, rpcUrl: rpcBase }, log: (m) => logs.push(m) });
    const deadline = Date.now() + 180_000;
    while ((c.status().indexedHeight ?? "0") !== "300" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(c.status().indexedHeight).toBe("300");
    expect(await db.prisma.block.count()).toBe(300);

    // Every request kept its key and went to a real route: RPC by query string, LCD by path prefix.
    const rpc = seen.filter((u) => !u.pathname.startsWith(`/${SECRET}/`));
    const lcd = seen.filter((u) => u.pathname.startsWith(`/${SECRET}/`));
    expect(new Set(rpc.map((u) => u.pathname))).toEqual(new Set(["/status", "/block", "/block_results"]));
    expect(rpc.every((u) => u.searchParams.get("apikey") === SECRET)).toBe(true);
    expect(rpc.filter((u) => u.pathname === "/block").every((u) => /^\d+$/.test(u.searchParams.get("height") ?? ""))).toBe(true);
    expect(lcd.length).toBeGreaterThan(10);
    expect(lcd.every((u) => /^\/secret\/(emissions|cosmos|mint)\//.test(u.pathname) && !u.search.includes("apikey"))).toBe(true);

    // The source fails: the collector backs off and reports why, by host and status only.
    devnet.setFaults({ errorRate: 1 });
    devnet.advance(50);
    const failing = Date.now() + 60_000;
    const stored = () => db.prisma.collectorState.findFirst();
    while (!((await stored())?.state === "backing_off" && (await stored())?.lastError) && Date.now() < failing) await new Promise((r) => setTimeout(r, 50));
    const healthText = await (await health()).text();
    const banner = freshnessProblem(await getIndexStatus()) ?? "";
    await c.stop();
    devnet.setFaults({ errorRate: 0 });

    const reported = (await db.prisma.collectorState.findFirst())?.lastError ?? "";
    expect(reported).toMatch(/^127\.0\.0\.1:\d+: HTTP 5\d\d after \d+ attempt\(s\)$/);
    for (const published of [healthText, banner, reported]) {
      expect(published).not.toContain(SECRET);
      expect(published).not.toContain("apikey");
    }
    expect(banner).toContain(reported);
    // The server log keeps the full detail.
    expect(logs.some((l) => l.includes(`apikey=${SECRET}`) || l.includes(`/${SECRET}/`))).toBe(true);
  });
});
