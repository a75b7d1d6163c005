// The validator staking flows in Chromium against the devnet, signed by the injected test wallet and indexed back:
// delegate → redelegate part of it → undelegate part → the exit centre's unbonding → cancel that unbonding →
// withdraw rewards. Each review shows the exact cosmos.staking / distribution message.
import { expect, test, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "@/lib/devnet/test-accounts";
import { TEST_MNEMONICS } from "@/tests/support/test-wallets";
import { installTestKeplr } from "../support/test-keplr-script";
import { connectFromHeader, openAndReview, signAndInclude } from "../support/wallet-flow";
import { expectNoSeriousA11yViolations } from "../support/page-checks";

const ME = TEST_ACCOUNTS[1].address;
const ALLO = 10n ** 18n;

/** Signs, closes the dialog, and waits (no reload) until the account page says the transaction is in its figures. */
async function doneAndIndexed(page: Page, dialog: ReturnType<Page["locator"]>) {
  const included = await signAndInclude(dialog);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("indexed-tx").filter({ hasText: `(block ${included.height})` })).toBeVisible({ timeout: 90_000 });
  return included;
}

test("validator staking: delegate, redelegate, undelegate, cancel the unbonding, withdraw rewards", async ({ page }) => {
  test.setTimeout(6 * 60_000);
  await installTestKeplr(page.context(), { mnemonics: [TEST_MNEMONICS.test] });
  await page.goto("/staking/validators");
  await connectFromHeader(page, ME);
  await page.keyboard.press("Escape");

  const row = page.getByTestId("validator-row").filter({ hasNotText: "Jailed" }).first();
  const source = (await row.locator("span[title^=allovaloper]").getAttribute("title"))!;
  const delegate = await openAndReview(page, row.getByRole("button", { name: /^Delegate/ }), "20");
  await expect(delegate.getByRole("row", { name: /^type_url / })).toContainText("/cosmos.staking.v1beta1.MsgDelegate");
  await expect(delegate.getByRole("row", { name: /^delegator_address / })).toContainText(ME);
  await expect(delegate.getByRole("row", { name: /^validator_address / })).toContainText(source);
  await expect(delegate.getByRole("row", { name: /^amount / })).toContainText(`${20n * ALLO} uallo`);
  await expectNoSeriousA11yViolations(page, "the validator delegate review");
  await signAndInclude(delegate);
  await delegate.getByRole("link", { name: "Open the account page" }).click();
  const delegation = (operator: string) => page.getByTestId("validator-delegation-row").filter({ has: page.locator(`a[href*="${operator}"]`) });
  await expect(delegation(source)).toContainText("20.000000000000000000", { timeout: 90_000 });

  const redelegate = await openAndReview(page, delegation(source).getByRole("button", { name: /^Redelegate/ }), "5");
  const target = (await redelegate.getByRole("row", { name: /^validator_dst_address / }).locator("td").textContent())!.trim();
  await expect(redelegate.getByRole("row", { name: /^type_url / })).toContainText("/cosmos.staking.v1beta1.MsgBeginRedelegate");
  await expect(redelegate.getByRole("row", { name: /^validator_src_address / })).toContainText(source);
  expect(target).not.toBe(source);
  await doneAndIndexed(page, redelegate);
  await expect(delegation(source)).toContainText("15.000000000000000000");
  await expect(delegation(target)).toContainText("5.000000000000000000");

  const undelegate = await openAndReview(page, delegation(source).getByRole("button", { name: /^Undelegate/ }), "3");
  await expect(undelegate.getByRole("row", { name: /^type_url / })).toContainText("/cosmos.staking.v1beta1.MsgUndelegate");
  await expect(undelegate.getByRole("row", { name: /^unbonding_completes / })).toContainText("after inclusion");
  const unbonded = await doneAndIndexed(page, undelegate);
  await expect(delegation(source)).toContainText("12.000000000000000000");
  const exit = page.getByTestId("exit-row").filter({ hasText: "Validator unbonding" }).filter({ hasText: `requested at block ${unbonded.height.toLocaleString("en-US")}` });
  await expect(exit).toContainText("3.000000000000000000");
  await expect(exit.getByTestId("countdown")).toHaveText(/left$/);

  const cancel = await openAndReview(page, exit.getByRole("button", { name: /^Cancel unbonding/ }), "max");
  await expect(cancel.getByRole("row", { name: /^type_url / })).toContainText("/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation");
  await expect(cancel.getByRole("row", { name: /^creation_height / })).toContainText(unbonded.height.toString());
  await expect(cancel.getByRole("row", { name: /^amount / })).toContainText(`${3n * ALLO} uallo`);
  await doneAndIndexed(page, cancel);
  await expect(exit).toHaveCount(0);
  await expect(delegation(source)).toContainText("15.000000000000000000");

  const withdraw = await openAndReview(page, delegation(target).getByRole("button", { name: /^Withdraw/ }));
  await expect(withdraw.getByRole("row", { name: /^type_url / })).toContainText("/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward");
  await expect(withdraw.getByRole("row", { name: /^validator_address / })).toContainText(target);
  await signAndInclude(withdraw);
});
