// Each way a wallet flow can go wrong shows its own message, and nothing is signed or sent: no extension, a refused
// connection, a Ledger account, an invalid amount, insufficient funds, a rejected signature, an account switched
// between review and signing, and a chain that cannot be reached.
import { expect, test, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "@/lib/devnet/test-accounts";
import { TEST_MNEMONICS } from "@/tests/support/test-wallets";
import { installTestKeplr } from "../support/test-keplr-script";
import { DEVNET_URL } from "../support/servers";
import { connectFromHeader, flowDialog } from "../support/wallet-flow";

const ZOO = TEST_ACCOUNTS[2].address;

const alert = (page: Page, code: string) => flowDialog(page).locator(`[role=alert][data-error-code=${code}]`);
const delegateButton = (page: Page) => page.getByTestId("reputer-row").first().getByRole("button", { name: /^Delegate/ });

test("connecting: no extension, a refused connection and a Ledger account each say so", async ({ page }) => {
  await page.goto("/staking/reputers?topic=1");
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  const menu = page.getByRole("region", { name: "Connect a wallet" });
  await menu.getByRole("button", { name: "Connect Keplr" }).click();
  await expect(menu.locator("[data-error-code=no_extension]")).toContainText("No Keplr-compatible wallet found");
  await expect(menu.getByTestId("connect-evm")).toContainText("No Ethereum wallet was found in this browser.");

  await installTestKeplr(page.context(), { mnemonics: [TEST_MNEMONICS.zoo] });
  await page.reload();
  await page.evaluate(() => (window.__testKeplr.refuseConnect = true));
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await menu.getByRole("button", { name: "Connect Keplr" }).click();
  await expect(menu.locator("[data-error-code=refused]")).toContainText("refused in the wallet");

  await page.evaluate(() => {
    window.__testKeplr.refuseConnect = false;
    window.__testKeplr.ledger = true;
  });
  await menu.getByRole("button", { name: "Connect Keplr" }).click();
  await expect(menu.locator("[data-error-code=ledger]")).toContainText("Keplr cannot sign Allora's messages in direct mode on a Ledger");
});

test("a flow: invalid amounts, insufficient funds, a rejected signature, an account switch and an unreachable chain", async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await installTestKeplr(page.context(), { mnemonics: [TEST_MNEMONICS.zoo, TEST_MNEMONICS.test] });
  await page.goto("/staking/reputers?topic=1");
  await connectFromHeader(page, ZOO);
  await page.keyboard.press("Escape");

  await delegateButton(page).click();
  const dialog = flowDialog(page);
  const amount = dialog.getByRole("textbox");
  const review = dialog.getByRole("button", { name: "Review" });
  for (const [text, reason] of [["1,5", "separator"], ["1e18", "Exponent notation"], ["-1", "negative"], ["0.0000000000000000001", "at most 18"], ["", "Enter an amount"]] as const) {
    await amount.fill(text);
    await review.click();
    await expect(alert(page, "invalid_input")).toContainText(new RegExp(reason, "i"));
  }
  await amount.fill("5000");
  await review.click();
  await expect(alert(page, "insufficient_funds")).toContainText("Insufficient funds");

  await amount.fill("1");
  await review.click();
  await expect(dialog.getByTestId("review-screen")).toBeVisible();
  await page.evaluate(() => (window.__testKeplr.rejectNextSign = true));
  await dialog.getByRole("button", { name: "Sign in wallet" }).click();
  await expect(alert(page, "rejected")).toContainText("rejected in the wallet");

  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(amount).toHaveValue("1");
  await review.click();
  await expect(dialog.getByTestId("review-screen")).toBeVisible();
  await page.evaluate(() => window.__testKeplr.switchTo(1));
  await dialog.getByRole("button", { name: "Sign in wallet" }).click();
  await expect(alert(page, "account_switched")).toContainText(`after the review for ${ZOO}`);
  expect(await page.evaluate(() => window.__testKeplr.signed)).toBe(0);
  await page.evaluate(() => window.__testKeplr.switchTo(0));

  await page.route(`${DEVNET_URL}/cosmos/**`, (route) => route.abort("connectionrefused"));
  await dialog.getByRole("button", { name: "Back" }).click();
  await review.click();
  await expect(alert(page, "unreachable")).toContainText("cannot be reached");
});
