import type { IndexStatusDto } from "@/lib/queries/status";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration, formatInteger, formatNetworkKind, formatUtc } from "@/components/format";

/** Catch-up progress while the collector is far behind: indexed blocks of the chain's head, or null. */
export function catchUpProgress(status: IndexStatusDto): string | null {
  const head = status.collector?.chainHeight;
  if (status.collector?.state !== "catching_up" || !head || !status.indexedHeight) return null;
  const percent = Math.floor((Number(status.indexedHeight) / Number(head)) * 100);
  return `catching up ${Math.min(99, percent)}% of ${formatInteger(head)}`;
}

export function isLagging(status: IndexStatusDto): boolean {
  return status.lagSeconds !== null && status.lagSeconds > status.lagWarnSeconds;
}

/** The network this deployment follows and how fresh its data is; shown on every page. `null` = status unreadable. */
export function NetworkStatus({ status }: { status: IndexStatusDto | null }) {
  if (!status) {
    return (
      <p className="flex items-center gap-2 text-xs text-muted-foreground">
        <Dot className="bg-danger" />
        <span>Index status unavailable</span>
      </p>
    );
  }
  const kind = formatNetworkKind(status.network?.kind ?? status.configuredNetwork);
  const indexed = status.indexedHeight !== null;
  const lagging = isLagging(status);
  const progress = catchUpProgress(status);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="index-status">
      <span
        className="font-medium text-foreground"
        title={status.network ? `Chain ID ${status.network.chainId}` : "Configured network; the collector has not reached it yet"}
      >
        {kind}
      </span>
      {status.network?.simulated ? <Badge variant="warning">Simulated devnet</Badge> : null}
      <span aria-hidden="true" className="hidden text-muted-foreground/40 sm:inline">
        |
      </span>
      <span
        className="flex items-center gap-1.5 text-muted-foreground"
        title={status.indexedBlockTime ? `Block time ${formatUtc(status.indexedBlockTime)}` : undefined}
      >
        <Dot className={!indexed ? "bg-muted-foreground/60" : lagging ? "bg-warning-fg" : "bg-success"} />
        {indexed ? (
          <span className={cn("tabular-nums", lagging && "font-medium text-warning-fg")}>
            Block {formatInteger(status.indexedHeight ?? "")}
            {status.lagSeconds !== null ? ` · ${formatDuration(status.lagSeconds)} behind` : null}
            {progress ? <span data-testid="catch-up-progress">{` · ${progress}`}</span> : null}
          </span>
        ) : (
          <span>Nothing indexed yet</span>
        )}
      </span>
    </div>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden="true" className={cn("inline-block size-2 shrink-0 rounded-full", className)} />;
}
