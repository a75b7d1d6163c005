// Staking on the indexed devnet: the reputer directory, a scorecard, the validator directory with the devnet's
// commission spike, the demo account's positions and exits, the history CSV, and the header search.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_GENESIS } from "@/lib/devnet/config";
import { demoAccount } from "@/lib/devnet/ledger-intents";
import { VIEWPORTS } from "../support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

const DEMO = demoAccount(42);
const GENESIS_DAY = DEFAULT_GENESIS.slice(0, 10);
const NEXT_DAY = new Date(Date.parse(DEFAULT_GENESIS) + 86_400_000).toISOString().slice(0, 10);

async function checkPage(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport.size);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, `staking-${name}-${viewport.label}`);
    await expectNoSeriousA11yViolations(page, `${name} at ${viewport.label}px`);
  }
}

test("reputer directory: a topic's reputers, sorted, two compared, a scorecard opened", async ({ page }) => {
  await page.goto("/staking/reputers?topic=1");
  await expect(page.getByRole("heading", { level: 1, name: "Reputers" })).toBeVisible();
  const rows = page.getByTestId("reputer-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(5);

  await page.getByRole("link", { name: "EMA score" }).click();
  await expect(page).toHaveURL(/sort=score/);
  const ranks = await rows.locator("text=/rank \\d+ of/").allTextContents();
  expect(ranks.slice(0, 2)).toEqual([expect.stringMatching(/^rank 1 of/), expect.stringMatching(/^rank 2 of/)]);

  await rows.nth(0).getByRole("link", { name: /Compare/ }).click();
  await expect(page).toHaveURL(/compare=allo1/);
  await page.getByTestId("reputer-row").nth(1).getByRole("link", { name: /Compare/ }).click();
  const compare = page.getByRole("region", { name: "Compare reputers" });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole("columnheader")).toHaveCount(3);
  await expect(compare.getByRole("rowheader", { name: "Realized APR, 7 d" })).toBeVisible();
  await checkPage(page, "reputers");

  const first = page.getByTestId("reputer-row").nth(0).getByRole("link").first();
  const address = await first.getAttribute("title");
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: "Reputer scorecard" })).toBeVisible();
  await expect(page.getByText(address!)).toBeVisible();
  await expect(page.getByRole("region", { name: "Record per topic" })).toBeVisible();
  await expect(page.getByRole("img", { name: /EMA score in topic 1/ })).toBeVisible();
  await checkPage(page, "scorecard");
});

test("validator directory: a jailed validator, and one whose commission spiked", async ({ page }) => {
  await page.goto("/staking/validators");
  await expect(page.getByRole("heading", { level: 1, name: "Validators" })).toBeVisible();
  await expect(page.getByTestId("validator-row")).toHaveCount(12);
  await expect(page.getByTestId("validator-row").filter({ hasText: "Jailed" })).toHaveCount(1);
  await expect(page.getByText(/Estimated APR = emission_per_month × 12/)).toBeVisible();
  // Realized APR from the indexed x/distribution rewards beside it, with how it was computed, for the 10 bonded
  // validators; the jailed and the unbonded one earned nothing in the window: "—".
  await expect(page.getByTestId("realized-apr-note")).toContainText("Realized APR = Σ (rewards − commission) ÷ mean bonded tokens");
  await expect(page.getByTestId("realized-apr-note")).toContainText(/7 d: blocks [\d,]+–[\d,]+/);
  const estimated = await page.getByTestId("estimated-apr").allTextContents();
  expect(estimated.filter((t) => /^\d+(\.\d{1,2})?%$/.test(t))).toHaveLength(10);
  const realized = await page.getByTestId("realized-apr").allTextContents();
  expect(realized.filter((t) => /^\d+(\.\d{1,2})?%30 d: \d+(\.\d{1,2})?%$/.test(t))).toHaveLength(10);
  expect(realized.filter((t) => t.startsWith("—"))).toHaveLength(2);
  // Uptime from signing info: every validator that was ever bonded has one; the never-bonded one says why not.
  const uptimes = await page.getByTestId("uptime").allTextContents();
  expect(uptimes.filter((t) => /^\d+(\.\d{1,2})?%[\d,]+ missed$/.test(t))).toHaveLength(11);
  expect(uptimes.filter((t) => /^— not available: the chain lists no signing info/.test(t))).toHaveLength(1);
  // Sorted by realized APR, highest first, the two without one last.
  await page.getByRole("link", { name: "Realized APR (7 d)" }).click();
  await expect(page).toHaveURL(/sort=realized/);
  const sorted = (await page.getByTestId("realized-apr").allTextContents()).map((t) => /^(\d+(?:\.\d+)?)%/.exec(t)?.[1] ?? null);
  const known = sorted.filter((x) => x !== null).map(Number);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(sorted.slice(-2)).toEqual([null, null]);
  await page.goto("/staking/validators");

  const spiked = page.getByTestId("validator-row").filter({ hasText: /Commission spike \+8 pts/ });
  await expect(spiked).toHaveCount(1);
  await spiked.getByRole("link", { name: "NodeStake", exact: true }).click();
  await expect(page).toHaveURL(/validator=allovaloper1/);
  await expect(page.getByRole("note")).toContainText("+8 percentage points");
  const history = page.getByRole("region", { name: "Commission history of NodeStake" });
  expect(await history.getByRole("row").count()).toBeGreaterThanOrEqual(3);
  await checkPage(page, "validators");
});

