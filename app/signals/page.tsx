import type { Metadata } from "next";
import { getIndexStatus } from "@/lib/queries/status";
import { listSignals } from "@/lib/queries/signals";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PulseIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { SignalTable } from "@/components/signals/signal-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signals" };

export default async function SignalsPage() {
  const [status, signals] = await Promise.all([getIndexStatus(), listSignals()]);
  return (
    <>
      <PageHeader
        title="Signals"
        description="Cobot-style trading signals derived from the network's forecasts, with an honest track record."
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
        <SignalTable signals={signals} />
      )}
    </>
  );
}
