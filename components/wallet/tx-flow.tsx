"use client";
// The shell every transaction flow runs in: connect → amount (with balance and "max") → simulate → review of the
// exact message → re-check the account → sign (direct) → broadcast → wait for inclusion → pending note for the
// account page. Each step's state is a TanStack mutation's; nothing is copied into effects.
import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import type { Built, ReviewField } from "@/lib/wallet/messages";
import { formatAlloInput, parseAllo } from "@/lib/wallet/amount";
import { maxAfterFee } from "@/lib/wallet/fee";
import { assertSameAccount, directSigner, WalletError } from "@/lib/wallet/keplr-adapter";
import { fetchBalance } from "@/lib/wallet/lcd";
import { prepareTx, signAndBroadcast, type Included, type TxContext } from "@/lib/wallet/tx";
import { addPending, PENDING_EVENT, type PendingSystem } from "@/lib/wallet/pending";
import { useBalance, useChain, useInvalidateAddress, useWalletAccount } from "@/lib/wallet/hooks";
import { formatAllo18 } from "@/lib/staking/amounts";
import { Button } from "@/components/ui/button";
import { FieldLabel, fieldClass } from "@/components/ui/form-field";
import { WalletGate } from "@/components/wallet/wallet-gate";
import { ReviewScreen, type Reviewed } from "@/components/wallet/review-screen";
import { TxProgress } from "@/components/wallet/tx-progress";
import { ErrorNote } from "@/components/wallet/error-note";

export type AmountSpec = { label: string; source: "balance" } | { label: string; source: "position"; uallo: string };

export type TxFlowProps = {
  title: string;
  description: ReactNode;
  /** The address whose position this acts on; the wallet must be that account. */
  owner?: string;
  amount?: AmountSpec;
  build: (signer: string, uallo: bigint | null) => Built;
  /** Extra lines of the review read from the chain (e.g. the unlock height a removal will get). */
  reviewExtras?: (ctx: TxContext) => Promise<ReviewField[]>;
  /** What the account page's pending note says about the included transaction, and which positions it changes. */
  summary: (uallo: bigint | null) => string;
  system: PendingSystem;
  after?: (included: Included) => ReactNode;
  onClose: () => void;
};

