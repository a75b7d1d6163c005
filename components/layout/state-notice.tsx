import type { IndexStatusDto, StateNoticeDto } from "@/lib/queries/status";
import { formatInteger, formatUtc } from "@/components/format";

function describe(n: StateNoticeDto): string {
  const since = formatUtc(n.since);
  if (n.kind === "missing") return `${n.state}: not served by the node since ${since}, left out and retried later`;
  if (n.kind === "pruned")
    return `${n.state}: the node has pruned that history (since ${since}), so it is shown as of block ${n.asOfHeight ? formatInteger(n.asOfHeight) : "—"}`;
  if (n.kind === "block_calls") return `block headers are read from whole blocks since ${since} (${n.detail})`;
  return `blocks are read one request at a time since ${since} (${n.detail})`;
}

/** Which state the node could not serve, or null when every state is served; events are indexed either way. */
export function stateNoticeText(status: IndexStatusDto): string | null {
  const notices = status.collector?.notices ?? [];
  if (notices.length === 0) return null;
  return `Some state could not be read from the node (events are still indexed): ${notices.map(describe).join("; ")}.`;
}

/** Shown under the header while some REST state is missing or stale (an uneven node: pruned, older, or partial). */
export function StateNotice({ message }: { message: string }) {
  return (
    <div role="status" data-testid="state-notice" className="border-b bg-muted/60 text-muted-foreground">
      <p className="mx-auto max-w-6xl px-4 py-2 text-xs break-words sm:px-6">{message}</p>
    </div>
  );
}
