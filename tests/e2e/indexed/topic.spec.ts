// The topic page on the indexed devnet: ranges, workers, leaderboard actors, labels of a multi-label topic, a topic
// still warming up, and an unknown topic; axe and screenshots at desktop and 375 px.
import { expect, test, type Page } from "@playwright/test";
import { VIEWPORTS } from "../support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

// The App Router changes the URL once the new page has rendered, and a whole topic page on the PGlite fixture takes
// several seconds to render on the shared machine.
test.use({ navigationTimeout: 60_000 });
expect.configure({ timeout: 30_000 });

// Devnet topics (lib/devnet/config.ts): 1 BTC log-return 8h, 5 the multi-label BTC log-return (20m, 1h, 4h),
// 6 SOL price 8h, created at day 1.5 of the fixture's 1.6 days.
const chartPoints = async (page: Page) => Number((await page.getByTestId("chart-points").textContent())!.replace(/,/g, ""));

test("switching ranges changes the URL and the number of points drawn", async ({ page }) => {
  await page.goto("/topics/1?range=1d");
  await expect(page.getByRole("heading", { level: 1, name: "BTC/USD - Log Returns - 8h" })).toBeVisible();
  await expect(page.getByRole("figure", { name: /^Forecast chart, \d+ points$/ })).toBeVisible();
  const day = await chartPoints(page);
  expect(day).toBeGreaterThan(100);
  expect(day).toBeLessThanOrEqual(1000);
  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "All" }).click();
  await expect(page).toHaveURL(/\/topics\/1\?range=all$/);
  await expect(page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => chartPoints(page)).not.toBe(day);
  expect(await chartPoints(page)).toBeLessThanOrEqual(1000);
  await expect(page.getByTestId("verdict")).toHaveText(/^The (network beat|best single worker)/);
});

test("plotting a worker from the leaderboard puts it in the URL and on the chart", async ({ page }) => {
  await page.goto("/topics/1?range=1d");
  const plot = page.getByRole("region", { name: "Inferers leaderboard" }).getByRole("link", { name: /^Plot / }).first();
  const label = (await plot.getAttribute("aria-label"))!.replace(/^Plot | on the chart$/g, "");
  await plot.click();
  await expect(page).toHaveURL(/workers=allo1/);
  await expect(page.locator(".recharts-legend-wrapper").first()).toContainText(label);
  await expect(page.getByRole("region", { name: "Inferers leaderboard" }).getByRole("link", { name: `Remove ${label} on the chart` })).toBeVisible();
});

test("a leaderboard actor links to its page", async ({ page }) => {
  await page.goto("/topics/1");
  const actor = page.getByRole("region", { name: "Reputers leaderboard" }).getByRole("link", { name: /^allo1/ }).first();
  await actor.click();
  await expect(page).toHaveURL(/\/reputers\/allo1[0-9a-z]+$/);
});

test("the multi-label topic has a label selector kept in the URL", async ({ page }) => {
  await page.goto("/topics/5");
  const labels = page.getByRole("navigation", { name: "Label" });
  await expect(labels.getByRole("link")).toHaveText(["20m", "1h", "4h"]);
  await labels.getByRole("link", { name: "4h" }).click();
  await expect(page).toHaveURL(/label=4h/);
  await expect(labels.getByRole("link", { name: "4h" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("horizon 4h")).toBeVisible();
});

test("a young topic says it is warming up instead of showing zeros", async ({ page }) => {
  await page.goto("/topics/6");
  await expect(page.getByRole("heading", { level: 1, name: "SOL/USD - Price Prediction - 8h" })).toBeVisible();
  await expect(page.getByTestId("verdict")).toHaveText(/^Warming up: \d+ of the 30 scored epochs/);
  await expect(page.locator("#calibration").getByText("Warming up.")).toBeVisible();
});

test("an unknown or malformed topic id gets the not-found page", async ({ page }) => {
  for (const id of ["9999", "abc", "99999999999999999999999"]) {
    const response = await page.goto(`/topics/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

for (const viewport of VIEWPORTS) {
  test.describe(`topic pages at ${viewport.label}px`, () => {
    test.use({ viewport: viewport.size });
    for (const [name, path] of [["topic-1", "/topics/1?range=7d"], ["topic-5-label-1h", "/topics/5?label=1h"], ["topic-6-warming-up", "/topics/6"]] as const) {
      test(`${name}: accessible, no horizontal overflow`, async ({ page }) => {
        expect((await page.goto(path))?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 2, name: "Forecast", exact: true })).toBeVisible();
        await expectNoHorizontalOverflow(page);
        await saveScreenshot(page, `indexed-${name}-${viewport.label}`);
        await expectNoSeriousA11yViolations(page, `${path} (indexed, ${viewport.label}px)`);
      });
    }
  });
}
