// Links into the export builder and the API, built from one filter object, so every chart and table can offer
// "export this" and the builder's download link is the API URL itself (shareable: all state is in the URL).
import type { Filters } from "./filters";
// The builder's state is the API's filters (one list of them, in filters.ts) plus the dataset and the format.
export type ExportState = Omit<Filters, "asOfHeight"> & { dataset: string; format?: "csv" | "ndjson" | "json" };

function params(state: Omit<ExportState, "dataset">): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined) => (v ? p.set(k, v) : undefined);
  set("topic", state.topic);
  set("address", state.address);
  set("label", state.label);
  set("from_height", state.fromHeight);
  set("to_height", state.toHeight);
  set("from", state.from);
  set("to", state.to);
  if (state.columns?.length) p.set("columns", state.columns.join(","));
  return p;
}

/** The /data export builder, pre-filled. */
export function exportHref(state: ExportState): string {
  const p = params(state);
  p.set("dataset", state.dataset);
  if (state.format) p.set("format", state.format);
  return `/data?${p.toString()}`;
}

/** The API URL of the same export (what the builder's download link points to). */
export function apiHref(state: ExportState, extra: Record<string, string> = {}): string {
  const p = params(state);
  p.set("format", state.format ?? "csv");
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `/api/v1/${encodeURIComponent(state.dataset)}?${p.toString()}`;
}
