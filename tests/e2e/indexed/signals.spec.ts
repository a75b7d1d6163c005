// Trading signals on the indexed devnet: the board lists the demo topics' signals from the live ledger, and a
// topic's page re-runs its backtest from URL parameters beside the live record.
import { expect, test, type Page } from "@playwright/test";
import { VIEWPORTS } from "../support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

test.describe.configure({ timeout: 150_000 });

// The publisher posts a few seconds after the collector catches up: wait for the ledger rather than racing it.
async function openBoard(page: Page, path = "/signals") {
  await expect
    .poll(async () => {
      await page.goto(path);
      return page.getByTestId("signal-row").count();
    }, { timeout: 90_000, intervals: [2_000] })
    .toBeGreaterThan(0);
}

test("the board lists current signals for the demo price and log-return topics, filterable in the URL", async ({ page }) => {
  await openBoard(page);
  const board = page.getByRole("region", { name: "Current signals" });
  // Topics 1 and 2 (log-return 8h), 3 (ETH price 8h) and 5 (multi-horizon) trade; 4 is volatility: it only sizes.
  for (const topic of ["1", "2", "3", "5"]) await expect(board.getByRole("link", { name: `Topic ${topic}`, exact: true }).first()).toBeVisible();
  await expect(board.getByRole("link", { name: "Topic 4", exact: true })).toHaveCount(0);
  await expect(board.getByRole("row").nth(1)).toContainText(/long|short|flat/);
  await expect(board.getByRole("row").nth(1)).toContainText(/block [\d,]+/);

  await page.getByLabel("Asset").selectOption("ETH");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/asset=ETH/);
  const assets = await page.getByTestId("signal-row").locator("td:nth-child(2)").allTextContents();
  expect(assets.length).toBeGreaterThan(0);
  expect(new Set(assets)).toEqual(new Set(["ETH"]));
});

for (const viewport of VIEWPORTS) {
  test(`board and topic page at ${viewport.label}px: screenshots and axe`, async ({ page }) => {
    await page.setViewportSize(viewport.size);
    await openBoard(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, `signals-board-${viewport.label}`);
    await expectNoSeriousA11yViolations(page, `/signals (${viewport.label}px)`);
    await page.goto("/signals/1");
    await expect(page.getByTestId("equity-chart").locator(".recharts-line").first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, `signals-topic-1-${viewport.label}`);
    await expectNoSeriousA11yViolations(page, `/signals/1 (${viewport.label}px)`);
  });
}

test("on a topic's page, changing the fee changes the equity curve and the URL", async ({ page }) => {
  await openBoard(page);
  await page.goto("/signals/1?threshold=5");
  const chart = page.getByTestId("equity-chart");
  const line = chart.locator(".recharts-line path").first();
  await expect(line).toBeVisible();
  const before = { equity: await chart.getAttribute("data-last-equity"), path: await line.getAttribute("d") };
  const trades = await page.locator('[data-metric="Trades"]').textContent();
  expect(Number(trades)).toBeGreaterThan(0);

  await page.getByLabel("Fee (bps)").fill("60");
  // Timed inside the page, from the form's submit to the first frame painted after the chart took its new data,
  // so that the test runner's polling interval is not part of the figure.
  const rerender = chart.evaluate(
    (figure) =>
      new Promise<number>((resolve) => {
        let submitted = 0;
        figure.ownerDocument.addEventListener("submit", () => (submitted = performance.now()), { capture: true, once: true });
        new MutationObserver((_, observer) => {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - submitted)));
        }).observe(figure, { attributes: true, attributeFilter: ["data-last-equity"] });
      }),
  );
  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page).toHaveURL(/fee_bps=60/);
  await expect(chart).not.toHaveAttribute("data-last-equity", before.equity ?? "");
  await expect(line).toBeVisible();
  console.log(`signals e2e: parameter change re-rendered the topic page in ${Math.round(await rerender)} ms (submit to the next painted frame; goal < 300 ms)`);
  expect(await line.getAttribute("d")).not.toEqual(before.path);
  // Higher costs on the same trades can only lower the final equity.
  expect(Number(await chart.getAttribute("data-last-equity"))).toBeLessThan(Number(before.equity));
  await expect(page.getByLabel("Fee (bps)")).toHaveValue("60");

  // The URL is the state: back shows the previous parameters and their curve again, a reload keeps the new ones.
  await page.goBack();
  await expect(page).not.toHaveURL(/fee_bps=60/);
  await expect(chart).toHaveAttribute("data-last-equity", before.equity ?? "");
  await expect(page.getByLabel("Fee (bps)")).not.toHaveValue("60");
  await page.goForward();
  await expect(chart).not.toHaveAttribute("data-last-equity", before.equity ?? "");
  await page.reload();
  await expect(page.getByLabel("Fee (bps)")).toHaveValue("60");
});

test("the live-vs-backtest panel shows the live ledger beside the backtest over the same period", async ({ page }) => {
  await openBoard(page);
  await page.goto("/signals/1");
  const panel = page.getByTestId("live-vs-backtest");
  await expect(panel.getByTestId("column-live")).toContainText("Live ledger");
  await expect(panel.getByTestId("column-backtest-ledger")).toContainText("Backtest, ledger rule");
  const signals = panel.getByRole("row", { name: /^Signals/ }).getByRole("cell");
  const [live, backtest] = [Number(await signals.nth(1).textContent()), Number(await signals.nth(2).textContent())];
  expect(live).toBeGreaterThan(0);
  expect(backtest).toBeGreaterThan(0);
  await expect(panel.getByRole("row", { name: /^Hit rate/ }).getByRole("cell").nth(1)).toHaveText(/\d+%|—/);
  await expect(page.getByTestId("not-advice")).toContainText("Not financial advice");
  await expect(page.getByRole("heading", { name: "Accuracy by volatility regime" })).toBeVisible();
});

test("an unknown topic shows the not-found page", async ({ page }) => {
  const response = await page.goto("/signals/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
