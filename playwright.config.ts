// End-to-end tests run against the production build, in two projects sharing one build:
// - "empty": every section on an empty database (tests/e2e/*.spec.ts), the state a first start shows;
// - "indexed": read-only feature specs (tests/e2e/indexed/*.spec.ts) against a second server whose in-process
//   collector has indexed a short devnet history through the real ingest route into a database of its own. The
//   history is built once per run: "indexed-setup" waits until the collector has caught up, then every spec reads it.
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DEVNET_DAYS, E2E_PORTS } from "./tests/e2e/support/servers";

const url = (port: number) => `http://127.0.0.1:${port}`;

// New empty PGlite folders per run. The config is evaluated again in every worker process: the environment
// variable keeps one folder per run, and only the first evaluation removes the previous runs' folders (~40 MB each).
if (!process.env.E2E_PGLITE_DATA_DIR) {
  const resultsDir = path.resolve("test-results");
  if (existsSync(resultsDir)) {
    for (const entry of readdirSync(resultsDir)) {
      if (entry.startsWith("e2e-db-")) rmSync(path.join(resultsDir, entry), { recursive: true, force: true });
    }
  }
  process.env.E2E_PGLITE_DATA_DIR = path.join(resultsDir, `e2e-db-${Date.now()}`);
}

// Prefer the distribution's Chromium (no download needed offline); fall back to Playwright's own build.
const systemChromium = "/usr/bin/chromium";
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--no-sandbox",
      "--disable-gpu",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "empty", testIgnore: "indexed/**", use: { ...chromium, baseURL: url(E2E_PORTS.empty) } },
    {
      name: "indexed-setup",
      testMatch: "indexed/*.setup.ts",
      timeout: 15 * 60_000,
      use: { baseURL: url(E2E_PORTS.indexed) },
    },
    {
      name: "indexed",
      testMatch: "indexed/*.spec.ts",
      dependencies: ["indexed-setup"],
      use: { ...chromium, baseURL: url(E2E_PORTS.indexed) },
    },
  ],
  // Started in this order, each once its URL answers: the first builds the app, the others reuse the build.
  webServer: [
    {
      command: `npx next build && npx next start -p ${E2E_PORTS.empty}`,
      // /api/health answers once the database is open and migrated, so tests start against a ready server.
      url: `${url(E2E_PORTS.empty)}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
      // Merged over process.env by Playwright, so a DATABASE_URL set by the caller passes through unchanged
      // (and then takes precedence over PGlite in lib/db).
      env: { PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      command: `npx tsx scripts/devnet.ts --days ${E2E_DEVNET_DAYS} --port ${E2E_PORTS.devnet}`,
      url: `${url(E2E_PORTS.devnet)}/status`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `npx next start -p ${E2E_PORTS.indexed}`,
      url: `${url(E2E_PORTS.indexed)}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        // Its own database: the Postgres one scripts/test.mjs made for it, or else a PGlite folder beside the other.
        DATABASE_URL: process.env.E2E_INDEXED_DATABASE_URL ?? "",
        PGLITE_DATA_DIR: `${process.env.E2E_PGLITE_DATA_DIR}-indexed`,
        INGEST_TOKEN_FILE: `${process.env.E2E_PGLITE_DATA_DIR}-indexed-token`,
        ALLORA_NETWORK: "devnet",
        DEVNET_PORT: String(E2E_PORTS.devnet),
        PORT: String(E2E_PORTS.indexed),
        // The wallet specs sign validator transactions; their positions are read with the full state.
        COLLECTOR_STATE_EVERY_SECONDS: "10",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
