// The test mnemonics stay in tests/: no app or library source (what the production bundle is built from, and the
// devnet server) contains them or imports the test-only signer; the devnet knows the accounts by address only.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_ACCOUNTS } from "@/lib/devnet/test-accounts";
import { TEST_MNEMONICS, testSigner } from "../../support/test-wallets";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe("devnet test accounts", () => {
  it("are the addresses the published test mnemonics derive to (m/44'/118'/0'/0/0, prefix allo)", async () => {
    const names = Object.keys(TEST_MNEMONICS) as (keyof typeof TEST_MNEMONICS)[];
    const derived = await Promise.all(names.map(async (n) => ({ name: n, address: (await testSigner(n)).address })));
    expect(derived).toEqual(TEST_ACCOUNTS.map((a) => ({ name: a.name, address: a.address })));
  });

  it("never appear as mnemonics in app, component, lib or script sources", () => {
    const files = ["app", "components", "lib", "scripts"].flatMap((d) => sources(d));
    expect(files.length).toBeGreaterThan(50);
    const leaks = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return Object.values(TEST_MNEMONICS).some((m) => text.includes(m)) || /(from|import)\s*\(?\s*["'][^"']*test-wallets["']/.test(text);
    });
    expect(leaks).toEqual([]);
  });
});
