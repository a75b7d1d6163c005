import { ApiError } from "@/lib/api/errors";

/** Reads a request body's bytes, refusing (413) as soon as they pass `limit`, whatever Content-Length claims. */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () =>
    new ApiError("payload_too_large", `the body exceeds the ${limit}-byte limit; split the batch`, [{ field: "(body)", message: `larger than ${limit} bytes` }]);
  if (declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
