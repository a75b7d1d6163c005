// The devnet's funded test accounts (hd path m/44'/118'/0'/0/0, prefix allo). Only their addresses live here; the
// published test mnemonics they derive from are in tests/support/test-wallets.ts, outside the app, and a test checks
// that they still derive to these addresses.
export const TEST_ACCOUNT_GENESIS_UALLO = 1000n * 10n ** 18n;

export const TEST_ACCOUNTS = [
  { name: "abandon", address: "allo19rl4cm2hmr8afy4kldpxz3fka4jguq0ajnh7gv", accountNumber: 9001 },
  { name: "test", address: "allo15yk64u7zc9g9k2yr2wmzeva5qgwxps6ygp4vw8", accountNumber: 9002 },
  { name: "zoo", address: "allo1am058pdux3hyulcmfgj4m3hhrlfn8nzmf5xyce", accountNumber: 9003 },
] as const;
