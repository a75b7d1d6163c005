// The production build the e2e run serves carries no test signer: no test mnemonic, no trace of the injected test
// wallet's module, in any client chunk. (The wallet code itself is there, lazily loaded: the grep sees real chunks.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { TEST_MNEMONICS } from "@/tests/support/test-wallets";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test("the built client bundles contain no test mnemonic and no test-wallet module", () => {
  const chunks = files(path.resolve(".next/static")).filter((f) => f.endsWith(".js"));
  const text = chunks.map((f) => readFileSync(f, "utf8"));
  expect(text.some((t) => t.includes("getOfflineSigner")), "the Keplr adapter should be in a client chunk").toBe(true);
  const forbidden = [...Object.values(TEST_MNEMONICS), ...Object.values(TEST_MNEMONICS).map((m) => m.split(" ").slice(0, 3).join(" ")), "__installTestKeplr", "__testKeplr", "test-keplr", "test-wallets"];
  const found = forbidden.flatMap((word) => chunks.filter((_, i) => text[i]!.includes(word)).map((f) => `${word} in ${path.relative(".", f)}`));
  expect(found).toEqual([]);
});
