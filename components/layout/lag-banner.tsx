import type { IndexStatusDto } from "@/lib/queries/status";
import { AlertIcon } from "@/components/ui/icons";
import { formatDuration, formatInteger, formatNetworkKind } from "@/components/format";
import { isLagging } from "@/components/layout/network-status";

// A collector that has not reported for this long has stopped without saying so.
const SILENT_COLLECTOR_SECONDS = 120;

/** Why the figures on screen may be stale, or null when they are fresh. */
export function freshnessProblem(status: IndexStatusDto): string | null {
  const network = formatNetworkKind(status.network?.kind ?? status.configuredNetwork);
  const asOf = status.indexedHeight
    ? `Every figure is as of block ${formatInteger(status.indexedHeight)}.`
    : "Nothing has been indexed yet.";
  if (status.collector?.sourceUnreachable)
    return `The ${network} source is unreachable (${status.collector.lastError ?? "no answer"}). ${asOf} Nothing is substituted for the missing data.`;
  if (status.collector && status.collector.silentSeconds > SILENT_COLLECTOR_SECONDS && status.collector.state !== "stopped")
    return `The collector has not reported for ${formatDuration(status.collector.silentSeconds)}. ${asOf}`;
  if (isLagging(status) && status.lagSeconds !== null)
    return `The indexer is ${formatDuration(status.lagSeconds)} behind (warning threshold ${formatDuration(status.lagWarnSeconds)}). ${asOf}`;
  return null;
}

/** Shown under the header on every page while the data may be stale: source down, collector silent, or lagging. */
export function LagBanner({ message }: { message: string }) {
  return (
    <div role="status" data-testid="freshness-banner" className="border-b border-warning-border bg-warning-bg text-warning-fg">
      <div className="mx-auto flex max-w-6xl items-start gap-2 px-4 py-2.5 text-sm sm:px-6">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <p className="min-w-0 break-words">{message}</p>
      </div>
    </div>
  );
}
