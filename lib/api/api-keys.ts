// Optional API keys of the public API. A key is 32 random bytes, so an unsalted SHA-256 is enough to store it:
// there is nothing to brute-force, and a lookup by hash stays one indexed read.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

export async function findApiKey(key: string): Promise<{ id: string; requestsPerMinute: number } | null> {
  if (!/^allo_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/.test(key)) return null;
  const { prisma } = await getDb();
  const found = await prisma.apiKey.findUnique({ where: { keyHash: hashOf(key) } });
  return found && !found.revokedAt ? { id: found.id, requestsPerMinute: found.requestsPerMinute } : null;
}

/** Creates a key and stores only its hash; the key itself is returned once and never again. */
export async function createApiKey(prisma: PrismaClient, name: string, requestsPerMinute: number): Promise<{ id: string; key: string }> {
  const id = randomBytes(5).toString("hex").slice(0, 8);
  const key = `allo_${id}_${randomBytes(32).toString("base64url")}`;
  await prisma.apiKey.create({ data: { id, name, keyHash: hashOf(key), requestsPerMinute } });
  return { id, key };
}
