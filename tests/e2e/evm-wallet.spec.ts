// The Ethereum side of the one Connect entry: an injected EIP-1193 wallet announced over EIP-6963 is found by the
// app's ordinary injected() connector, and the exact ALLO ERC-20 balance of the connected address shows, read
// through that wallet from a JSON-RPC stub. No mock connector or test flag is in the app.
import { expect, test, type Page } from "@playwright/test";
import { getAddress } from "viem";
import { expectNoSeriousA11yViolations, saveScreenshot } from "./support/page-checks";
import { injectEthereumWallet, startEthStub, type EthStub } from "./support/test-ethereum";

const ALLO = "0x8408D45b61f5823298F19a09B53b7339c0280489";
const ACCOUNT = getAddress("0x52908400098527886e0f7030069857d2e4169ee7");
const BALANCE = 1_234_567_890_123_456_789_012_345n; // 1,234,567.890123456789012345 ALLO: more digits than a double holds
const BLOCK = 23_456_789n;

let stub: EthStub;
test.beforeAll(async () => {
  stub = await startEthStub({ token: ALLO, balances: { [ACCOUNT]: BALANCE }, blockNumber: BLOCK });
});
test.afterAll(async () => stub.close());

async function openEthereumSection(page: Page) {
  await page.goto("/staking");
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  const menu = page.getByRole("region", { name: "Connect a wallet" });
  await expect(menu.getByRole("heading", { name: "Ethereum (ALLO ERC-20)" })).toBeVisible();
  return menu;
}

test.describe("Ethereum wallet (ALLO ERC-20)", () => {
  for (const viewport of [
    { label: "desktop", size: { width: 1280, height: 900 } },
    { label: "375", size: { width: 375, height: 812 } },
  ]) {
    test(`connects an announced wallet and shows the exact ALLO balance with its block (${viewport.label})`, async ({ page }) => {
      await page.setViewportSize(viewport.size);
      await injectEthereumWallet(page, stub, { account: ACCOUNT, chainId: "0x1" });
      const menu = await openEthereumSection(page);
      await menu.getByRole("button", { name: "Connect Test EVM Wallet" }).click();
      await expect(menu.getByTestId("evm-address")).toHaveText(ACCOUNT);
      await expect(menu.getByTestId("evm-allo-balance")).toHaveText(
        "1,234,567.890123456789012345 ALLO on Ethereum, as of Ethereum block 23,456,789",
      );
      // The balance was read at the ALLO contract, for this address, through the wallet.
      const balanceCall = stub.calls.find((c) => c.method === "eth_call");
      expect((balanceCall?.params[0] as { to: string }).to.toLowerCase()).toBe(ALLO.toLowerCase());
      expect((balanceCall?.params[0] as { data: string }).data).toContain(ACCOUNT.slice(2).toLowerCase());
      await expect(menu.getByText("no EVM staking contract exists", { exact: false })).toBeVisible();
      await saveScreenshot(page, `connect-menu-evm-${viewport.label}`);
      await expectNoSeriousA11yViolations(page, `connect menu with an Ethereum wallet (${viewport.label})`);
    });
  }

  test("a wallet on another chain is switched to Ethereum on connect, and asked again when it moves away", async ({ page }) => {
    await injectEthereumWallet(page, stub, { account: ACCOUNT, chainId: "0x2105" });
    const menu = await openEthereumSection(page);
    await menu.getByRole("button", { name: "Connect Test EVM Wallet" }).click();
    await expect(menu.getByTestId("evm-allo-balance")).toContainText("1,234,567.890123456789012345 ALLO");
    // The user moves the wallet to Base: no balance is shown for the wrong chain, and the section asks to switch back.
    await page.evaluate(() => (window as unknown as { __testEthWallet: { switchTo(c: string): void } }).__testEthWallet.switchTo("0x2105"));
    await expect(menu.getByText("Your wallet is on chain 8453.", { exact: false })).toBeVisible();
    await expect(menu.getByTestId("evm-allo-balance")).toHaveCount(0);
    await menu.getByRole("button", { name: "Switch to Ethereum" }).click();
    await expect(menu.getByTestId("evm-allo-balance")).toContainText("1,234,567.890123456789012345 ALLO");
  });

  test("a refused connection says so", async ({ page }) => {
    await injectEthereumWallet(page, stub, { account: ACCOUNT, chainId: "0x1", refuse: true });
    const menu = await openEthereumSection(page);
    await menu.getByRole("button", { name: "Connect Test EVM Wallet" }).click();
    await expect(menu.getByRole("alert")).toHaveText("The connection was refused in the wallet.");
    await expect(menu.getByTestId("evm-address")).toHaveCount(0);
  });

  test("with no Ethereum wallet in the browser the section says so", async ({ page }) => {
    const menu = await openEthereumSection(page);
    await expect(menu.getByText("No Ethereum wallet was found in this browser.")).toBeVisible();
  });
});
