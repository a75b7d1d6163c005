import type { DatasetDef } from "@/lib/datasets/dataset";
import { unitOf } from "@/lib/datasets/columns";
import { Table, Td, Th } from "@/components/ui/table";

const KIND_LABEL: Record<string, string> = {
  height: "integer (string)",
  int: "integer",
  dec: "decimal (exact string)",
  amount: "integer amount (exact string)",
  allo: "decimal amount (exact string)",
  text: "text",
  bool: "boolean",
  time: "ISO 8601 UTC",
  texts: "list of text (JSON in CSV)",
};

/** Every column of every dataset with its type and unit, generated from the registry. */
export function DataDictionary({ datasets, open }: { datasets: readonly DatasetDef[]; open?: string }) {
  return (
    <div className="flex flex-col gap-2" id="dictionary">
      {datasets.map((d) => (
        <details key={d.name} open={d.name === open} className="rounded-xl border bg-card" data-dictionary={d.name}>
          <summary className="cursor-pointer px-5 py-3 text-sm">
            <span className="font-medium">{d.title}</span> <span className="font-mono text-xs text-muted-foreground">{d.name}</span>
            <span className="mt-0.5 block text-xs text-muted-foreground">{d.description}</span>
          </summary>
          <Table label={`Columns of ${d.name}`}>
            <thead>
              <tr>
                <Th>Column</Th>
                <Th>Type</Th>
                <Th>Unit</Th>
                <Th className="hidden sm:table-cell">Meaning</Th>
              </tr>
            </thead>
            <tbody>
              {d.columns.map((c) => (
                <tr key={c.name}>
                  <Td className="font-mono text-xs">
                    {c.name}
                    <span className="mt-1 block font-sans text-muted-foreground sm:hidden">{c.description}</span>
                  </Td>
                  <Td className="text-xs whitespace-nowrap">
                    {KIND_LABEL[c.kind]}
                    {c.nullable ? <span className="text-muted-foreground">, may be empty</span> : null}
                  </Td>
                  <Td className="text-xs">{unitOf(c) || "—"}</Td>
                  <Td className="hidden text-xs text-muted-foreground sm:table-cell">{c.description}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      ))}
    </div>
  );
}
