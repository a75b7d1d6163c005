import type { IndexStatusDto } from "@/lib/queries/status";
import { cn } from "@/components/ui/cn";
import { isLagging } from "@/components/layout/network-status";
import { formatInteger } from "@/components/format";

/** "As of block N" for page headers, so a figure read in isolation (a screenshot) still says when it is from. */
export function AsOf({ status }: { status: IndexStatusDto }) {
  const height = status.indexedHeight;
  const dot = height === null ? "bg-muted-foreground/60" : isLagging(status) ? "bg-warning-fg" : "bg-success";
  return (
    <span className="inline-flex items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs text-muted-foreground">
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", dot)} />
      {height === null ? (
        "Not indexed yet"
      ) : (
        <span className="tabular-nums">
          As of block <span className="font-medium text-foreground">{formatInteger(height)}</span>
        </span>
      )}
    </span>
  );
}
