// Strings that survive minification in any chunk carrying wallet code: library names that stay in some bundles,
// plus texts our own lib/wallet modules and cosmjs's Registry always contain, and on the EVM side wagmi's EIP-6963
// event names and the ALLO ERC-20 address (module paths do not survive a minified bundle, so names alone miss a
// leak; tests/unit/wallet/markers.test.ts proves each module is caught).
export const WALLET_MARKERS =
  /wagmi|@cosmjs|cosmjs-types|window\.keplr|getOfflineSigner|viem\/chains|Unregistered type url|RemoveDelegateStake|\/emissions\.|Exponent notation \(like 1e18\)|cannot pay the fee|eip6963:|0x8408D45b61f5823298F19a09B53b7339c0280489/;
