import type { z } from "zod";

import { type LcdGet, type QueryOptions, seg } from "@/lib/allora/lcd-request";
import {
  unbondingDelegationsPageSchema,
  validatorDelegationsPageSchema,
  validatorsPageSchema,
} from "@/lib/allora/schemas/cosmos-staking";
import { delegatorRewardsSchema, signingInfosPageSchema, slashingParamsSchema } from "@/lib/allora/schemas/cosmos-distribution";
import { emissionInfoResponseSchema, inflationResponseSchema } from "@/lib/allora/schemas/mint";

const PAGE_LIMIT = "200";
const MAX_PAGES = 500;

type Page<T> = z.ZodType<{ items: T[]; nextKey: string | null }>;

/** Follows Cosmos `pagination.next_key`; a repeated key ends the walk instead of looping forever. */
async function collectPages<T>(get: LcdGet, path: string, schema: Page<T>, query?: QueryOptions): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let key: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({ "pagination.limit": PAGE_LIMIT });
    if (key) params.set("pagination.key", key);
    const separator = path.includes("?") ? "&" : "?";
    const result = await get(`${path}${separator}${params.toString()}`, schema, query);
    items.push(...result.items);
    if (!result.nextKey || seen.has(result.nextKey)) return items;
    seen.add(result.nextKey);
    key = result.nextKey;
  }
  throw new Error(`pagination of ${path} did not finish within ${MAX_PAGES} pages`);
}

/** Mint (`mint/v5`) and standard Cosmos staking, distribution and slashing queries. */
export function cosmosQueries(get: LcdGet) {
  return {
    getEmissionInfo: (q?: QueryOptions) => get("/mint/v5/emission_info", emissionInfoResponseSchema, q),
    getInflation: (q?: QueryOptions) => get("/mint/v5/inflation", inflationResponseSchema, q),
    /** Every validator (all bond statuses unless `status`, e.g. "BOND_STATUS_BONDED", is given). */
    listValidators: (filter: { status?: string } = {}, q?: QueryOptions) => {
      const query = filter.status ? `?status=${encodeURIComponent(filter.status)}` : "";
      return collectPages(get, `/cosmos/staking/v1beta1/validators${query}`, validatorsPageSchema, q);
    },
    listValidatorDelegations: (validator: string, q?: QueryOptions) =>
      collectPages(
        get,
        `/cosmos/staking/v1beta1/validators/${seg(validator)}/delegations`,
        validatorDelegationsPageSchema,
        q,
      ),
    listValidatorUnbondingDelegations: (validator: string, q?: QueryOptions) =>
      collectPages(
        get,
        `/cosmos/staking/v1beta1/validators/${seg(validator)}/unbonding_delegations`,
        unbondingDelegationsPageSchema,
        q,
      ),
    /** A delegator's pending rewards per validator (uallo DecCoin amounts). */
    getDelegatorRewards: (delegator: string, q?: QueryOptions) =>
      get(`/cosmos/distribution/v1beta1/delegators/${seg(delegator)}/rewards`, delegatorRewardsSchema, q),
    listSigningInfos: (q?: QueryOptions) => collectPages(get, "/cosmos/slashing/v1beta1/signing_infos", signingInfosPageSchema, q),
    getSlashingParams: (q?: QueryOptions) => get("/cosmos/slashing/v1beta1/params", slashingParamsSchema, q),
  };
}
