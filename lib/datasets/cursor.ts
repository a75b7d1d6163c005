// The opaque keyset cursor of JSON pages: the dataset, the as-of height the paging run is pinned to and the natural
// key of the last row sent. The next page starts strictly after that key, so no row repeats and none is skipped.
import { ParameterError } from "./filters";

export type Cursor = { dataset: string; asOf: string | null; key: string[] };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([1, cursor.dataset, cursor.asOf, cursor.key])).toString("base64url");
}

export function decodeCursor(text: string, dataset: string, keyLength: number): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new ParameterError("cursor", "is not a cursor this API issued");
  }
  if (
    !Array.isArray(parsed) || parsed[0] !== 1 || typeof parsed[1] !== "string" ||
    !(parsed[2] === null || (typeof parsed[2] === "string" && /^\d+$/.test(parsed[2]))) ||
    !Array.isArray(parsed[3]) || parsed[3].length !== keyLength || !parsed[3].every((k) => typeof k === "string")
  )
    throw new ParameterError("cursor", "is not a cursor this API issued");
  if (parsed[1] !== dataset) throw new ParameterError("cursor", `belongs to the ${parsed[1]} dataset, not ${dataset}`);
  return { dataset, asOf: parsed[2] as string | null, key: parsed[3] as string[] };
}
