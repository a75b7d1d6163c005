import { z } from "zod";

import { decSchema, type Dec, heightSchema, intStringSchema, uint64Schema } from "@/lib/allora/decimal";

/** `/mint/v5/emission_info`. Ints are uallo; rates are cosmos LegacyDec strings (18 decimals). */
export interface EmissionInfo {
  ecosystemBalance: bigint;
  previousBlockEmission: bigint;
  ecosystemMintSupplyRemaining: bigint;
  blocksPerMonth: bigint;
  blockHeightTargetEILastCalculated: bigint;
  blockHeightTargetEINextCalculated: bigint;
  networkStakedTokens: bigint;
  lockedVestingTokensTotal: bigint;
  lockedVestingTokensInvestorsPreseed: bigint;
  lockedVestingTokensInvestorsSeed: bigint;
  lockedVestingTokensTeam: bigint;
  lockedVestingTokensFoundation: bigint | null;
  ecosystemLocked: bigint;
  circulatingSupply: bigint;
  maxSupply: bigint;
  targetEmissionRatePerUnitStakedToken: Dec;
  reputersPercent: Dec;
  validatorsPercent: Dec;
  maximumMonthlyEmissionPerUnitStakedToken: Dec;
  targetRewardEmissionPerUnitStakedToken: Dec;
  emissionPerUnitStakedToken: Dec;
  emissionPerMonth: bigint;
  blockEmission: bigint;
  validatorCut: bigint;
  alloraRewardsCut: bigint;
  previousRewardEmissionPerUnitStakedToken: Dec;
  monthsAlreadyUnlocked: bigint;
  updatedMonthsUnlocked: bigint;
  startingEmissionsBlockHeight: bigint | null;
  /** mint module params, as sent. */
  params: Record<string, unknown>;
}

export const emissionInfoResponseSchema = z
  .object({
    params: z.record(z.string(), z.unknown()),
    ecosystem_balance: intStringSchema,
    previous_block_emission: intStringSchema,
    ecosystem_mint_supply_remaining: intStringSchema,
    blocks_per_month: uint64Schema,
    block_height_target_e_i_last_calculated: uint64Schema,
    block_height_target_e_i_next_calculated: uint64Schema,
    network_staked_tokens: intStringSchema,
    locked_vesting_tokens_total: intStringSchema,
    locked_vesting_tokens_investors_preseed: intStringSchema,
    locked_vesting_tokens_investors_seed: intStringSchema,
    locked_vesting_tokens_team: intStringSchema,
    locked_vesting_tokens_foundation: intStringSchema.optional(),
    ecosystem_locked: intStringSchema,
    circulating_supply: intStringSchema,
    max_supply: intStringSchema,
    target_emission_rate_per_unit_staked_token: decSchema,
    reputers_percent: decSchema,
    validators_percent: decSchema,
    maximum_monthly_emission_per_unit_staked_token: decSchema,
    target_reward_emission_per_unit_staked_token: decSchema,
    emission_per_unit_staked_token: decSchema,
    emission_per_month: intStringSchema,
    block_emission: intStringSchema,
    validator_cut: intStringSchema,
    allora_rewards_cut: intStringSchema,
    previous_reward_emission_per_unit_staked_token: decSchema,
    months_already_unlocked: intStringSchema,
    updated_months_unlocked: intStringSchema,
    starting_emissions_block_height: heightSchema.optional(),
  })
  .transform((raw): EmissionInfo => ({
    ecosystemBalance: raw.ecosystem_balance,
    previousBlockEmission: raw.previous_block_emission,
    ecosystemMintSupplyRemaining: raw.ecosystem_mint_supply_remaining,
    blocksPerMonth: raw.blocks_per_month,
    blockHeightTargetEILastCalculated: raw.block_height_target_e_i_last_calculated,
    blockHeightTargetEINextCalculated: raw.block_height_target_e_i_next_calculated,
    networkStakedTokens: raw.network_staked_tokens,
    lockedVestingTokensTotal: raw.locked_vesting_tokens_total,
    lockedVestingTokensInvestorsPreseed: raw.locked_vesting_tokens_investors_preseed,
    lockedVestingTokensInvestorsSeed: raw.locked_vesting_tokens_investors_seed,
    lockedVestingTokensTeam: raw.locked_vesting_tokens_team,
    lockedVestingTokensFoundation: raw.locked_vesting_tokens_foundation ?? null,
    ecosystemLocked: raw.ecosystem_locked,
    circulatingSupply: raw.circulating_supply,
    maxSupply: raw.max_supply,
    targetEmissionRatePerUnitStakedToken: raw.target_emission_rate_per_unit_staked_token,
    reputersPercent: raw.reputers_percent,
    validatorsPercent: raw.validators_percent,
    maximumMonthlyEmissionPerUnitStakedToken: raw.maximum_monthly_emission_per_unit_staked_token,
    targetRewardEmissionPerUnitStakedToken: raw.target_reward_emission_per_unit_staked_token,
    emissionPerUnitStakedToken: raw.emission_per_unit_staked_token,
    emissionPerMonth: raw.emission_per_month,
    blockEmission: raw.block_emission,
    validatorCut: raw.validator_cut,
    alloraRewardsCut: raw.allora_rewards_cut,
    previousRewardEmissionPerUnitStakedToken: raw.previous_reward_emission_per_unit_staked_token,
    monthsAlreadyUnlocked: raw.months_already_unlocked,
    updatedMonthsUnlocked: raw.updated_months_unlocked,
    startingEmissionsBlockHeight: raw.starting_emissions_block_height ?? null,
    params: raw.params,
  }));

/** `/mint/v5/inflation`: `{inflation: LegacyDec}`. */
export const inflationResponseSchema = z.object({ inflation: decSchema }).transform((raw): Dec => raw.inflation);
