// The MCP server of /api/mcp: one tool per registry dataset, with the same filters, pages and limits as /api/v1,
// so an analyst's AI assistant can query the index. Stateless: a server and transport per HTTP request.
import "server-only";
import { z } from "zod";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { unitOf } from "@/lib/datasets/columns";
import { filterShape, ParameterError, parseQuery } from "@/lib/datasets/filters";
import { DATASETS } from "@/lib/datasets/registry";
import { countRows, readPage, resolveScope } from "@/lib/queries/datasets";
import type { DatasetDef } from "@/lib/datasets/dataset";

const inputShape = {
  ...filterShape,
  count_only: z.boolean().optional().meta({ description: "true: answer only the number of rows the query matches" }),
};

type ToolArgs = { [K in keyof typeof filterShape]?: string } & { count_only?: boolean };

async function answer(def: DatasetDef, args: ToolArgs) {
  const { count_only: countOnly, ...rest } = args;
  const query = parseQuery(def, { ...rest, ...(countOnly ? { count: "only" } : {}) });
  if (query.countOnly) {
    const scope = await resolveScope(query.filters);
    const count = await countRows(def, query.filters, scope);
    return { dataset: def.name, as_of_height: scope.asOfHeight, lag_seconds: scope.lagSeconds, count };
  }
  const page = await readPage(def, query.filters, query.limit, query.cursor);
  return { dataset: def.name, as_of_height: page.asOfHeight, lag_seconds: page.lagSeconds, rows: page.rows, next_cursor: page.nextCursor };
}

export function buildMcpServer(): McpServer {
  const server = new McpServer({ name: "allora-dashboard", version: "1.0.0" });
  for (const def of DATASETS) {
    const columns = def.columns.map((c) => `${c.name} (${c.kind}${unitOf(c) ? `, ${unitOf(c)}` : ""})`).join(", ");
    server.registerTool(
      `get_${def.name}`,
      {
        title: def.title,
        description: `${def.description} Returns a JSON page of rows (next_cursor continues it) or, with count_only, the row count. Columns: ${columns}.`,
        inputSchema: inputShape,
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async (args) => {
        try {
          const body = await answer(def, args as ToolArgs);
          return { content: [{ type: "text" as const, text: JSON.stringify(body) }], structuredContent: body };
        } catch (error) {
          if (error instanceof ParameterError) return { isError: true, content: [{ type: "text" as const, text: error.message }] };
          throw error;
        }
      },
    );
  }
  return server;
}

export async function handleMcpRequest(request: Request): Promise<Response> {
  const server = buildMcpServer();
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    // JSON responses are complete once handleRequest returns, so the per-request server can go.
    void server.close();
  }
}
