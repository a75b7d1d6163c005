"use client";
// The EVM side of the Connect menu: ALLO as an ERC-20 on Ethereum, through wagmi. Its own chunk (wagmi and viem),
// loaded when the menu renders; staking happens only on the Allora chain, so it shows a balance and the way there.
import dynamic from "next/dynamic";

const EvmWallet = dynamic(() => import("@/components/wallet/evm/evm-wallet").then((m) => m.EvmWallet), {
  ssr: false,
  loading: () => <p className="text-sm text-muted-foreground">Looking for Ethereum wallets…</p>,
});

export function EvmSection() {
  return (
    <section aria-labelledby="connect-evm-heading" className="grid gap-2 border-t px-4 py-3" data-testid="connect-evm">
      <h3 id="connect-evm-heading" className="text-sm font-semibold">Ethereum (ALLO ERC-20)</h3>
      <EvmWallet />
    </section>
  );
}
