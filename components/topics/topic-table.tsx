import Link from "next/link";
import type { DirectoryTopicDto } from "@/lib/queries/topic-directory";
import { MIN_EDGE_EPOCHS } from "@/lib/queries/topic-edges";
import { directoryHref, type DirectoryView, type SortKey } from "@/lib/forecast/directory-view";
import { Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data/export-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { AlloAmount, EdgeFigure, Missing, formatDecimal } from "@/components/figures";
import { formatInteger } from "@/components/format";

const CATEGORY: Record<string, string> = { price: "Price", "log-return": "Log return", volatility: "Volatility", other: "Other" };

/** A column header that sorts by its key: a link (so the sort lives in the URL), with aria-sort on the active one. */
function SortTh({ view, sort, children, numeric }: { view: DirectoryView; sort: SortKey; children: string; numeric?: boolean }) {
  const active = view.sort === sort;
  const dir = active && view.dir === "asc" ? "desc" : "asc";
  return (
    <Th className={numeric ? "text-right" : undefined} aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={directoryHref(view, { sort, dir })} className="relative inline-flex items-center gap-1 hover:text-foreground hover:underline">
        {children}
        <span aria-hidden="true">{active ? (view.dir === "asc" ? "↑" : "↓") : ""}</span>
        <span className="sr-only">{active ? `, sorted ${view.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    </Th>
  );
}

export function TopicTable({ topics, view }: { topics: DirectoryTopicDto[]; view: DirectoryView }) {
  return (
    <Card>
      <div className="flex justify-end border-b px-5 py-2">
        <ExportLink state={{ dataset: "topics" }} />
      </div>
      <Table label="Topics table">
        <thead>
          <tr>
            <SortTh view={view} sort="id">ID</SortTh>
            <SortTh view={view} sort="name">Topic</SortTh>
            <Th>Category</Th>
            <Th>Asset</Th>
            <SortTh view={view} sort="horizon">Horizon</SortTh>
            <SortTh view={view} sort="epoch" numeric>Epoch (blocks)</SortTh>
            <Th>Loss</Th>
            <Th>Status</Th>
            <SortTh view={view} sort="stake" numeric>Stake (ALLO)</SortTh>
            <SortTh view={view} sort="workers" numeric>Workers</SortTh>
            <SortTh view={view} sort="reputers" numeric>Reputers</SortTh>
            <Th className="text-right">Latest value</Th>
            <SortTh view={view} sort="edge-naive">vs naive, 7 d</SortTh>
            <SortTh view={view} sort="edge-best">vs best worker, 7 d</SortTh>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => {
            const warming = !t.edge || t.edge.epochs < MIN_EDGE_EPOCHS;
            return (
              <tr key={t.topicId}>
                <Td className="tabular-nums text-muted-foreground">{t.topicId}</Td>
                <Td className="min-w-56 font-medium">
                  <Link href={`/topics/${t.topicId}`} className="hover:underline focus-visible:underline">
                    {t.metadata || `Topic ${t.topicId}`}
                  </Link>
                </Td>
                <Td>
                  <Badge>{CATEGORY[t.category]}</Badge>
                </Td>
                <Td>{t.asset ?? <Missing label="not named" />}</Td>
                <Td className="whitespace-nowrap">{t.horizon ?? <Missing label="not named" />}</Td>
                <Td className="text-right tabular-nums">{formatInteger(t.epochLength)}</Td>
                <Td className="whitespace-nowrap">{t.lossMethod}</Td>
                <Td>
                  {t.isActive === null ? (
                    <Missing label="Not reported by this network" />
                  ) : (
                    <Badge variant={t.isActive ? "accent" : "neutral"}>{t.isActive ? "Active" : "Inactive"}</Badge>
                  )}
                </Td>
                <Td className="text-right">
                  <AlloAmount uallo={t.topicStake} />
                </Td>
                <Td className="text-right tabular-nums">{t.workers}</Td>
                <Td className="text-right tabular-nums">{t.reputers}</Td>
                <Td className="text-right tabular-nums" title={t.latestValue ?? undefined}>
                  {t.latestValue === null ? <Missing label="no network inference yet" /> : formatDecimal(t.latestValue)}
                  {t.latestLabel && t.latestLabel !== "y" ? <span className="block text-xs text-muted-foreground">{t.latestLabel}</span> : null}
                </Td>
                <Td>
                  <EdgeFigure edge={t.edge?.edgeVsNaive ?? null} winShare={t.edge?.winShareVsNaive ?? null} epochs={t.edge?.epochs ?? 0} warming={warming} versus="naive forecast" />
                </Td>
                <Td>
                  <EdgeFigure edge={t.edge?.edgeVsBest ?? null} winShare={t.edge?.winShareVsBest ?? null} epochs={t.edge?.epochs ?? 0} warming={warming} versus="best single inferer" />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
