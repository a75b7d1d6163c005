// Builds the indexed fixture once per run: the indexed server's collector follows the e2e devnet from its first
// block, through the real ingest route, until it has caught up with the live head. The specs beside this file
// then read that database.
import { expect, test as setup } from "@playwright/test";
import { DEVNET_URL } from "../support/servers";

type Health = { indexedHeight: string | null; lagSeconds: number | null; collector: { state: string; lastError: string | null } | null };

setup("the collector indexes the devnet history through the ingest route and catches up", async ({ request }) => {
  const info = (await (await request.get(`${DEVNET_URL}/__devnet/info`)).json()) as { height: number };
  const started = Date.now();
  let health: Health | undefined;
  let lastPrint = 0;
  await expect
    .poll(
      async () => {
        health = (await (await request.get("/api/health")).json()) as Health;
        expect(health.collector?.state, `collector error: ${health.collector?.lastError}`).not.toBe("error");
        if (Date.now() - lastPrint > 15_000) {
          lastPrint = Date.now();
          console.log(`e2e fixture: indexed ${health.indexedHeight ?? "nothing"} of ${info.height}+ blocks`);
        }
        return Number(health.indexedHeight ?? 0) >= info.height && health.lagSeconds !== null && health.lagSeconds < 30;
      },
      { timeout: 14 * 60_000, intervals: [1_000], message: "the indexed server should catch up with the devnet" },
    )
    .toBe(true);
  console.log(`e2e fixture: ${health?.indexedHeight} blocks indexed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
