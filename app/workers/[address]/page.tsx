import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIndexStatus } from "@/lib/queries/status";
import { getWorker, isWorkerAddress } from "@/lib/queries/worker";
import { PageHeader } from "@/components/ui/page-header";
import { AsOf } from "@/components/layout/as-of";
import { buttonClassName } from "@/components/ui/button";
import { WorkerTopics } from "@/components/workers/worker-topics";
import { WorkerScores } from "@/components/workers/worker-scores";
import { asOfBlock } from "@/components/figures";
import { formatInteger } from "@/components/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  return { title: isWorkerAddress(address) ? `Worker ${address.slice(0, 10)}…${address.slice(-4)}` : "Not found" };
}

export default async function WorkerPage({ params }: Props) {
  const { address } = await params;
  // A malformed address never reaches the database: it is simply not a page.
  if (!isWorkerAddress(address)) notFound();
  const [status, worker] = await Promise.all([getIndexStatus(), getWorker(address)]);
  if (!worker) notFound();
  return (
    <>
      <PageHeader
        title="Worker"
        description={
          <span className="font-mono text-xs break-all" data-testid="worker-address">
            {worker.address}
          </span>
        }
        aside={<AsOf status={status} />}
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span>
          Seen from block {formatInteger(worker.firstSeenHeight)} to {formatInteger(worker.lastSeenHeight)}
        </span>
        <span aria-hidden="true">·</span>
        <span>{asOfBlock(worker.asOfHeight)}</span>
        <span className="flex-1" />
        {worker.isReputer ? (
          <Link href={`/reputers/${worker.address}`} className={buttonClassName("outline")}>
            Also a reputer
          </Link>
        ) : null}
        <Link href="/staking" className={buttonClassName("primary")}>
          Delegate to reputers (staking)
        </Link>
      </div>
      <WorkerTopics topics={worker.topics} />
      <WorkerScores series={worker.scores} topics={worker.topics} />
    </>
  );
}