export function TxFlow(props: TxFlowProps) {
  const chain = useChain();
  const account = useWalletAccount();
  const key = account.data?.key;
  const address = key?.bech32Address;
  const balance = useBalance(address);
  const invalidate = useInvalidateAddress();
  const [text, setText] = useState("");
  const [hash, setHash] = useState<string | null>(null);
  const ctx = (): TxContext => {
    if (!chain.emissionsVersion) throw new WalletError("chain_error", "The chain's emissions version is not known yet (nothing indexed): try again once the collector has read the chain.");
    return { lcdUrl: chain.lcdUrl, chainId: chain.chainId, gasPrice: chain.gasPrice, version: chain.emissionsVersion };
  };
  const wrongOwner = props.owner && address && props.owner !== address ? props.owner : null;

  const parseAmount = (): bigint | null => {
    if (!props.amount) return null;
    const parsed = parseAllo(text);
    if (!parsed.ok) throw new WalletError("invalid_input", `Amount: ${parsed.reason}`, "amount");
    if (parsed.uallo === 0n) throw new WalletError("invalid_input", "Amount: the amount must be more than 0 ALLO.", "amount");
    if (props.amount.source === "position" && parsed.uallo > BigInt(props.amount.uallo)) {
      throw new WalletError("invalid_input", `Amount: more than the position holds (${formatAllo18(props.amount.uallo)} ALLO).`, "amount");
    }
    return parsed.uallo;
  };
  const built = (uallo: bigint | null) => {
    const b = props.build(address!, uallo);
    if (!b.ok) throw new WalletError("invalid_input", `${b.field}: ${b.reason}`, b.field);
    return b;
  };

  const max = useMutation<string, WalletError>({
    mutationFn: async () => {
      if (props.amount?.source === "position") return formatAlloInput(BigInt(props.amount.uallo));
      const c = ctx();
      const prepared = await prepareTx(c, { address: address!, pubKey: key!.pubKey }, [built(1n).message]);
      const result = maxAfterFee(await fetchBalance(chain.lcdUrl, address!), prepared.fee.uallo);
      if (!result.ok) throw new WalletError("insufficient_funds", result.reason);
      return formatAlloInput(result.uallo);
    },
    onSuccess: setText,
  });

  const review = useMutation<Reviewed, WalletError>({
    mutationFn: async () => {
      const c = ctx();
      const uallo = parseAmount();
      const b = built(uallo);
      const [prepared, spendable, extras] = await Promise.all([
        prepareTx(c, { address: address!, pubKey: key!.pubKey }, [b.message]),
        fetchBalance(c.lcdUrl, address!),
        props.reviewExtras ? props.reviewExtras(c) : Promise.resolve([]),
      ]);
      const needed = prepared.fee.uallo + (props.amount?.source === "balance" ? uallo! : 0n);
      if (spendable < needed) {
        throw new WalletError("insufficient_funds", `Insufficient funds: this needs ${formatAllo18(needed)} ALLO (amount and fee) and the balance is ${formatAllo18(spendable)} ALLO.`);
      }
      return { built: b, prepared, uallo, signer: address!, extras };
    },
  });

  const submit = useMutation<Included, WalletError>({
    mutationFn: async () => {
      const reviewed = review.data!;
      const provider = account.data!.provider;
      // The wallet may have switched accounts since the review: sign only for the address that was reviewed.
      const current = await assertSameAccount(provider, chain, reviewed.signer);
      const included = await signAndBroadcast(ctx(), directSigner(provider, chain), { address: reviewed.signer, pubKey: current.pubKey }, [reviewed.built.message], reviewed.prepared, setHash);
      addPending(localStorage, { address: reviewed.signer, hash: included.hash, height: included.height.toString(), system: props.system, summary: props.summary(reviewed.uallo), at: new Date().toISOString() });
      window.dispatchEvent(new Event(PENDING_EVENT));
      void invalidate(reviewed.signer);
      return included;
    },
  });

  const header = (
    <div className="flex items-start justify-between gap-4 border-b px-5 py-4">
      <div>
        <h2 className="text-base font-semibold">{props.title}</h2>
        <p className="text-sm text-muted-foreground">{props.description}</p>
      </div>
      <Button variant="ghost" className="h-8 px-2" onClick={props.onClose} aria-label="Close">✕</Button>
    </div>
  );

  if (submit.isPending || submit.isSuccess) {
    return <>{header}<TxProgress hash={hash} included={submit.data ?? null} signer={review.data!.signer} after={props.after} onClose={props.onClose} /></>;
  }
  if (review.isSuccess) {
    return (
      <>
        {header}
        <ReviewScreen reviewed={review.data} chain={chain} error={submit.error} onBack={() => { submit.reset(); review.reset(); }} onSign={() => submit.mutate()} />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid gap-4 px-5 py-4">
        <WalletGate account={account}>
          {wrongOwner ? (
            <p role="alert" className="rounded-lg border border-warning-border bg-warning-bg px-3 py-2 text-sm text-warning-fg">
              This position belongs to <span className="font-mono break-all">{wrongOwner}</span>; the wallet&apos;s account is <span className="font-mono break-all">{address}</span>. Switch to that account in the wallet.
            </p>
          ) : null}
          <p className="text-sm">
            Balance:{" "}
            <span data-testid="flow-balance" className="font-mono">{balance.data !== undefined ? `${formatAllo18(balance.data)} ALLO` : balance.isError ? "unavailable" : "reading…"}</span>
          </p>
          {balance.error ? <ErrorNote error={balance.error} /> : null}
          {props.amount ? (
            <div className="flex items-end gap-2">
              <FieldLabel label={props.amount.label} className="flex-1">
                <input className={fieldClass} inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} placeholder="0.0" />
              </FieldLabel>
              <Button variant="outline" disabled={max.isPending || !!wrongOwner} onClick={() => max.mutate()}>Max</Button>
            </div>
          ) : null}
          {max.error ? <ErrorNote error={max.error} /> : null}
          {review.error ? <ErrorNote error={review.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={props.onClose}>Cancel</Button>
            <Button disabled={review.isPending || !!wrongOwner} onClick={() => review.mutate()}>{review.isPending ? "Simulating…" : "Review"}</Button>
          </div>
        </WalletGate>
      </div>
    </>
  );
}
