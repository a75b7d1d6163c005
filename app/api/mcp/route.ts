// POST /api/mcp – MCP over streamable HTTP (stateless): one tool per dataset, under the public API's rate limit.
import { errorResponse } from "@/lib/api/errors";
import { enforceRateLimit } from "@/lib/api/dataset-response";
import { handleMcpRequest } from "@/lib/api/mcp-server";

export const dynamic = "force-dynamic";

async function handle(request: Request) {
  let headers: Record<string, string> = {};
  try {
    headers = await enforceRateLimit(request);
    const response = await handleMcpRequest(request);
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  } catch (error) {
    return errorResponse(error, "POST /api/mcp", headers);
  }
}

export const POST = handle;
export const GET = handle;
export const DELETE = handle;
