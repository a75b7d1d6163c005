import Link from "next/link";
import type { WinsDto } from "@/lib/queries/forecast/wins";
import { Table, Td, Th } from "@/components/ui/table";
import { formatValue } from "@/components/charts/format";
import { Panel, WarmingUp } from "./panel";
import { shortAddress } from "./view-state";

export function RegimesPanel({ wins, asOf }: { wins: WinsDto; asOf: string | null }) {
  return (
    <Panel id="regimes" title="Regimes" asOf={asOf} description="Mean loss in calm, normal and volatile stretches (terciles of realized price volatility over the range), for the network, the naive forecast and the three workers with the lowest loss.">
      {wins.regimes === null ? (
        <WarmingUp>Regimes need realized prices over at least three stretches of this range.</WarmingUp>
      ) : (
        <Table label="Loss by volatility regime">
          <thead>
            <tr>
              <Th>Series</Th>
              {wins.regimes.map((r) => (
                <Th key={r.regime} className="text-right capitalize">{r.regime} <span className="font-normal">({r.buckets})</span></Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {wins.regimeSeries.map((s) => (
              <tr key={s.key}>
                <Td className="whitespace-nowrap">{s.key.startsWith("allo1") ? <Link className="text-primary hover:underline" href={`/workers/${s.key}`}>{shortAddress(s.key)}</Link> : s.label}</Td>
                {wins.regimes!.map((r) => (
                  <Td key={r.regime} className="text-right tabular-nums">{formatValue(r.losses[s.key])}</Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Panel>
  );
}
