import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WALLET_MARKERS } from "@/scripts/wallet-markers.mjs";

const root = fileURLToPath(new URL("../../..", import.meta.url));
/** The module bundled and minified as a production client chunk would carry it (paths and names gone). */
function minifiedBundle(entry: string): string {
  const out = buildSync({ entryPoints: [`${root}${entry}`], bundle: true, minify: true, write: false, format: "esm", platform: "browser", jsx: "automatic", alias: { "@": root } });
  return out.outputFiles[0]!.text;
}

describe("size:routes would flag any lib/wallet module leaking into a route", () => {
  for (const entry of [
    "lib/wallet/amount.ts",
    "lib/wallet/fee.ts",
    "lib/wallet/emissions-codecs.ts",
    "lib/wallet/registry.ts",
    "lib/wallet/messages.ts",
    "lib/wallet/keplr-adapter.ts",
    "lib/wallet/tx.ts",
    "lib/wallet/evm/allo-erc20.ts",
    "components/wallet/evm/evm-wallet.tsx",
  ]) {
    it(entry, () => {
      expect(minifiedBundle(entry)).toMatch(WALLET_MARKERS);
    });
  }

  it("does not flag the pure staking amounts a forecast page may use", () => {
    expect(minifiedBundle("lib/staking/amounts.ts")).not.toMatch(WALLET_MARKERS);
  });
});
