import type { IndexStatusDto } from "@/lib/queries/status";
import { AlertIcon } from "@/components/ui/icons";
import { formatDuration, formatInteger } from "@/components/format";

/** Shown under the header when the latest indexed block is older than INDEXER_LAG_WARN_SECONDS. */
export function LagBanner({ status }: { status: IndexStatusDto }) {
  if (status.lagSeconds === null || status.indexedHeight === null) return null;
  return (
    <div role="status" className="border-b border-warning-border bg-warning-bg text-warning-fg">
      <div className="mx-auto flex max-w-6xl items-start gap-2 px-4 py-2.5 text-sm sm:px-6">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <p>
          <span className="font-semibold">The indexer is {formatDuration(status.lagSeconds)} behind.</span>{" "}
          Every figure is as of block {formatInteger(status.indexedHeight)} and may be stale (warning threshold{" "}
          {formatDuration(status.lagWarnSeconds)}).
        </p>
      </div>
    </div>
  );
}
