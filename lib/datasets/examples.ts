// Copyable examples per dataset for the API docs page: curl, Python pandas and TypeScript fetch.
import type { DatasetDef } from "./dataset";

export type Example = { language: string; code: string };

export function examplesFor(def: DatasetDef, origin: string): Example[] {
  const filter = def.topic ? "topic=1&" : "";
  const csv = `${origin}/api/v1/${def.name}?${filter}format=csv`;
  const json = `${origin}/api/v1/${def.name}?${filter}limit=1000`;
  return [
    { language: "curl", code: `curl -fsS -o ${def.name}.csv "${csv}"\ncurl -fsS "${origin}/api/v1/${def.name}?${filter}count=only"` },
    {
      language: "Python (pandas)",
      code: `import pandas as pd\n\n# The whole range in one streamed CSV; exact values are kept as text.\ndf = pd.read_csv("${csv}", dtype=str)\nprint(len(df), "rows")`,
    },
    {
      language: "TypeScript (fetch)",
      code:
        `// Page through JSON with the keyset cursor; amounts and decimals are exact strings.\n` +
        `let url: string | null = "${json}";\nconst rows: Record<string, unknown>[] = [];\n` +
        `while (url) {\n  const res = await fetch(url);\n  if (!res.ok) throw new Error((await res.json()).error.message);\n` +
        `  const page = await res.json();\n  rows.push(...page.rows);\n` +
        `  url = page.next_cursor ? \`${json}&cursor=\${page.next_cursor}\` : null;\n}`,
    },
  ];
}
