import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASET_NAMES } from "@/lib/datasets/registry";
import { describeTestDatabase } from "../support/test-db";
import { setRouteEnv, withTestDatabase } from "../support/post-batch";
import { everyDatasetBatch, INFERER } from "../support/dataset-batches";

setRouteEnv({ ALLORA_NETWORK: "testnet", API_RATE_LIMIT: "100000" });
const mcp = await import("@/app/api/mcp/route");

let client: Client;
withTestDatabase(everyDatasetBatch);
beforeAll(async () => {
  // The SDK's own client, its HTTP requests answered by the real route handler.
  const transport = new StreamableHTTPClientTransport(new URL("http://localhost/api/mcp"), {
    fetch: async (url, init) => {
      const request = new Request(url, init);
      return ({ POST: mcp.POST, GET: mcp.GET, DELETE: mcp.DELETE } as Record<string, (r: Request) => Promise<Response>>)[request.method]!(request);
    },
  });
  client = new Client({ name: "test-analyst", version: "1.0.0" });
  await client.connect(transport);
});
afterAll(() => client.close());

type ToolAnswer = { dataset: string; as_of_height: string | null; rows?: Record<string, unknown>[]; count?: string };

describe(`the MCP server at /api/mcp (${describeTestDatabase()})`, () => {
  it("lists one tool per dataset, with the API's filters as input", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(DATASET_NAMES.map((n) => `get_${n}`).sort());
    const inferences = tools.find((t) => t.name === "get_worker_inferences")!;
    expect(Object.keys(inferences.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(["topic", "address", "label", "from_height", "to_height", "from", "to", "cursor", "limit", "count_only"]),
    );
  });

  it.each(DATASET_NAMES)("get_%s answers rows as of the indexed height", async (name) => {
    const result = await client.callTool({ name: `get_${name}`, arguments: { limit: "50" } });
    expect(result.isError).toBeFalsy();
    const body = result.structuredContent as ToolAnswer;
    expect(body).toMatchObject({ dataset: name, as_of_height: "20" });
    // One row each, but 40 worker inferences, no signal, and two loss bundles (the network's and a reputer's).
    const rows: Record<string, number> = { signals: 0, worker_inferences: 40, losses: 2 };
    expect(body.rows!.length).toBe(rows[name] ?? 1);
    const count = await client.callTool({ name: `get_${name}`, arguments: { count_only: true } });
    expect((count.structuredContent as ToolAnswer).count).toBe(String(body.rows!.length));
  });

  it("filters like the API and names a bad parameter", async () => {
    const result = await client.callTool({ name: "get_worker_inferences", arguments: { address: INFERER(1), from_height: "5", to_height: "6" } });
    expect((result.structuredContent as ToolAnswer).rows!.map((r) => [r.inferer, r.block_height])).toEqual([[INFERER(1), "5"], [INFERER(1), "6"]]);
    const bad = await client.callTool({ name: "get_scores", arguments: { from_height: "9", to_height: "2" } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain("from_height");
  });
});