test("account page: positions in both systems and a pending exit of each kind with its countdown", async ({ page }) => {
  await page.goto(`/account/${DEMO}`);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(page.getByTestId("delegation-row")).toHaveCount(1);
  await expect(page.getByTestId("own-stake-row")).toHaveCount(1);
  await expect(page.getByTestId("validator-delegation-row")).toHaveCount(1);
  await expect(page.getByTestId("delegation-row")).toContainText(/\d\.\d{18}/);
  // Pending validator rewards, exact, as of the block they were read at.
  await expect(page.getByTestId("validator-pending-reward")).toHaveText(/^[\d,]+\.\d{18}as of block [\d,]+$/);

  const exits = page.getByTestId("exit-row");
  await expect(exits).toHaveCount(3);
  for (const kind of ["Reputer stake removal", "Delegate-stake removal", "Validator unbonding"]) {
    const row = exits.filter({ hasText: kind });
    await expect(row).toHaveCount(1);
    await expect(row.locator("td").nth(3)).toHaveText(/^[\d,]+(set by the chain|estimated)$/);
    await expect(row.getByTestId("countdown")).toHaveText(/left$/);
  }
  await expect(exits.filter({ hasText: "Validator unbonding" })).toContainText("Cancellable");
  const countdown = exits.first().getByTestId("countdown");
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before!, { timeout: 5_000 });
  await checkPage(page, "account");
});

test("account history: a date range downloads as CSV with the rows the page counts", async ({ page }) => {
  await page.goto(`/account/${DEMO}`);
  await page.getByLabel("From (UTC day)").fill(GENESIS_DAY);
  await page.getByLabel("To (UTC day, included)").fill(NEXT_DAY);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${GENESIS_DAY}&to=${NEXT_DAY}`));
  const link = page.getByRole("link", { name: /Download CSV \([\d,]+ rows\)/ });
  const count = Number((await link.textContent())!.match(/\(([\d,]+) rows\)/)![1]!.replaceAll(",", ""));
  expect(count).toBeGreaterThanOrEqual(4);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const lines = readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(lines[0]).toBe("time_utc,height,action,system,topic_id,counterparty,amount_uallo");
  expect(lines).toHaveLength(count + 1);
  const rows = lines.slice(1).map((l) => l.split(","));
  for (const r of rows) {
    expect(r[0]! >= `${GENESIS_DAY}T00:00:00` && r[0]! < `${NEXT_DAY}T24:00:00`).toBe(true);
    expect(r[6]).toMatch(/^\d+(\.\d+)?$/);
  }
  const actions = new Set(rows.map((r) => r[2]));
  for (const a of ["stake_added", "delegate", "removal_requested", "unbonding_started"]) expect(actions.has(a)).toBe(true);
});

test("header search: an address goes to its page, a malformed one is explained", async ({ page }) => {
  await page.goto("/staking");
  const search = page.getByRole("searchbox", { name: /Search an address/ });
  await search.fill(DEMO);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/account/${DEMO}$`));

  const typo = `${DEMO.slice(0, -1)}${DEMO.endsWith("q") ? "p" : "q"}`;
  await page.getByRole("searchbox", { name: /Search an address/ }).fill(typo);
  await page.getByRole("searchbox", { name: /Search an address/ }).press("Enter");
  await expect(page.getByRole("heading", { name: "Not a valid Allora address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not a valid Allora address" })).toContainText("checksum does not match");
  await checkPage(page, "search-malformed");

  await page.getByRole("searchbox", { name: /Search an address/ }).fill("2");
  await page.getByRole("searchbox", { name: /Search an address/ }).press("Enter");
  await expect(page).toHaveURL(/\/staking\/reputers\?topic=2$/);
});
