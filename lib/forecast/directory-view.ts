// The topic directory's view state, read from and written to the URL: search, filters, sort. Pure, so the page and
// its tests share it. Unknown values fall back to the defaults instead of failing the page.
import type { TopicCategory } from "@/lib/forecast/topic-meta";

export const SORT_KEYS = ["id", "name", "stake", "workers", "reputers", "epoch", "horizon", "edge-naive", "edge-best"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export type StatusFilter = "all" | "active" | "inactive";

export type DirectoryView = {
  q: string;
  category: TopicCategory | "all";
  asset: string | "all";
  status: StatusFilter;
  sort: SortKey;
  dir: SortDir;
};

export const DEFAULT_VIEW: DirectoryView = { q: "", category: "all", asset: "all", status: "all", sort: "id", dir: "asc" };

/** What the view needs of a row; the directory DTO has it all. */
export type DirectoryRow = {
  topicId: string;
  metadata: string;
  category: TopicCategory;
  asset: string | null;
  horizonSeconds: number | null;
  epochLength: string;
  isActive: boolean | null;
  topicStake: string | null;
  workers: number;
  reputers: number;
  edge: { edgeVsNaive: string | null; edgeVsBest: string | null } | null;
};

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function parseDirectoryView(params: Params): DirectoryView {
  const category = one(params.category);
  const status = one(params.status);
  const sort = one(params.sort);
  const asset = one(params.asset).trim().toUpperCase();
  return {
    q: one(params.q).trim().slice(0, 100),
    category: (["price", "log-return", "volatility", "other"] as const).find((c) => c === category) ?? "all",
    // The form sends "all" for no filter; it must not read as a ticker called ALL.
    asset: asset !== "ALL" && /^[A-Z0-9]{2,10}$/.test(asset) ? asset : "all",
    status: status === "active" || status === "inactive" ? status : "all",
    sort: SORT_KEYS.find((k) => k === sort) ?? "id",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
  };
}

/** The query string of a view, leaving out defaults so the plain URL stays /topics. */
export function directoryHref(view: DirectoryView, change: Partial<DirectoryView> = {}): string {
  const next = { ...view, ...change };
  const query = new URLSearchParams();
  for (const key of ["q", "category", "asset", "status", "sort", "dir"] as const)
    if (next[key] !== DEFAULT_VIEW[key]) query.set(key, next[key]);
  const text = query.toString();
  return text ? `/topics?${text}` : "/topics";
}

const big = (v: string | null) => (v === null ? null : BigInt(v.split(".")[0] ?? "0"));

/** Ascending comparison on one key; missing values always sort last, whichever the direction. */
function sortValue(row: DirectoryRow, key: SortKey): bigint | number | string | null {
  switch (key) {
    case "id": return BigInt(row.topicId);
    case "name": return row.metadata.toLowerCase();
    case "stake": return big(row.topicStake);
    case "workers": return row.workers;
    case "reputers": return row.reputers;
    case "epoch": return BigInt(row.epochLength);
    case "horizon": return row.horizonSeconds;
    case "edge-naive": return row.edge?.edgeVsNaive == null ? null : Number(row.edge.edgeVsNaive);
    case "edge-best": return row.edge?.edgeVsBest == null ? null : Number(row.edge.edgeVsBest);
  }
}

export function applyDirectoryView<T extends DirectoryRow>(rows: readonly T[], view: DirectoryView): T[] {
  const q = view.q.toLowerCase();
  const kept = rows.filter(
    (r) =>
      (q === "" || r.metadata.toLowerCase().includes(q) || r.topicId === q) &&
      (view.category === "all" || r.category === view.category) &&
      (view.asset === "all" || r.asset === view.asset) &&
      (view.status === "all" || (view.status === "active" ? r.isActive === true : r.isActive === false)),
  );
  const sign = view.dir === "asc" ? 1 : -1;
  return kept
    .map((row) => ({ row, key: sortValue(row, view.sort) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
      const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return c !== 0 ? c * sign : Number(BigInt(a.row.topicId) - BigInt(b.row.topicId));
    })
    .map((x) => x.row);
}

/** The assets present, for the filter's options. */
export function assetsOf(rows: readonly DirectoryRow[]): string[] {
  return [...new Set(rows.map((r) => r.asset).filter((a): a is string => a !== null))].sort();
}
