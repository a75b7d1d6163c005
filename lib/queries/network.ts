import "server-only";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";

/** The network this deployment follows (ALLORA_NETWORK), as the collector recorded it; null before first contact. */
export async function findFollowedNetwork() {
  const { prisma } = await getDb();
  return prisma.network.findFirst({ where: { kind: serverEnv().ALLORA_NETWORK }, orderBy: { updatedAt: "desc" } });
}

export async function findFollowedNetworkId(): Promise<number | null> {
  return (await findFollowedNetwork())?.id ?? null;
}
