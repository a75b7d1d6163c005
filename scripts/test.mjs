// `npm test`: unit and integration tests (Vitest), then end-to-end tests (Playwright, production build, Chromium),
// then one closing summary line over both runners. With DATABASE_URL set, integration tests create a database per
// test file next to it and each e2e server (empty, indexed) gets a fresh database of its own; without it, PGlite.
// Each phase prints its wall time, so a slow one shows.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";

mkdirSync("test-results", { recursive: true });
const vitestJson = "test-results/vitest.json";
const playwrightJson = "test-results/playwright.json";
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const baseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
console.log(`test: database for integration and e2e tests: ${baseUrl ? `Postgres (${new URL(baseUrl).host})` : "PGlite (embedded)"}`);

const run = (cmd, args, env = process.env) => {
  const started = Date.now();
  const status = spawnSync("npx", ["--no-install", cmd, ...args], { stdio: "inherit", env }).status;
  phases.push(`${cmd}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return status;
};
const phases = [];

const vitestStatus = run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);

async function withAdmin(fn) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let e2eEnv = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson };
const e2eDatabases = [];
if (baseUrl) {
  const suffix = randomBytes(4).toString("hex");
  const urlOf = (name) => Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  for (const name of [`allora_e2e_${suffix}`, `allora_e2e_indexed_${suffix}`]) {
    await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    e2eDatabases.push(name);
  }
  e2eEnv = { ...e2eEnv, DATABASE_URL: urlOf(e2eDatabases[0]), E2E_INDEXED_DATABASE_URL: urlOf(e2eDatabases[1]) };
}
const playwrightStatus = run("playwright", ["test", "--reporter=list,json"], e2eEnv);
for (const name of e2eDatabases) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
const v = read(vitestJson);
const p = read(playwrightJson);
const vitest = { passed: v?.numPassedTests ?? 0, failed: v ? v.numFailedTests : 1, skipped: v?.numPendingTests ?? 0 };
const e2e = {
  passed: (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0),
  failed: p ? p.stats.unexpected : 1,
  skipped: p?.stats?.skipped ?? 0,
};
const failedRun = vitestStatus !== 0 || playwrightStatus !== 0;
const failed = Math.max(vitest.failed + e2e.failed, failedRun ? 1 : 0);
console.log(`\nphases: ${phases.join(", ")}`);
console.log(`vitest (unit + integration): ${vitest.passed} passed, ${vitest.failed} failed, ${vitest.skipped} skipped`);
console.log(`playwright (e2e, Chromium): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`${vitest.passed + e2e.passed} passed, ${failed} failed, ${vitest.skipped + e2e.skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
