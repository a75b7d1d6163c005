import Link from "next/link";
import { exportHref, type ExportState } from "@/lib/datasets/export-href";

/** "Export this": opens the /data builder pre-filled with what a chart or table shows. */
export function ExportLink({ state, label = "Export this" }: { state: ExportState; label?: string }) {
  return (
    <Link href={exportHref(state)} className="text-xs font-medium text-primary underline-offset-4 hover:underline" data-testid="export-this">
      {label}
      <span className="sr-only"> ({state.dataset} as CSV)</span>
    </Link>
  );
}
