import { z } from "zod";

import { decSchema, type Dec, heightSchema } from "@/lib/allora/decimal";
import { paginationSchema } from "@/lib/allora/schemas/common";

const decCoinSchema = z.object({ denom: z.string(), amount: decSchema });

/** `/cosmos/distribution/v1beta1/delegators/{addr}/rewards`: DecCoins per validator; a zero reward is an empty list. */
export const delegatorRewardsSchema = z
  .object({ rewards: z.array(z.object({ validator_address: z.string(), reward: z.array(decCoinSchema).nullish() })).nullish() })
  .transform((raw) =>
    (raw.rewards ?? []).map((r): { validatorAddress: string; uallo: Dec } => ({
      validatorAddress: r.validator_address,
      uallo: (r.reward ?? []).find((c) => c.denom === "uallo")?.amount ?? "0",
    })),
  );

export interface SigningInfo {
  address: string;
  startHeight: bigint;
  missedBlocksCounter: bigint;
  jailedUntil: string | null;
  tombstoned: boolean;
}

const signingInfoSchema = z
  .object({
    address: z.string(),
    start_height: heightSchema.optional(),
    missed_blocks_counter: heightSchema.optional(),
    jailed_until: z.string().optional(),
    tombstoned: z.boolean().optional(),
  })
  .transform((raw): SigningInfo => ({
    address: raw.address,
    startHeight: raw.start_height ?? 0n,
    missedBlocksCounter: raw.missed_blocks_counter ?? 0n,
    jailedUntil: raw.jailed_until ?? null,
    tombstoned: raw.tombstoned ?? false,
  }));

export const signingInfosPageSchema = z
  .object({ info: z.array(signingInfoSchema).nullish(), pagination: paginationSchema })
  .transform((raw) => ({ items: raw.info ?? [], nextKey: raw.pagination.nextKey }));

/** Only the window is read: the Dec params are bytes in this proto, sent base64 by the gateway. */
export const slashingParamsSchema = z
  .object({ params: z.object({ signed_blocks_window: heightSchema }) })
  .transform((raw) => ({ signedBlocksWindow: raw.params.signed_blocks_window }));
