import Link from "next/link";
import type { ActorRole, LeaderboardRow, LeaderboardSort } from "@/lib/queries/forecast/leaderboard";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAllo, formatInteger } from "@/components/format";
import { formatValue } from "@/components/charts/format";
import { Panel, WarmingUp } from "./panel";
import { shortAddress, topicHref, type ViewState } from "./view-state";

const TITLES: Record<ActorRole, string> = { inferer: "Inferers", forecaster: "Forecasters", reputer: "Reputers" };
const COLUMNS: { sort: LeaderboardSort; label: string }[] = [
  { sort: "score", label: "EMA score" },
  { sort: "trend", label: "Trend" },
  { sort: "inclusion", label: "Included" },
  { sort: "rewards", label: "Rewards (ALLO)" },
];
const LIMIT = 25;

function Board({ id, role, rows, state }: { id: string; role: ActorRole; rows: LeaderboardRow[]; state: ViewState }) {
  const actorHref = (a: string) => (role === "reputer" ? `/reputers/${a}` : `/workers/${a}`);
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{TITLES[role]} <span className="font-normal text-muted-foreground">({rows.length})</span></h3>
      {rows.length === 0 ? (
        <WarmingUp>No {TITLES[role].toLowerCase()} scored in this range yet.</WarmingUp>
      ) : (
        <Table label={`${TITLES[role]} leaderboard`}>
          <thead>
            <tr>
              <Th>Address</Th>
              {COLUMNS.map((c) => (
                <Th key={c.sort} className="text-right" aria-sort={state.sort === c.sort ? "descending" : undefined}>
                  <Link href={topicHref(id, state, { sort: c.sort })} className="hover:underline">{c.label}{state.sort === c.sort ? " ↓" : ""}</Link>
                </Th>
              ))}
              {role === "inferer" ? <Th>Chart</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, LIMIT).map((r) => {
              const plotted = state.workers.includes(r.address);
              const workers = plotted ? state.workers.filter((w) => w !== r.address) : [...state.workers, r.address].slice(-5);
              return (
                <tr key={r.address}>
                  <Td className="whitespace-nowrap"><Link className="text-primary hover:underline" href={actorHref(r.address)}>{shortAddress(r.address)}</Link></Td>
                  <Td className="text-right tabular-nums" title={r.scoreHeight ? `at block ${r.scoreHeight}` : undefined}>{r.score === null ? "—" : formatValue(Number(r.score))}</Td>
                  <Td className="text-right tabular-nums">{r.trend === null ? "—" : `${r.trend >= 0 ? "+" : ""}${formatValue(r.trend)}`}</Td>
                  <Td className="text-right tabular-nums">{formatInteger(String(r.inclusions))}</Td>
                  <Td className="text-right tabular-nums">{r.rewards === null ? "—" : formatAllo(r.rewards)}</Td>
                  {role === "inferer" ? (
                    <Td>
                      <Link href={topicHref(id, state, { workers })} className="text-primary hover:underline" aria-label={`${plotted ? "Remove" : "Plot"} ${shortAddress(r.address)} on the chart`}>
                        {plotted ? "Remove" : "Plot"}
                      </Link>
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {rows.length > LIMIT ? <p className="mt-1 text-xs text-muted-foreground">Top {LIMIT} of {rows.length} shown.</p> : null}
    </div>
  );
}

export function Leaderboards({ id, boards, state, asOf }: { id: string; boards: Record<ActorRole, LeaderboardRow[]>; state: ViewState; asOf: string | null }) {
  return (
    <Panel id="leaderboards" title="Leaderboards" asOf={asOf} description="Latest EMA score (as of the range's end), its change over the range, epochs included in the range and rewards paid in it.">
      <div className="space-y-6">
        {(["inferer", "forecaster", "reputer"] as const).map((role) => (
          <Board key={role} id={id} role={role} rows={boards[role]} state={state} />
        ))}
      </div>
    </Panel>
  );
}
