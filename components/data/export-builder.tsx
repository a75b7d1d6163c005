import type { DatasetDef } from "@/lib/datasets/dataset";
import { apiHref, type ExportState } from "@/lib/datasets/export-href";
import type { ExportPreview } from "@/lib/queries/datasets";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buttonClassName } from "@/components/ui/button";
import { formatInteger } from "@/components/format";

const input = "h-9 w-full rounded-lg border bg-background px-3 text-sm";

function Field({ label, name, value, placeholder, hint }: { label: string; name: string; value?: string; placeholder?: string; hint?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <input className={input} name={name} defaultValue={value ?? ""} placeholder={placeholder} />
      {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
    </label>
  );
}

/**
 * The export builder: a plain GET form, so its state is the page URL (shareable, works without JavaScript); the
 * server counts the rows before anything is downloaded, and the download link is the API URL of the same query.
 */
export function ExportBuilder({ datasets, def, state, preview }: { datasets: readonly DatasetDef[]; def: DatasetDef; state: ExportState; preview: ExportPreview }) {
  const format = state.format ?? "csv";
  const download = apiHref({ ...state, format });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Export builder</CardTitle>
        <CardDescription>Pick a dataset and a range; the row count is shown before you download. Nothing is ever cut short.</CardDescription>
      </CardHeader>
      <CardContent>
        <form method="get" action="/data" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Export builder">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Dataset</span>
            <select name="dataset" defaultValue={def.name} className={input}>
              {datasets.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          {def.topic ? <Field label="Topic" name="topic" value={state.topic} placeholder="any" /> : null}
          {def.address ? <Field label="Address" name="address" value={state.address} placeholder="allo1…" /> : null}
          {def.label ? <Field label={def.name === "ground_truth" ? "Series" : "Label"} name="label" value={state.label} placeholder="any" /> : null}
          {def.height ? <Field label="From height" name="from_height" value={state.fromHeight} placeholder="first" /> : null}
          {def.height ? <Field label="To height" name="to_height" value={state.toHeight} placeholder="latest" /> : null}
          {def.height || def.time ? <Field label="From (UTC)" name="from" value={state.from} placeholder="2026-11-24 or ISO 8601" /> : null}
          {def.height || def.time ? <Field label="To (UTC)" name="to" value={state.to} placeholder="2026-11-25T00:00:00Z" /> : null}
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Format</span>
            <select name="format" defaultValue={format} className={input}>
              <option value="csv">CSV</option>
              <option value="ndjson">NDJSON</option>
              <option value="json">JSON (paged)</option>
            </select>
          </label>
          <fieldset className="sm:col-span-2 lg:col-span-4">
            <legend className="mb-2 text-sm font-medium">Columns (none ticked: all)</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {def.columns.map((c) => (
                <label key={c.name} className="inline-flex items-center gap-1.5 font-mono text-xs">
                  <input type="checkbox" name="col" value={c.name} defaultChecked={state.columns?.includes(c.name)} />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClassName("outline")}>
              Update preview
            </button>
            {preview.ok ? (
              <>
                <p className="text-sm" data-testid="export-count" role="status">
                  <span className="font-semibold tabular-nums">{formatInteger(preview.count)}</span> {preview.count === "1" ? "row" : "rows"}
                  {preview.asOfHeight ? <> · as of block {formatInteger(preview.asOfHeight)}</> : null}
                </p>
                <a href={download} className={buttonClassName("primary")} data-testid="export-download" download>
                  Download {format.toUpperCase()}
                </a>
              </>
            ) : (
              <p role="alert" className="text-sm text-danger" data-testid="export-error">
                {preview.message}
              </p>
            )}
          </div>
          {preview.ok ? (
            <p className="text-xs break-all text-muted-foreground sm:col-span-2 lg:col-span-4">
              API URL: <code className="font-mono">{download}</code>
            </p>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
