// GET /api/health – database, migrations and indexing freshness, for load balancers and the status badge.
import { NextResponse } from "next/server";
import { getHealth } from "@/lib/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
