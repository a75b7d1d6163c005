import type { Metadata } from "next";
import { getIndexStatus } from "@/lib/queries/status";
import { listCurrentSignals } from "@/lib/queries/signals";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PulseIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { isLagging } from "@/components/layout/network-status";
import { SignalBoard } from "@/components/signals/signal-board";
import { BoardFilters } from "@/components/signals/board-filters";
import { NotAdvice } from "@/components/signals/not-advice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signals" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function SignalsPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const [status, signals] = await Promise.all([getIndexStatus(), listCurrentSignals()]);
  const filter = { asset: one(query.asset), strategy: one(query.strategy), direction: one(query.direction) };
  const shown = signals.filter(
    (s) => (!filter.asset || s.asset === filter.asset) && (!filter.strategy || s.strategy === filter.strategy) && (!filter.direction || s.direction === filter.direction),
  );
  const stale = isLagging(status);
  return (
    <>
      <PageHeader
        title="Signals"
        description="Cobot-style trading signals derived from the network's forecasts, each stamped at its publish block and scored once its horizon has passed."
        aside={<AsOf status={status} />}
      />
      {signals.length === 0 ? (
        <EmptyState
          icon={<PulseIcon />}
          title="No signals published yet"
          description="Each signal will appear here stamped with the block it was published at, then scored against the realized price once its horizon has passed."
          command="npm run demo"
        />
      ) : (
        <div className="flex flex-col gap-4">
          {stale && (
            <p role="status" className="rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
              The index is behind by more than {status.lagWarnSeconds} s: these signals were computed from stale inputs and are not current.
            </p>
          )}
          <BoardFilters assets={[...new Set(signals.map((s) => s.asset).filter((a): a is string => a !== null))].sort()} value={filter} />
          {shown.length === 0 ? (
            <p className="text-sm text-muted-foreground">No signal matches these filters.</p>
          ) : (
            <SignalBoard signals={shown} stale={stale} />
          )}
          <NotAdvice />
        </div>
      )}
    </>
  );
}
