import { z } from "zod";

/**
 * The docs site's `public/api/networks.json` and `topics.json`: a second opinion on which
 * emissions namespace each network runs, and a topic catalogue with human categories.
 */
export interface NetworkManifestEntry {
  key: string;
  name: string;
  chainId: string;
  deployedVersion: string;
  /** "v10" from "emissions/v10". */
  emissionsVersion: string;
  rpc: string;
  lcd: string;
  grpc: string | null;
  explorer: string | null;
  faucet: string | null;
  sandboxTopicIds: bigint[];
}

const topicIdNumber = z.number().int().nonnegative().refine(Number.isSafeInteger);

export const networksManifestSchema = z
  .object({
    networks: z.record(
      z.string(),
      z.object({
        name: z.string(),
        chain_id: z.string(),
        deployed_version: z.string(),
        emissions_namespace: z.string().regex(/^emissions\/v\d+$/, "expected emissions/vN"),
        rpc: z.string(),
        lcd: z.string(),
        grpc: z.string().nullish(),
        explorer: z.string().nullish(),
        faucet: z.string().nullish(),
        sandbox_topic_ids: z.array(topicIdNumber).nullish(),
      }),
    ),
  })
  .transform((raw) =>
    Object.entries(raw.networks).map(([key, n]): NetworkManifestEntry => ({
      key,
      name: n.name,
      chainId: n.chain_id,
      deployedVersion: n.deployed_version,
      emissionsVersion: n.emissions_namespace.slice("emissions/".length),
      rpc: n.rpc,
      lcd: n.lcd,
      grpc: n.grpc ?? null,
      explorer: n.explorer ?? null,
      faucet: n.faucet ?? null,
      sandboxTopicIds: (n.sandbox_topic_ids ?? []).map((id) => BigInt(id)),
    })),
  );

export interface TopicsManifest {
  generatedAt: string;
  networks: Array<{ network: string; chainId: string; emissionsApi: string; lcd: string; activeTopicCount: number }>;
  topics: Array<{
    network: string;
    chainId: string;
    topicId: bigint;
    metadata: string;
    epochLength: bigint;
    lossMethod: string;
    category: string | null;
    sandbox: boolean;
  }>;
}

export const topicsManifestSchema = z
  .object({
    generated_at: z.string(),
    networks: z.array(
      z.object({
        network: z.string(),
        chain_id: z.string(),
        emissions_api: z.string(),
        lcd: z.string(),
        active_topic_count: z.number().int().nonnegative(),
      }),
    ),
    topics: z.array(
      z.object({
        network: z.string(),
        chain_id: z.string(),
        id: topicIdNumber,
        metadata: z.string(),
        epoch_length: topicIdNumber,
        loss_method: z.string(),
        category: z.string().nullish(),
        sandbox: z.boolean().optional(),
      }),
    ),
  })
  .transform((raw): TopicsManifest => ({
    generatedAt: raw.generated_at,
    networks: raw.networks.map((n) => ({
      network: n.network,
      chainId: n.chain_id,
      emissionsApi: n.emissions_api,
      lcd: n.lcd,
      activeTopicCount: n.active_topic_count,
    })),
    topics: raw.topics.map((t) => ({
      network: t.network,
      chainId: t.chain_id,
      topicId: BigInt(t.id),
      metadata: t.metadata,
      epochLength: BigInt(t.epoch_length),
      lossMethod: t.loss_method,
      category: t.category ?? null,
      sandbox: t.sandbox ?? false,
    })),
  }));
