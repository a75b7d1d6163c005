// The one error shape of every route handler: { error: { code, message, issues? } }. Internals are logged, never echoed.
import { NextResponse } from "next/server";
import { ParameterError } from "@/lib/datasets/filters";
import { IngestConflictError, IngestValidationError } from "@/lib/ingest/ingest-batch";

export type ErrorCode =
  | "unauthorized"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid_json"
  | "invalid_batch"
  | "invalid_request"
  | "conflict"
  | "invalid_parameter"
  | "export_too_large"
  | "rate_limited"
  | "internal_error";

const statusOf: Record<ErrorCode, number> = {
  unauthorized: 401,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_batch: 422,
  invalid_request: 400,
  conflict: 409,
  invalid_parameter: 400,
  export_too_large: 400,
  rate_limited: 429,
  internal_error: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { field: string; message: string }[],
    /** Headers the answer must carry (Retry-After of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(error: unknown, context: string, headers: Record<string, string> = {}): NextResponse {
  let mapped: ApiError;
  if (error instanceof ApiError) mapped = error;
  else if (error instanceof IngestValidationError) mapped = new ApiError("invalid_batch", "the batch is invalid; nothing was written", error.issues);
  else if (error instanceof IngestConflictError) mapped = new ApiError("conflict", error.message, [{ field: error.field, message: error.message }]);
  else if (error instanceof ParameterError)
    mapped = new ApiError("invalid_parameter", error.message, [{ field: error.parameter, message: error.message }]);
  else {
    console.error(`${context}: unexpected error`, error);
    mapped = new ApiError("internal_error", context.includes("/api/ingest") ? "internal error; nothing was written" : "internal error");
  }
  headers = { ...headers, ...mapped.headers };
  const body = { error: { code: mapped.code, message: mapped.message, ...(mapped.issues ? { issues: mapped.issues } : {}) } };
  if (mapped.code === "unauthorized") headers = { ...headers, "www-authenticate": `Bearer realm="${context.includes("ingest") ? "ingest" : "api"}"` };
  return NextResponse.json(body, { status: statusOf[mapped.code], headers });
}
