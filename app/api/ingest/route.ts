// POST /api/ingest – the single write path: authenticate → content type and size → zod → lib/ingest → per-table counts.
import { NextResponse } from "next/server";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { checksumOf, ingestBatch, parseBatchYielding, yieldToPages } from "@/lib/ingest/ingest-batch";
import { readBodyWithLimit } from "@/lib/api/read-body";
import { isAuthorized } from "@/lib/ingest/token";
import { createIngestProfile } from "@/lib/ingest/profile";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    if (!isAuthorized(request.headers.get("authorization")))
      throw new ApiError("unauthorized", "missing or wrong bearer token", [{ field: "authorization", message: "expected Bearer <INGEST_TOKEN>" }]);
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type))
      throw new ApiError("unsupported_media_type", `content-type must be application/json, got ${type || "none"}`, [
        { field: "content-type", message: "must be application/json" },
      ]);
    const bytes = await readBodyWithLimit(request, serverEnv().INGEST_MAX_BYTES);
    const text = bytes.toString("utf8");
    const profile = serverEnv().INGEST_PROFILE ? createIngestProfile() : undefined;
    let t = performance.now();
    const step = (label: string) => {
      profile?.add(label, performance.now() - t);
      t = performance.now();
    };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_json", "the body is not valid JSON; nothing was written", [{ field: "(body)", message: "not valid JSON" }]);
    }
    step("route: JSON.parse");
    // Each CPU step of a 20 MB catch-up batch is followed by a turn for the pages this thread also serves.
    await yieldToPages();
    step("route: turns for pages");
    const batch = await parseBatchYielding(body, text);
    step("route: validate");
    await yieldToPages();
    step("route: turns for pages");
    const checksum = checksumOf(text, bytes);
    const db = await getDb();
    step("route: checksum");
    const result = await ingestBatch(db, batch, checksum, profile);
    step("route: transaction incl. commit");
    profile?.print(batch.batch_id);
    return NextResponse.json({ status: result.status, batch_id: result.batchId, counts: result.counts, cursors: result.cursors });
  } catch (error) {
    return errorResponse(error, "POST /api/ingest");
  }
}
