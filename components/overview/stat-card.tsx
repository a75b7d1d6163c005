import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One headline figure, a <div> group inside a <dl>. `value` null means unknown and renders "—", never 0. */
export function StatCard({
  label,
  value,
  caption,
  className,
}: {
  label: string;
  value: string | null;
  caption: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("rounded-xl border bg-card px-5 py-4 shadow-xs dark:shadow-none", className)}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums" data-testid="stat-value">
        {value ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">unknown</span>
          </>
        )}
      </dd>
      <dd className="mt-1 text-xs text-muted-foreground">{caption}</dd>
    </div>
  );
}
