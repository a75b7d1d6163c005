"use client";
// The review a person signs from: the exact message (type URL, every field under its tx.proto name, ALLO beside
// uallo), the exact signer address, chain and fee, and anything the chain sets (an unlock height).
import type { Built, ReviewField } from "@/lib/wallet/messages";
import type { WalletChain } from "@/lib/wallet/chain";
import type { Prepared } from "@/lib/wallet/tx";
import type { WalletError } from "@/lib/wallet/keplr-adapter";
import { formatAllo18 } from "@/lib/staking/amounts";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/wallet/error-note";

export type Reviewed = { built: Extract<Built, { ok: true }>; prepared: Prepared; uallo: bigint | null; signer: string; extras: ReviewField[] };

function Row({ field }: { field: ReviewField }) {
  return (
    <tr className="border-t align-top">
      <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs font-normal text-muted-foreground">{field.name}</th>
      <td className="py-1.5 font-mono text-xs break-all">
        {field.value}
        {field.allo ? <span className="block text-muted-foreground">= {field.allo}</span> : null}
      </td>
    </tr>
  );
}

export function ReviewScreen({ reviewed, chain, error, onBack, onSign }: { reviewed: Reviewed; chain: WalletChain; error: WalletError | null; onBack: () => void; onSign: () => void }) {
  const { fee } = reviewed.prepared;
  const review = reviewed.built.review;
  return (
    <div className="grid gap-4 px-5 py-4" data-testid="review-screen">
      <h3 className="text-sm font-semibold">Review the exact transaction</h3>
      <table className="w-full text-sm" aria-label="Message">
        <caption className="text-left text-xs text-muted-foreground">Message 1 of 1</caption>
        <tbody>
          <Row field={{ name: "type_url", value: review.typeUrl }} />
          {review.fields.map((f) => <Row key={f.name} field={f} />)}
        </tbody>
      </table>
      <table className="w-full text-sm" aria-label="Signing">
        <tbody>
          <Row field={{ name: "signer", value: reviewed.signer }} />
          <Row field={{ name: "chain_id", value: chain.chainId }} />
          <Row field={{ name: "fee", value: `${fee.uallo} uallo`, allo: `${formatAllo18(fee.uallo)} ALLO` }} />
          <Row field={{ name: "gas_limit", value: `${fee.gasLimit} (simulated ${reviewed.prepared.gasUsed} × 1.4, at ${fee.gasPrice} uallo per gas)` }} />
          <Row field={{ name: "sign_mode", value: "SIGN_MODE_DIRECT" }} />
          {reviewed.extras.map((f) => <Row key={f.name} field={f} />)}
        </tbody>
      </table>
      {error ? <ErrorNote error={error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onBack}>Back</Button>
        <Button onClick={onSign}>Sign in wallet</Button>
      </div>
    </div>
  );
}
