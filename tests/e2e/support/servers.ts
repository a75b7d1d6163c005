// The servers the e2e run starts (playwright.config.ts) and the devnet history the "indexed" project reads.
// E2E_PORT_BASE moves all three, so several checkouts can run their e2e side by side on one machine.
const base = Number(process.env.E2E_PORT_BASE) || 3107;
export const E2E_PORTS = { empty: base, indexed: base + 1, devnet: base + 2 } as const;

/**
 * 1.6 simulated days (27,648 blocks): every 8-hour topic has realized values for most of its epochs, the
 * multi-label topic all three horizons, and the SOL topic (created at block 25,921) is still warming up.
 */
export const E2E_DEVNET_DAYS = 1.6;

export const DEVNET_URL = `http://127.0.0.1:${E2E_PORTS.devnet}`;
