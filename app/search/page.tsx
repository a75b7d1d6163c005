import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { classifySearch } from "@/lib/staking/address";
import { listTopicOptions } from "@/lib/queries/staking-scorecard";
import { PageHeader } from "@/components/ui/page-header";
import { InvalidAddress } from "@/components/staking/invalid-address";
import { first, type Params } from "@/components/staking/url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

/** The header search: an address, a topic id or a topic name goes to its page; anything else is explained. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const q = first((await searchParams).q) ?? "";
  const target = classifySearch(q);
  if (target.kind === "account") redirect(`/account/${target.address}`);
  if (target.kind === "validator") redirect(`/staking/validators?validator=${target.address}`);
  if (target.kind === "topic-id") redirect(`/staking/reputers?topic=${target.topicId}`);
  const matches =
    target.kind === "topic-name" ? (await listTopicOptions()).filter((t) => t.metadata.toLowerCase().includes(target.text.toLowerCase())) : [];
  if (matches.length === 1) redirect(`/staking/reputers?topic=${matches[0]!.topicId}`);
  return (
    <>
      <PageHeader title="Search" description="An allo1… account, an allovaloper1… validator, a topic id or part of a topic's name." />
      {target.kind === "invalid" ? <InvalidAddress input={q.trim()} reason={target.reason} /> : null}
      {target.kind === "empty" ? <p className="text-sm text-muted-foreground">Type an address, a topic id or a topic name in the search box.</p> : null}
      {target.kind === "topic-name" ? (
        matches.length === 0 ? (
          <p role="status" className="text-sm">No indexed topic&apos;s name contains “{target.text}”.</p>
        ) : (
          <ul className="grid gap-2">
            {matches.map((t) => (
              <li key={t.topicId}>
                <Link className="underline underline-offset-2" href={`/staking/reputers?topic=${t.topicId}`}>Topic {t.topicId}: {t.metadata}</Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
