// The one error shape of every route handler: { error: { code, message, issues? } }. Internals are logged, never echoed.
import { NextResponse } from "next/server";
import { IngestConflictError, IngestValidationError } from "@/lib/ingest/ingest-batch";

export type ErrorCode =
  | "unauthorized"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid_json"
  | "invalid_batch"
  | "invalid_request"
  | "conflict"
  | "internal_error";

const statusOf: Record<ErrorCode, number> = {
  unauthorized: 401,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_batch: 422,
  invalid_request: 400,
  conflict: 409,
  internal_error: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export function errorResponse(error: unknown, context: string): NextResponse {
  let mapped: ApiError;
  if (error instanceof ApiError) mapped = error;
  else if (error instanceof IngestValidationError) mapped = new ApiError("invalid_batch", "the batch is invalid; nothing was written", error.issues);
  else if (error instanceof IngestConflictError) mapped = new ApiError("conflict", error.message);
  else {
    console.error(`${context}: unexpected error`, error);
    mapped = new ApiError("internal_error", "internal error; nothing was written");
  }
  const body = { error: { code: mapped.code, message: mapped.message, ...(mapped.issues ? { issues: mapped.issues } : {}) } };
  const headers: Record<string, string> = mapped.code === "unauthorized" ? { "www-authenticate": 'Bearer realm="ingest"' } : {};
  return NextResponse.json(body, { status: statusOf[mapped.code], headers });
}
