import type { RegimeAccuracy } from "@/lib/signals/analysis";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { fmtPct } from "@/components/signals/signal-format";

export function RegimeTable({ regimes }: { regimes: RegimeAccuracy[] | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Accuracy by volatility regime</CardTitle>
        <CardDescription>Hit rate of this page&apos;s calls in the calm, normal and volatile thirds of the trailing realized volatility at publish time.</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {regimes === null ? (
          <p className="px-5 text-sm text-muted-foreground">Warming up: not enough price history for volatility regimes yet.</p>
        ) : (
          <Table label="Accuracy by volatility regime">
            <thead>
              <tr>
                <Th>Regime</Th>
                <Th className="text-right">Scored calls</Th>
                <Th className="text-right">Hit rate</Th>
              </tr>
            </thead>
            <tbody>
              {regimes.map((r) => (
                <tr key={r.regime}>
                  <Td className="capitalize">{r.regime}</Td>
                  <Td className="text-right tabular-nums">{r.calls}</Td>
                  <Td className="text-right tabular-nums">{fmtPct(r.hitRate, 0)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
