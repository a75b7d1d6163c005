// GET /api/v1/openapi.json – the OpenAPI 3.1 document of the public API, generated from the dataset registry.
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/datasets/openapi";

export const dynamic = "force-dynamic";

export function GET() {
  const env = serverEnv();
  const document = buildOpenApiDocument({
    requestsPerWindow: env.API_RATE_LIMIT,
    windowSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    exportMaxRows: env.EXPORT_MAX_ROWS,
  });
  return NextResponse.json(document, { headers: { "access-control-allow-origin": "*" } });
}
