// End-to-end tests run against the production build, on an empty database created fresh for each run.
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3107;
const baseURL = `http://127.0.0.1:${PORT}`;

// A new empty PGlite folder per run. The config is evaluated again in every worker process: the environment
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
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
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
      },
    },
  ],
  webServer: {
    command: `npx next build && npx next start -p ${PORT}`,
    // /api/health answers once the database is open and migrated, so tests start against a ready server.
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    // Merged over process.env by Playwright, so a DATABASE_URL set by the caller passes through unchanged
    // (and then takes precedence over PGlite in lib/db).
    env: {
      PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
