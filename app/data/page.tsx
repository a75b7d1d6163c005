import type { Metadata } from "next";
import Link from "next/link";
import { getIndexStatus } from "@/lib/queries/status";
import { listDatasets, previewExport } from "@/lib/queries/datasets";
import { DATASETS, findDataset } from "@/lib/datasets/registry";
import type { ExportState } from "@/lib/datasets/export-href";
import { PageHeader } from "@/components/ui/page-header";
import { DatabaseIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { DatasetTable } from "@/components/data/dataset-table";
import { ExportBuilder } from "@/components/data/export-builder";
import { DataDictionary } from "@/components/data/data-dictionary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function stateOf(search: Search, dataset: string): ExportState {
  const cols = [search.col ?? [], one(search.columns)?.split(",") ?? []].flat().filter(Boolean);
  const format = one(search.format);
  return {
    dataset,
    topic: one(search.topic),
    address: one(search.address),
    label: one(search.label),
    fromHeight: one(search.from_height),
    toHeight: one(search.to_height),
    from: one(search.from),
    to: one(search.to),
    columns: cols.length ? cols : undefined,
    format: format === "ndjson" || format === "json" ? format : "csv",
  };
}

export default async function DataPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const def = findDataset(one(search.dataset) ?? "") ?? findDataset("network_inferences")!;
  const state = stateOf(search, def.name);
  const query = {
    topic: state.topic, address: state.address, label: state.label, from_height: state.fromHeight, to_height: state.toHeight,
    from: state.from, to: state.to, columns: state.columns?.join(","),
  };
  const [status, summary, preview] = await Promise.all([getIndexStatus(), listDatasets(), previewExport(def, query)]);
  const empty = summary.datasets.every((d) => d.rowCount === "0");
  return (
    <>
      <PageHeader
        title="Data"
        description={
          <>
            Every dataset this dashboard indexes, for analysts: build an export over an explicit range, or query the{" "}
            <Link href="/data/api" className="font-medium text-primary underline underline-offset-4">
              public API
            </Link>{" "}
            directly.
          </>
        }
        aside={<AsOf status={status} />}
      />
      {empty ? (
        <div className="mb-6 flex items-start gap-3 rounded-xl border bg-accent/60 p-4 text-sm">
          <DatabaseIcon className="mt-0.5 shrink-0 text-accent-foreground" />
          <div>
            <p className="font-medium">Exports arrive with indexed data.</p>
            <p className="mt-1 text-muted-foreground">
              Nothing is indexed yet, so every dataset has 0 rows. To fill them with simulated data locally, run{" "}
              <code className="rounded border bg-card px-1.5 py-0.5 font-mono text-xs text-foreground">npm run demo</code>.
            </p>
          </div>
        </div>
      ) : null}
      <div className="flex flex-col gap-8">
        <ExportBuilder datasets={DATASETS} def={def} state={state} preview={preview} />
        <section aria-labelledby="datasets-heading">
          <h2 id="datasets-heading" className="mb-3 text-lg font-semibold tracking-tight">
            Datasets
          </h2>
          <DatasetTable datasets={summary.datasets} />
        </section>
        <section aria-labelledby="dictionary-heading">
          <h2 id="dictionary-heading" className="mb-1 text-lg font-semibold tracking-tight">
            Data dictionary
          </h2>
          <p className="mb-3 text-sm text-muted-foreground">
            Amounts are exact integers in uallo beside an <code className="font-mono">_allo</code> column (1 ALLO = 10¹⁸ uallo); Allora
            decimals are exact strings; times are ISO 8601 UTC; an empty cell is a missing value, never 0.
          </p>
          <DataDictionary datasets={DATASETS} open={def.name} />
        </section>
      </div>
    </>
  );
}
