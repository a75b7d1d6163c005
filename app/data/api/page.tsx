import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { DATASETS } from "@/lib/datasets/registry";
import { MAX_PAGE_ROWS, querySchema } from "@/lib/datasets/filters";
import { examplesFor } from "@/lib/datasets/examples";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { CopyButton } from "@/components/data/copy-button";
import { formatInteger } from "@/components/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API" };

const code = "rounded border bg-muted px-1 py-0.5 font-mono text-xs";

export default async function ApiDocsPage() {
  const env = serverEnv();
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
  const parameters = Object.entries(querySchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? "" }));
  return (
    <>
      <PageHeader
        title="Public API"
        description="Read-only HTTP access to every dataset, in the same schema as the exports. No key needed; a key raises the limit."
      />
      <div className="flex flex-col gap-6 text-sm">
        <Card>
          <CardHeader>
            <CardTitle>How it works</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 leading-relaxed">
            <p>
              <code className={code}>GET /api/v1/&#123;dataset&#125;</code> answers a JSON page of at most {formatInteger(String(MAX_PAGE_ROWS))} rows with{" "}
              <code className={code}>next_cursor</code> (keyset pagination: a paging run is pinned to its first page&apos;s as-of height, so rows
              indexed meanwhile never shift it, and no row repeats or goes missing), <code className={code}>count=only</code> answers the exact row
              count of the same query, and <code className={code}>format=csv</code> or <code className={code}>format=ndjson</code> streams the whole
              range in one response.
            </p>
            <p>
              Every answer carries <code className={code}>X-As-Of-Height</code> and <code className={code}>X-Lag-Seconds</code> (and, in JSON,{" "}
              <code className={code}>as_of_height</code> and <code className={code}>lag_seconds</code>). Amounts are exact integer strings in uallo
              beside an ALLO column; Allora decimals are exact strings; times are ISO 8601 UTC. Errors are{" "}
              <code className={code}>{`{ "error": { "code", "message" } }`}</code>, and a bad parameter is a 400 that names it.
            </p>
            <p>
              The machine-readable description is the <a className="font-medium text-primary underline underline-offset-4" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>; AI
              assistants can use the same datasets as MCP tools at <code className={code}>{origin}/api/mcp</code> (streamable HTTP).
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Limits</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="list-disc space-y-1 pl-5" data-testid="api-limits">
              <li>
                {formatInteger(String(env.API_RATE_LIMIT))} requests per {env.API_RATE_LIMIT_WINDOW_SECONDS} s per client without a key, shared by /api/v1 and
                /api/mcp across every instance of this deployment. Answers carry <code className={code}>RateLimit-*</code> and{" "}
                <code className={code}>X-RateLimit-*</code> headers; over the limit: 429 with <code className={code}>Retry-After</code>.
              </li>
              <li>
                An API key (<code className={code}>Authorization: Bearer allo_…</code>, created by the operator with{" "}
                <code className={code}>npm run api-key:create</code>) has its own, higher limit (600 per window unless set otherwise).
              </li>
              <li>
                {formatInteger(String(MAX_PAGE_ROWS))} rows per JSON page; {formatInteger(String(env.EXPORT_MAX_ROWS))} rows per CSV/NDJSON export. A larger
                request is refused with a 400 that says so — never a silently shorter file.
              </li>
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Parameters</CardTitle>
          </CardHeader>
          <Table label="Query parameters">
            <thead>
              <tr>
                <Th>Parameter</Th>
                <Th>Meaning</Th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((p) => (
                <tr key={p.name}>
                  <Td className="font-mono text-xs">{p.name}</Td>
                  <Td className="text-muted-foreground">{p.description}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <h2 className="text-lg font-semibold tracking-tight">Routes</h2>
        {DATASETS.map((def) => (
          <Card key={def.name} data-route={def.name}>
            <CardHeader>
              <CardTitle className="font-mono">GET /api/v1/{def.name}</CardTitle>
              <p className="text-muted-foreground">
                {def.description}{" "}
                <Link className="text-primary underline underline-offset-4" href={`/data?dataset=${def.name}#dictionary`}>
                  Columns
                </Link>
              </p>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              {examplesFor(def, origin).map((ex) => (
                <div key={ex.language}>
                  <div className="mb-1 flex items-center justify-between">
                    <span className="text-xs font-medium">{ex.language}</span>
                    <CopyButton text={ex.code} label={`${ex.language} example for ${def.name}`} />
                  </div>
                  <pre className="overflow-x-auto rounded-lg border bg-muted p-3 font-mono text-xs" tabIndex={0}>
                    {ex.code}
                  </pre>
                </div>
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
