import type { CallStats } from "@/lib/signals/analysis";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { fmtBps, fmtPct } from "@/components/signals/signal-format";

type Column = { title: string; note: string; stats: CallStats; testId: string };

/** The live ledger beside the backtest of the same rule over the same period, measured identically, per call. */
export function LiveVsBacktest({ live, ledgerRule, yours, rule }: { live: CallStats; ledgerRule: CallStats; yours: CallStats; rule: string }) {
  const columns: Column[] = [
    { title: "Live ledger", note: "as published, scored when due", stats: live, testId: "live" },
    { title: "Backtest, ledger rule", note: rule, stats: ledgerRule, testId: "backtest-ledger" },
    { title: "Backtest, your parameters", note: "this page's settings", stats: yours, testId: "backtest-yours" },
  ];
  const rows: [string, (s: CallStats) => string][] = [
    ["Signals", (s) => String(s.signals)],
    ["Directional calls", (s) => String(s.calls)],
    ["Scored calls", (s) => String(s.scored)],
    ["Hit rate", (s) => fmtPct(s.hitRate, 0)],
    ["Mean return per call", (s) => fmtBps(s.meanSignedBps)],
  ];
  return (
    <Card data-testid="live-vs-backtest">
      <CardHeader>
        <CardTitle>Live ledger vs backtest</CardTitle>
        <CardDescription>Same period, same measure: a call hits when the asset moved the called way over the horizon (before costs).</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <Table label="Live ledger against the backtest">
          <thead>
            <tr>
              <Th>Per call</Th>
              {columns.map((c) => (
                <Th key={c.title} className="text-right" data-testid={`column-${c.testId}`}>
                  {c.title}
                  <span className="block font-normal">{c.note}</span>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <Td>{label}</Td>
                {columns.map((c) => (
                  <Td key={c.title} className="text-right tabular-nums">
                    {value(c.stats)}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </CardContent>
    </Card>
  );
}
