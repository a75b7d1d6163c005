// The EVM side of the Connect menu (ALLO as an ERC-20 on Ethereum, via wagmi): a slot another change fills. Staking
// happens only on the Allora chain, so this section will show a balance and the way there (bridge, then delegate).
export function EvmSection() {
  return (
    <section aria-labelledby="connect-evm-heading" className="grid gap-1 border-t px-4 py-3" data-testid="connect-evm-slot">
      <h3 id="connect-evm-heading" className="text-sm font-semibold">Ethereum (ALLO ERC-20)</h3>
      <p className="text-xs text-muted-foreground">Connecting an Ethereum wallet is not available yet. Staking happens on the Allora chain: bridge ALLO there, then delegate.</p>
    </section>
  );
}
