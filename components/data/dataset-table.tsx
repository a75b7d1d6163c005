import type { DatasetSummary } from "@/lib/queries/datasets";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInteger } from "@/components/format";
import { ExportLink } from "@/components/data/export-link";

export function DatasetTable({ datasets }: { datasets: DatasetSummary[] }) {
  return (
    <Card>
      <Table label="Datasets table">
        <thead>
          <tr>
            <Th>Dataset</Th>
            <Th className="hidden sm:table-cell">What it holds</Th>
            <Th className="text-right">Rows</Th>
            <Th className="text-right">
              <span className="sr-only">Export</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.name} data-dataset={d.name}>
              <Td>
                <span className="block font-medium">{d.title}</span>
                <span className="block font-mono text-xs text-muted-foreground">{d.name}</span>
                <span className="mt-1 block text-xs text-muted-foreground sm:hidden">{d.description}</span>
              </Td>
              <Td className="hidden text-muted-foreground sm:table-cell">
                {d.description}
              </Td>
              <Td className="text-right font-medium tabular-nums" data-testid="row-count">
                {formatInteger(d.rowCount)}
              </Td>
              <Td className="text-right whitespace-nowrap">
                <ExportLink state={{ dataset: d.name }} label="Export" />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
