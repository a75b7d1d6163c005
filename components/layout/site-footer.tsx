import type { IndexStatusDto } from "@/lib/queries/status";
import { formatNetworkKind } from "@/components/format";

export function SiteFooter({ status }: { status: IndexStatusDto | null }) {
  const simulated = status?.network?.simulated === true;
  const kind = formatNetworkKind(status?.network?.kind ?? status?.configuredNetwork ?? "mainnet");
  const chain = status?.network?.chainId;
  return (
    <footer className="mt-16 border-t">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-xs text-muted-foreground sm:px-6">
        <p>
          {simulated ? (
            <>
              <strong className="font-semibold text-foreground">Simulated data.</strong> Everything shown comes from a
              local devnet{chain ? ` (${chain})` : ""}, not from the real Allora network.
            </>
          ) : (
            <>
              Data source: the Allora {kind} chain{chain ? ` (${chain})` : ""}, read from its public LCD and CometBFT RPC
              endpoints and indexed into this deployment&apos;s own database.
            </>
          )}{" "}
          Figures are as of the indexed block shown at the top of the page; missing data is shown as &ldquo;—&rdquo;,
          never as zero.
        </p>
        <p>Not financial advice. ALLO amounts are exact; 1 ALLO = 10¹⁸ uallo.</p>
      </div>
    </footer>
  );
}
