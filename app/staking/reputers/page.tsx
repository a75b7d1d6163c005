import type { Metadata } from "next";
import Link from "next/link";
import { getIndexStatus } from "@/lib/queries/status";
import { listTopicReputers } from "@/lib/queries/staking-reputers";
import { listTopicOptions } from "@/lib/queries/staking-scorecard";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CoinsIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { ReputerDirectoryTable } from "@/components/staking/reputer-directory-table";
import { ReputerCompare } from "@/components/staking/reputer-compare";
import { readReputerSort, sortReputers } from "@/components/staking/reputer-sort";
import { first, hrefWith, readCompare, toggleCompare, type Params } from "@/components/staking/url";
import { cn } from "@/components/ui/cn";
import { FlowButton } from "@/components/wallet/flow-button";
import { walletChainOf } from "@/lib/queries/wallet-chain";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reputers" };

export default async function ReputerDirectoryPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const [status, topics] = await Promise.all([getIndexStatus(), listTopicOptions()]);
  const topicParam = first(params.topic);
  const validTopic = topicParam === undefined || /^\d{1,19}$/.test(topicParam);
  const topicId = topicParam && validTopic ? topicParam : topics[0]?.topicId;
  const sort = readReputerSort(first(params.sort));
  const compare = readCompare(params.compare);
  const directory = topicId ? await listTopicReputers(BigInt(topicId)) : null;
  const rows = directory ? sortReputers(directory.rows, sort) : [];
  const state = { topic: topicId, sort: first(params.sort), compare: compare.join(",") || undefined };
  const picked = compare.map((a) => rows.find((r) => r.reputer === a)).filter((r) => r !== undefined);
  const chain = walletChainOf(status);
  return (
    <>
      <PageHeader
        title="Reputers"
        description="Every reputer staked in a topic, on evidence: stake, EMA score against the topic's other reputers, and what 1,000 ALLO delegated to it actually earned."
        aside={<AsOf status={status} />}
      />
      {topics.length > 0 ? (
        <nav aria-label="Topics" className="mb-6 flex flex-wrap gap-2">
          {topics.map((t) => (
            <Link
              key={t.topicId}
              href={hrefWith("/staking/reputers", {}, { topic: t.topicId, sort: state.sort })}
              aria-current={t.topicId === topicId ? "page" : undefined}
              className={cn("rounded-full border px-3 py-1 text-sm", t.topicId === topicId ? "bg-accent text-accent-foreground" : "bg-card")}
            >
              {t.topicId} · {t.metadata || "untitled"}
            </Link>
          ))}
        </nav>
      ) : null}
      {!validTopic ? (
        <p role="alert" className="mb-6 rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
          “{topicParam}” is not a topic id: a topic id is a whole number. Pick a topic above.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState
          icon={<CoinsIcon />}
          title={topicId ? `No reputer stakes indexed for topic ${topicId}` : "No reputer stakes indexed yet"}
          description="Each reputer's stake, score and realized rewards will be listed here once the collector has indexed them."
          command="npm run demo"
        />
      ) : (
        <div className="grid grid-cols-1 gap-6">
          {picked.length >= 2 ? <ReputerCompare rows={picked} /> : null}
          {picked.length === 1 ? <p className="text-sm text-muted-foreground">Pick one more reputer to compare (up to 4).</p> : null}
          <ReputerDirectoryTable
            rows={rows}
            sort={sort}
            sortHref={(key) => hrefWith("/staking/reputers", state, { sort: key })}
            compare={compare}
            compareHref={(r) => hrefWith("/staking/reputers", state, { compare: toggleCompare(compare, r) })}
            action={(reputer) => <FlowButton chain={chain} label="Delegate" context={`to ${reputer} in topic ${topicId}`} spec={{ flow: "delegate-reputer", topicId: topicId!, reputer }} />}
          />
          <p className="text-xs text-muted-foreground">
            Reward per 1,000 ALLO = the rise of the reputer&apos;s reward_per_share over the window × 1,000 ALLO, from indexed
            EventDelegateRewardShareUpdated values; realized APR = that reward ÷ 1,000 ALLO × 365 ÷ window days (simple, not
            compounded). “—” means the reputer is younger than the window. As of block {directory?.asOfHeight ?? "—"}.
          </p>
        </div>
      )}
    </>
  );
}
