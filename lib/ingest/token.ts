// The bearer token of POST /api/ingest: INGEST_TOKEN when set, otherwise one generated on first start and kept in
// INGEST_TOKEN_FILE (mode 600), so the zero-config setup is authenticated too and the in-process collector can read it.
import { randomBytes, createHash, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverEnv } from "@/lib/env";

let cached: string | undefined;

export function getIngestToken(): string {
  if (cached) return cached;
  const env = serverEnv();
  if (env.INGEST_TOKEN) return (cached = env.INGEST_TOKEN);
  const file = env.INGEST_TOKEN_FILE;
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process created it first, read theirs instead of overwriting it.
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch {}
    cached = readFileSync(file, "utf8").trim();
  }
  if (cached.length < 16) throw new Error(`${file} holds no usable ingest token: delete it to generate a new one`);
  return cached;
}

/** Constant-time comparison of an `Authorization` header with the token (hashing first equalizes lengths). */
export function isAuthorized(header: string | null, token = getIngestToken()): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? "");
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
