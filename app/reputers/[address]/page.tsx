import type { Metadata } from "next";
import Link from "next/link";
import { getIndexStatus } from "@/lib/queries/status";
import { getReputerScorecard } from "@/lib/queries/staking-scorecard";
import { checkAddress } from "@/lib/staking/address";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { CoinsIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { ReputerCompare } from "@/components/staking/reputer-compare";
import { ScoreSparkline } from "@/components/staking/score-sparkline";
import { InvalidAddress } from "@/components/staking/invalid-address";
import { Allo, AddressLink } from "@/components/staking/values";
import { formatInteger } from "@/components/format";
import { FlowButton } from "@/components/wallet/flow-button";
import { walletChainOf } from "@/lib/queries/wallet-chain";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reputer scorecard" };

export default async function ReputerScorecardPage({ params }: { params: Promise<{ address: string }> }) {
  const { address: raw } = await params;
  const input = decodeURIComponent(raw);
  const status = await getIndexStatus();
  const check = checkAddress(input);
  if (!check.ok || check.kind !== "account") {
    return (
      <>
        <PageHeader title="Reputer scorecard" description="A reputer's record in every topic it stakes in." aside={<AsOf status={status} />} />
        <InvalidAddress input={input} reason={check.ok ? "this is a validator operator address; reputers have allo1… addresses." : check.reason} />
      </>
    );
  }
  const card = await getReputerScorecard(check.address);
  return (
    <>
      <PageHeader
        title="Reputer scorecard"
        description={<span className="font-mono text-xs break-all">{check.address}</span>}
        aside={<AsOf status={status} />}
      />
      {card.topics.length === 0 ? (
        <EmptyState icon={<CoinsIcon />} title="No reputer stake indexed for this address" description="If it stakes as a reputer, its record appears here once the collector has indexed it." />
      ) : (
        <div className="grid grid-cols-1 gap-6">
          <ReputerCompare rows={card.topics.map((t) => t.row)} title="Record per topic" />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            {card.topics.map((t) => (
              <Card key={t.row.topicId} className="grid grid-cols-1 gap-3 p-5">
                <h2 className="text-base font-semibold">Topic {t.row.topicId}</h2>
                <p className="text-sm text-muted-foreground">
                  EMA score rank {t.row.scoreRank ?? "—"} of {t.reputerCount} reputers (topic median {t.row.topicMedianScore ?? "—"}), as of block{" "}
                  {formatInteger(card.asOfHeight ?? "0")}.
                </p>
                <ScoreSparkline points={t.scores} label={`EMA score in topic ${t.row.topicId}`} />
                <span className="flex flex-wrap gap-1">{t.row.warnings.map((w) => <Badge key={w} variant="warning">{w}</Badge>)}</span>
                <span className="flex flex-wrap items-center gap-3">
                  <FlowButton chain={walletChainOf(status)} label="Delegate" context={`to this reputer in topic ${t.row.topicId}`} spec={{ flow: "delegate-reputer", topicId: t.row.topicId, reputer: check.address }} />
                  <Link className="text-sm underline underline-offset-2" href={`/staking/reputers?topic=${t.row.topicId}&compare=${check.address}`}>
                    Compare with the other reputers of topic {t.row.topicId}
                  </Link>
                </span>
              </Card>
            ))}
          </div>
          <Card>
            <h2 className="px-5 pt-4 text-base font-semibold">Recent removals</h2>
            {card.recentRemovals.length === 0 ? (
              <p className="px-5 py-4 text-sm text-muted-foreground">No stake removals indexed.</p>
            ) : (
              <Table label="Recent removals">
                <thead>
                  <tr><Th>Topic</Th><Th>By</Th><Th className="text-right">ALLO</Th><Th className="text-right">Requested</Th><Th className="text-right">Unlocks</Th><Th>Status</Th></tr>
                </thead>
                <tbody>
                  {card.recentRemovals.map((r) => (
                    <tr key={`${r.topicId}-${r.delegator}-${r.requestedHeight}`}>
                      <Td>{r.topicId}</Td>
                      <Td>{r.delegator ? <AddressLink href={`/account/${r.delegator}`} address={r.delegator} /> : "self stake"}</Td>
                      <Td className="text-right"><Allo uallo={r.amount} /></Td>
                      <Td className="text-right tabular-nums">{formatInteger(r.requestedHeight)}</Td>
                      <Td className="text-right tabular-nums">{formatInteger(r.completionHeight)}</Td>
                      <Td>{r.status}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
