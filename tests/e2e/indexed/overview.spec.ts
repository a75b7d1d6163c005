// The overview, the topic directory and a worker page on the indexed devnet: data in place, view state in the URL,
// accessible at desktop and phone widths.
import { expect, test, type Page } from "@playwright/test";
import { VIEWPORTS } from "../support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

async function checkPage(page: Page, name: string, viewport: string) {
  await expectNoHorizontalOverflow(page);
  await saveScreenshot(page, `indexed-${name}-${viewport}`);
  await expectNoSeriousA11yViolations(page, `${page.url()} (indexed, ${viewport}px)`);
}

const rowsOf = (page: Page) => page.getByRole("region", { name: "Topics table" }).locator("tbody tr");

for (const viewport of VIEWPORTS) {
  test.describe(`overview and directory at ${viewport.label}px`, () => {
    test.use({ viewport: viewport.size });

    test("the overview shows every active topic with value, trend and edges, movers and tokenomics", async ({ page }) => {
      await page.goto("/");
      const topics = page.getByRole("list", { name: "Active topics" }).getByRole("listitem");
      // Six devnet topics, all active.
      await expect(topics).toHaveCount(6);
      const btc = topics.filter({ hasText: "BTC/USD - Log Returns - 8h" });
      await expect(btc.getByText("Network value")).toBeVisible();
      await expect(btc.getByText(/^-?[\d,]+\.\d+$/).first()).toBeVisible();
      await expect(btc.getByRole("img", { name: /Network value of topic 1 over the last 24 hours/ })).toBeVisible();
      await expect(btc.getByText(/^[+−]?\d+\.\d%$/)).toHaveCount(2);
      await expect(btc.getByText(/as of block [\d,]+/)).toBeVisible();
      // The SOL topic is created at block 25,921 of 27,648: no loss bundle yet.
      await expect(topics.filter({ hasText: "SOL/USD" }).getByText(/warming up/).first()).toBeVisible();

      await expect(page.getByRole("heading", { name: "Biggest movers, 24 h" })).toBeVisible();
      await expect(page.getByText(/[+−]\d+\.\dσ/).first()).toBeVisible();
      const tokenomics = page.getByRole("region", { name: "Tokenomics" });
      for (const label of ["Max supply", "Circulating supply", "Bonded share of circulating", "Inflation", "Emissions per month"])
        await expect(tokenomics.getByText(label, { exact: true })).toBeVisible();
      await expect(tokenomics.getByText(/as of block [\d,]+/).first()).toBeVisible();
      await expect(tokenomics.getByText(/^[\d,]+(\.\d+)?$/).first()).toBeVisible();
      await checkPage(page, "overview-topics", viewport.label);
    });

    test("the directory's search, filters and sort change the URL and the rows", async ({ page }) => {
      await page.goto("/topics");
      await expect(rowsOf(page)).toHaveCount(6);
      await page.getByRole("searchbox", { name: "Search", exact: true }).fill("ETH");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/[?&]q=ETH/);
      await expect(rowsOf(page)).toHaveCount(2);
      for (const row of await rowsOf(page).all()) await expect(row).toContainText("ETH/USD");

      await page.getByRole("searchbox", { name: "Search", exact: true }).fill("");
      await page.getByRole("combobox", { name: "Category" }).selectOption("log-return");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/category=log-return/);
      // BTC 8h, ETH 8h and the multi-horizon BTC topic.
      await expect(rowsOf(page)).toHaveCount(3);

      const header = page.getByRole("columnheader", { name: /vs best worker/ });
      await header.getByRole("link").click();
      await expect(page).toHaveURL(/sort=edge-best/);
      await expect(page).toHaveURL(/category=log-return/);
      await expect(page.getByRole("columnheader", { name: /vs best worker/ })).toHaveAttribute("aria-sort", "ascending");
      const ascending = await rowsOf(page).locator("td:first-child").allTextContents();
      await page.getByRole("columnheader", { name: /vs best worker/ }).getByRole("link").click();
      await expect(page).toHaveURL(/dir=desc/);
      await expect(page.getByRole("columnheader", { name: /vs best worker/ })).toHaveAttribute("aria-sort", "descending");
      await expect.poll(() => rowsOf(page).locator("td:first-child").allTextContents()).toEqual([...ascending].reverse());
      await checkPage(page, "topic-directory", viewport.label);

      await rowsOf(page).first().getByRole("link").click();
      await expect(page).toHaveURL(/\/topics\/\d+$/);
    });

    test("a worker page, reached from a topic's best worker, shows its topics and links to staking", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("link", { name: /best worker .* of topic 1$/ }).click();
      await expect(page).toHaveURL(/\/workers\/allo1[0-9a-z]+$/);
      await expect(page.getByRole("heading", { level: 1, name: "Worker" })).toBeVisible();
      const table = page.getByRole("region", { name: "Worker topics" });
      await expect(table.getByRole("link", { name: /BTC\/USD - Log Returns - 8h/ })).toBeVisible();
      await expect(table.getByText(/^\d+ of \d+$/).first()).toBeVisible();
      await expect(page.getByRole("img", { name: /EMA score of this worker/ }).first()).toBeVisible();
      await expect(page.getByRole("link", { name: "Delegate to reputers (staking)" })).toHaveAttribute("href", "/staking");
      await checkPage(page, "worker", viewport.label);
    });
  });
}

test("a malformed worker address is the not-found page, never a server error", async ({ page }) => {
  for (const address of ["nonsense", "allo1short", `allo1${"b".repeat(38)}`]) {
    const response = await page.goto(`/workers/${address}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
