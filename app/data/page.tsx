import type { Metadata } from "next";
import { getIndexStatus } from "@/lib/queries/status";
import { listDatasets } from "@/lib/queries/datasets";
import { PageHeader } from "@/components/ui/page-header";
import { DatabaseIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { DatasetTable } from "@/components/data/dataset-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

export default async function DataPage() {
  const [status, datasets] = await Promise.all([getIndexStatus(), listDatasets()]);
  const empty = datasets.every((d) => d.rowCount === "0");
  return (
    <>
      <PageHeader
        title="Data"
        description="Everything this dashboard indexes, for analysts: the datasets below and their row counts in this deployment's database."
        aside={<AsOf status={status} />}
      />
      <div className="mb-6 flex items-start gap-3 rounded-xl border bg-accent/60 p-4 text-sm">
        <DatabaseIcon className="mt-0.5 shrink-0 text-accent-foreground" />
        <div>
          <p className="font-medium">{empty ? "Exports arrive with indexed data." : "Row counts of every indexed dataset."}</p>
          <p className="mt-1 text-muted-foreground">
            Each dataset will be downloadable as CSV, NDJSON or JSON for an explicit date or height range, with its row
            count shown before you download and nothing silently truncated.
          </p>
          {empty ? (
            <p className="mt-2 text-muted-foreground">
              Nothing is indexed yet, so every dataset has 0 rows. To fill them with simulated data locally, run{" "}
              <code className="rounded border bg-card px-1.5 py-0.5 font-mono text-xs text-foreground">npm run demo</code>.
            </p>
          ) : null}
        </div>
      </div>
      <DatasetTable datasets={datasets} />
    </>
  );
}
