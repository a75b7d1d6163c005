import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresTestUrl, type TestDatabase } from "../support/test-db";

// Two app instances are two processes serving the real route on one database; each reads its limit from the env.
const LIMIT = 5;
const WINDOW = 10;

function startInstance(url: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", "tests/support/api-server-child.ts", url], {
    env: { ...process.env, ALLORA_NETWORK: "testnet", API_RATE_LIMIT: String(LIMIT), API_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (base) => resolve({ base, child }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!postgresTestUrl())("rate limits shared by two app processes (Postgres)", () => {
  let db: TestDatabase;
  let instances: { base: string; child: ChildProcess }[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    instances = await Promise.all([startInstance(db.url!), startInstance(db.url!)]);
  });
  afterAll(async () => {
    for (const { child } of instances) child.kill();
    await db.dispose();
  });

  const hit = (i: number, client = "198.51.100.7", headers: Record<string, string> = {}) =>
    fetch(`${instances[i % 2]!.base}/api/v1/topics?count=only`, { headers: { "x-forwarded-for": client, ...headers } });

  it("answers 429 with a correct Retry-After once the limit is used up across both instances", async () => {
    // LIMIT + 1 requests alternating between the instances, all inside one window: a run that a window boundary
    // splits (every answer names its window's reset time) is repeated with a fresh client.
    let answers: Response[] = [];
    let refused: Response | undefined;
    let client = "";
    for (let attempt = 0; attempt < 4 && !refused; attempt++) {
      client = `198.51.100.${attempt + 1}`;
      answers = [];
      for (let i = 0; i <= LIMIT; i++) answers.push(await hit(i, client));
      const windows = new Set(answers.map((r) => r.headers.get("x-ratelimit-reset")));
      if (windows.size === 1) refused = answers.pop();
    }
    expect(refused).toBeDefined();
    expect(answers.map((r) => r.status)).toEqual(Array(LIMIT).fill(200));
    expect(answers.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["4", "3", "2", "1", "0"]);
    expect(answers[0]!.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));

    expect(refused!.status).toBe(429);
    const body = await refused!.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain(`${LIMIT} requests per ${WINDOW} s`);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    expect(refused!.headers.get("ratelimit-remaining")).toBe("0");
    // Each instance served at most 3 of the 5: the limit is one, not one per process. Another client is unaffected.
    expect((await hit(0, "198.51.100.99")).status).toBe(200);

    // Retry-After is honest: once it has passed, the client is served again, by either instance.
    await sleep(retryAfter * 1000 + 50);
    const again = await hit(1, client);
    expect(again.status).toBe(200);
    expect(again.headers.get("ratelimit-remaining")).toBe(String(LIMIT - 1));
  });

  it("raises the limit for a key made by npm run api-key:create, and refuses an unknown key", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/api-key-create.ts", "--name", "analyst", "--limit", "12"], {
      env: { ...process.env, DATABASE_URL: db.url },
    });
    const key = stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^allo_/);
    const [stored] = await db.prisma.$queryRaw<{ key_hash: string }[]>`SELECT key_hash FROM api_keys`;
    // The secret follows "allo_<8-character id>_" and may itself contain "_" (base64url): slice, do not split.
    const secret = key.slice("allo_".length + 9);
    expect(secret).toHaveLength(43);
    expect(stored!.key_hash).not.toContain(secret);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await hit(i, "192.0.2.50", { authorization: `Bearer ${key}` });
      statuses.push(res.status);
      if (i === 0) expect(res.headers.get("ratelimit-limit")).toBe("12");
    }
    expect(statuses).toEqual(Array(LIMIT + 2).fill(200));
    const wrong = await hit(0, "192.0.2.50", { "x-api-key": `${key.slice(0, -2)}xx` });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("unauthorized");
  });
});
