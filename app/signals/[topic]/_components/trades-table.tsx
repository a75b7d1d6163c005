import type { Trade } from "@/lib/signals/backtest";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUtc } from "@/components/format";
import { fmtPct } from "@/components/signals/signal-format";

export function TradesTable({ trades, total }: { trades: Trade[]; total: number }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Trades</CardTitle>
        <CardDescription>
          {total === 0 ? "No trades: the rule stayed flat over this range." : `The latest ${trades.length} of ${total}, newest first; P&L net of fees and slippage, as a share of equity.`}
        </CardDescription>
      </CardHeader>
      {total > 0 && (
        <CardContent className="px-0">
          <Table label="Backtest trades">
            <thead>
              <tr>
                <Th>Side</Th>
                <Th>Entry</Th>
                <Th>Exit</Th>
                <Th className="text-right">Entry price</Th>
                <Th className="text-right">Exit price</Th>
                <Th className="text-right">Epochs</Th>
                <Th className="text-right">Net P&amp;L</Th>
              </tr>
            </thead>
            <tbody>
              {trades.map((t) => (
                <tr key={`${t.entryT}-${t.direction}`}>
                  <Td>
                    <Badge variant="accent">{t.direction}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatUtc(new Date(t.entryT).toISOString())}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatUtc(new Date(t.exitT).toISOString())}</Td>
                  <Td className="text-right tabular-nums">{t.entryPrice.toFixed(2)}</Td>
                  <Td className="text-right tabular-nums">{t.exitPrice.toFixed(2)}</Td>
                  <Td className="text-right tabular-nums">{t.intervals}</Td>
                  <Td className="text-right tabular-nums">{fmtPct(t.pnl, 2)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </CardContent>
      )}
    </Card>
  );
}
