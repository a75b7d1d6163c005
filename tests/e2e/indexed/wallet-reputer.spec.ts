// The reputer-delegation flows in Chromium against the devnet, signed by the injected test wallet (a real
// secp256k1 key, SIGN_MODE_DIRECT) and indexed back through the collector: delegate 12.5 ALLO → the exact review →
// included → the position on the account page → request removal → the exit centre's unlock height and countdown →
// cancel → claim rewards pays exactly the pending amount.
import { expect, test } from "@playwright/test";
import { TEST_ACCOUNTS } from "@/lib/devnet/test-accounts";
import { TEST_MNEMONICS } from "@/tests/support/test-wallets";
import { formatAllo18 } from "@/lib/staking/amounts";
import { installTestKeplr } from "../support/test-keplr-script";
import { chainBalance, connectFromHeader, flowDialog, openAndReview, reviewedFee, signAndInclude, waitForIndexed } from "../support/wallet-flow";
import { VIEWPORTS } from "../support/sections";
import { expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

const ME = TEST_ACCOUNTS[0].address;
const REMOVAL_DELAY = 17_280n;

test("reputer delegation: delegate, see it indexed, request removal, cancel it, claim rewards", async ({ page, request }) => {
  test.setTimeout(12 * 60_000);
  await installTestKeplr(page.context(), { mnemonics: [TEST_MNEMONICS.abandon] });
  await page.goto("/staking/reputers?topic=1");
  await connectFromHeader(page, ME);
  const suggested = await page.evaluate(() => window.__testKeplr.suggested);
  expect(suggested).toHaveLength(1);
  expect(suggested[0]).toMatchObject({ chainId: "allora-devnet-1", bip44: { coinType: 118 }, bech32Config: { bech32PrefixAccAddr: "allo" }, currencies: [{ coinMinimalDenom: "uallo", coinDecimals: 18 }] });
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v.size);
    await saveScreenshot(page, `wallet-connect-menu-${v.label}`);
  }
  await expectNoSeriousA11yViolations(page, "the connect menu");
  await page.keyboard.press("Escape");

  const row = page.getByTestId("reputer-row").first();
  const reputer = (await row.getByRole("link").first().getAttribute("href"))!.replace("/reputers/", "");
  const before = await chainBalance(request, ME);
  const review = await openAndReview(page, row.getByRole("button", { name: /^Delegate/ }), "12.5");
  for (const [name, value] of [["type_url", "/emissions.v10.DelegateStakeRequest"], ["sender", ME], ["topic_id", "1"], ["reputer", reputer], ["amount", "12500000000000000000"], ["signer", ME], ["chain_id", "allora-devnet-1"]]) {
    await expect(review.getByRole("row", { name: new RegExp(`^${name} `) })).toContainText(value!);
  }
  await expect(review.getByRole("row", { name: /^amount / })).toContainText("= 12.500000000000000000 ALLO");
  const fee = await reviewedFee(review);
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v.size);
    await saveScreenshot(page, `wallet-review-${v.label}`);
  }
  await expectNoSeriousA11yViolations(page, "the review screen");
  const delegated = await signAndInclude(review);
  expect(await chainBalance(request, ME)).toBe(before - 12_500_000_000_000_000_000n - fee);

  await review.getByRole("link", { name: "Open the account page" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/${ME}`));
  await expect(page.getByTestId("pending-txs")).toBeVisible();
  // The note reconciles by itself (the page re-renders until the index holds the tx's block): no reload here.
  const position = page.getByTestId("delegation-row").filter({ hasText: reputer });
  await expect(position).toContainText("12.500000000000000000", { timeout: 90_000 });
  await expect(page.getByTestId("indexed-tx")).toContainText(`block ${delegated.height}`);
  await expect(page.getByTestId("pending-tx")).toHaveCount(0);

  const removal = await openAndReview(page, position.getByRole("button", { name: /^Remove/ }), "max");
  await expect(removal.getByRole("row", { name: /^type_url / })).toContainText("/emissions.v10.RemoveDelegateStakeRequest");
  await expect(removal.getByRole("row", { name: /^amount / })).toContainText("12500000000000000000");
  await expect(removal.getByRole("row", { name: /^unlock_height / })).toContainText(`+ ${REMOVAL_DELAY} blocks`);
  const removed = await signAndInclude(removal);
  await removal.getByRole("button", { name: "Done" }).click();
  // The page behind the dialog was rendered before the transaction: its figures are as of an older block, and the
  // note says so (pending) until the page's own refresh brings an index that holds the transaction's block.
  const pendingNote = page.getByTestId("pending-tx").filter({ hasText: `included in block ${removed.height}` });
  await expect(pendingNote).toContainText("do not include it yet");
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v.size);
    await saveScreenshot(page, `wallet-pending-${v.label}`);
  }
  await expect(page.getByTestId("indexed-tx").filter({ hasText: `(block ${removed.height})` })).toBeVisible({ timeout: 60_000 });
  await expect(pendingNote).toHaveCount(0);
  const exit = page.getByTestId("exit-row").filter({ hasText: "Delegate-stake removal" }).filter({ hasText: reputer });
  await expect(exit).toContainText((removed.height + REMOVAL_DELAY).toLocaleString("en-US"));
  await expect(exit.getByTestId("countdown")).toHaveText(/^\d+d \d\d:\d\d:\d\d left$/);
  await page.getByRole("heading", { name: "Exit centre" }).scrollIntoViewIfNeeded();
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v.size);
    await saveScreenshot(page, `wallet-exit-centre-${v.label}`);
  }
  await expectNoSeriousA11yViolations(page, "the account page with pending exits and actions");

  const cancel = await openAndReview(page, exit.getByRole("button", { name: /^Cancel removal/ }));
  await expect(cancel.getByRole("row", { name: /^type_url / })).toContainText("/emissions.v10.CancelRemoveDelegateStakeRequest");
  await expect(cancel.getByRole("row", { name: /^delegator / })).toContainText(ME);
  const cancelled = await signAndInclude(cancel);
  await cancel.getByRole("button", { name: "Done" }).click();
  await waitForIndexed(request, cancelled.height);
  await page.reload();
  await expect(exit).toHaveCount(0);

  // Rewards accrue per topic epoch (60–75 blocks of 5 s): wait until the indexed position has a pending reward.
  const pending = position.locator("td").nth(3);
  await expect
    .poll(async () => { await page.reload(); return (await pending.textContent())?.trim(); }, { timeout: 8 * 60_000, intervals: [5_000] })
    .not.toMatch(/^0\.0+$/);
  const shown = (await pending.textContent())!.trim();
  const balanceBefore = await chainBalance(request, ME);
  const claim = await openAndReview(page, position.getByRole("button", { name: /^Claim/ }));
  await expect(claim.getByRole("row", { name: /^type_url / })).toContainText("/emissions.v10.RewardDelegateStakeRequest");
  const claimFee = await reviewedFee(claim);
  await signAndInclude(claim);
  const paid = (await chainBalance(request, ME)) - balanceBefore + claimFee;
  expect(formatAllo18(paid)).toBe(shown);
  await expect(flowDialog(page).getByTestId("tx-hash")).toBeVisible();
});
