// Steps the wallet e2e specs share: connect through the header, run a flow's dialog to inclusion, read the chain.
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEVNET_URL } from "./servers";

export async function connectFromHeader(page: Page, address: string): Promise<void> {
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  const menu = page.getByRole("region", { name: "Connect a wallet" });
  await menu.getByRole("button", { name: "Connect Keplr" }).click();
  await expect(menu.getByTestId("connected-address")).toHaveText(address);
}

export function flowDialog(page: Page): Locator {
  return page.locator("dialog[open]");
}

/** Opens the flow's button, optionally types an amount, and asks for the review. */
export async function openAndReview(page: Page, button: Locator, amount?: string | "max"): Promise<Locator> {
  await button.click();
  const dialog = flowDialog(page);
  await expect(dialog.getByTestId("flow-signer")).toBeVisible();
  if (amount === "max") await dialog.getByRole("button", { name: "Max" }).click();
  else if (amount !== undefined) await dialog.getByRole("textbox").fill(amount);
  if (amount === "max") await expect(dialog.getByRole("textbox")).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("review-screen")).toBeVisible({ timeout: 20_000 });
  return dialog;
}

/** Signs the reviewed transaction and waits for its block; answers the height and hash. */
export async function signAndInclude(dialog: Locator): Promise<{ height: bigint; hash: string }> {
  await dialog.getByRole("button", { name: "Sign in wallet" }).click();
  const included = dialog.getByTestId("tx-included");
  await expect(included).toBeVisible({ timeout: 60_000 });
  const height = BigInt(/block (\d+)/.exec((await included.textContent()) ?? "")![1]!);
  const hash = (await dialog.getByTestId("tx-hash").textContent()) ?? "";
  expect(hash).toMatch(/^[0-9A-F]{64}$/);
  return { height, hash };
}

/** The fee the review screen shows, in uallo. */
export async function reviewedFee(dialog: Locator): Promise<bigint> {
  const text = (await dialog.getByRole("row", { name: /^fee / }).textContent()) ?? "";
  return BigInt(/(\d+) uallo/.exec(text)![1]!);
}

export async function chainBalance(request: APIRequestContext, address: string): Promise<bigint> {
  const body = (await (await request.get(`${DEVNET_URL}/cosmos/bank/v1beta1/balances/${address}`)).json()) as { balances: { denom: string; amount: string }[] };
  return BigInt(body.balances.find((b) => b.denom === "uallo")?.amount ?? "0");
}

/** Waits until the indexed server's collector has indexed the given height. */
export async function waitForIndexed(request: APIRequestContext, height: bigint): Promise<void> {
  await expect
    .poll(async () => BigInt(((await (await request.get("/api/health")).json()) as { indexedHeight: string | null }).indexedHeight ?? "0") >= height, {
      timeout: 90_000,
      intervals: [1_000],
      message: `the index should reach block ${height}`,
    })
    .toBe(true);
}
