import { expect, test } from "@playwright/test";

// The e2e server runs with no configuration: it follows Allora mainnet, which this machine cannot reach.
test.describe("mainnet unreachable", () => {
  test("health says the source is unreachable, every page says so, and no simulated data appears", async ({ page, request }) => {
    let health: Record<string, unknown> = {};
    await expect
      .poll(
        async () => {
          health = await (await request.get("/api/health")).json();
          return health.sourceReachable;
        },
        { timeout: 90_000, message: "the collector should report the unreachable source" },
      )
      .toBe(false);
    expect(health).toMatchObject({ db: "ok", network: "mainnet", chainId: "allora-mainnet-1", simulated: false, indexedHeight: null });
    expect(String((health.collector as { lastError?: string }).lastError)).not.toBe("");

    for (const path of ["/", "/topics", "/staking"]) {
      await page.goto(path);
      const banner = page.getByTestId("freshness-banner");
      await expect(banner).toContainText("Mainnet source is unreachable");
      await expect(banner).toContainText("Nothing is substituted");
      await expect(page.locator("body")).not.toContainText(/simulated devnet/i);
    }
  });
});
