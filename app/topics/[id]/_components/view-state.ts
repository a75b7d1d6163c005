// Every view choice of the topic page lives in the URL, so a link reproduces exactly what was seen.
import { LEADERBOARD_SORTS, type LeaderboardSort } from "@/lib/queries/forecast/leaderboard";
import { MAX_SELECTED_WORKERS } from "@/lib/queries/forecast/chart";

export type ViewState = { range?: string; from?: string; to?: string; label?: string; workers: string[]; sort: LeaderboardSort };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const ADDRESS = /^allo1[0-9a-z]{20,80}$/;

export function readViewState(sp: Params): ViewState {
  const raw = [sp.workers].flat().filter((v): v is string => typeof v === "string").flatMap((v) => v.split(","));
  const workers = [...new Set(raw.filter((w) => ADDRESS.test(w)))].slice(0, MAX_SELECTED_WORKERS);
  const sort = one(sp.sort);
  return {
    range: one(sp.range),
    from: one(sp.from),
    to: one(sp.to),
    label: one(sp.label),
    workers,
    sort: LEADERBOARD_SORTS.includes(sort as LeaderboardSort) ? (sort as LeaderboardSort) : "score",
  };
}

export function topicHref(id: string, state: ViewState, patch: Partial<ViewState> = {}): string {
  const s = { ...state, ...patch };
  const q = new URLSearchParams();
  if (s.from && s.to) {
    q.set("from", s.from);
    q.set("to", s.to);
  } else if (s.range) q.set("range", s.range);
  if (s.label) q.set("label", s.label);
  if (s.workers.length) q.set("workers", s.workers.join(","));
  if (s.sort !== "score") q.set("sort", s.sort);
  const qs = q.toString();
  return `/topics/${id}${qs ? `?${qs}` : ""}`;
}

export const shortAddress = (a: string) => (a.length > 16 ? `${a.slice(0, 9)}…${a.slice(-4)}` : a);
