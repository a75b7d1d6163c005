import { z } from "zod";

import { decSchema, type Dec, heightSchema, intStringSchema } from "@/lib/allora/decimal";
import { paginationSchema } from "@/lib/allora/schemas/common";

export type BondStatus = "bonded" | "unbonding" | "unbonded" | "unspecified";

export interface Validator {
  operatorAddress: string;
  moniker: string;
  identity: string | null;
  website: string | null;
  details: string | null;
  jailed: boolean;
  status: BondStatus;
  /** Bonded tokens in uallo. */
  tokens: bigint;
  delegatorShares: Dec;
  commissionRate: Dec;
  commissionMaxRate: Dec | null;
  commissionMaxChangeRate: Dec | null;
  minSelfDelegation: bigint | null;
  unbondingHeight: bigint | null;
  unbondingTime: string | null;
  /** The consensus key (`@type` and base64 key), from which the valcons address of signing info is derived. */
  consensusPubkey: { type: string; key: string } | null;
}

const BOND_STATUS: Record<string, BondStatus> = {
  BOND_STATUS_BONDED: "bonded",
  BOND_STATUS_UNBONDING: "unbonding",
  BOND_STATUS_UNBONDED: "unbonded",
};

const text = z
  .string()
  .nullish()
  .transform((value) => (value ? value : null));

export const validatorSchema = z
  .object({
    operator_address: z.string(),
    consensus_pubkey: z.object({ "@type": z.string(), key: z.string() }).nullish(),
    jailed: z.boolean().optional(),
    status: z.string(),
    tokens: intStringSchema,
    delegator_shares: decSchema,
    description: z.object({ moniker: z.string().optional(), identity: text, website: text, details: text }).nullish(),
    commission: z.object({
      commission_rates: z.object({
        rate: decSchema,
        max_rate: decSchema.optional(),
        max_change_rate: decSchema.optional(),
      }),
    }),
    min_self_delegation: intStringSchema.optional(),
    unbonding_height: heightSchema.optional(),
    unbonding_time: z.string().optional(),
  })
  .transform((raw): Validator => ({
    operatorAddress: raw.operator_address,
    moniker: raw.description?.moniker ?? "",
    identity: raw.description?.identity ?? null,
    website: raw.description?.website ?? null,
    details: raw.description?.details ?? null,
    jailed: raw.jailed ?? false,
    status: BOND_STATUS[raw.status] ?? "unspecified",
    tokens: raw.tokens,
    delegatorShares: raw.delegator_shares,
    commissionRate: raw.commission.commission_rates.rate,
    commissionMaxRate: raw.commission.commission_rates.max_rate ?? null,
    commissionMaxChangeRate: raw.commission.commission_rates.max_change_rate ?? null,
    minSelfDelegation: raw.min_self_delegation ?? null,
    unbondingHeight: raw.unbonding_height ?? null,
    unbondingTime: raw.unbonding_time ?? null,
    consensusPubkey: raw.consensus_pubkey ? { type: raw.consensus_pubkey["@type"], key: raw.consensus_pubkey.key } : null,
  }));

export const validatorsPageSchema = z
  .object({ validators: z.array(validatorSchema).nullish(), pagination: paginationSchema })
  .transform((raw) => ({ items: raw.validators ?? [], nextKey: raw.pagination.nextKey }));

export interface ValidatorDelegation {
  delegatorAddress: string;
  validatorAddress: string;
  shares: Dec;
  balance: { denom: string; amount: bigint };
}

export const validatorDelegationsPageSchema = z
  .object({
    delegation_responses: z
      .array(
        z.object({
          delegation: z.object({ delegator_address: z.string(), validator_address: z.string(), shares: decSchema }),
          balance: z.object({ denom: z.string(), amount: intStringSchema }),
        }),
      )
      .nullish(),
    pagination: paginationSchema,
  })
  .transform((raw) => ({
    items: (raw.delegation_responses ?? []).map((entry): ValidatorDelegation => ({
      delegatorAddress: entry.delegation.delegator_address,
      validatorAddress: entry.delegation.validator_address,
      shares: entry.delegation.shares,
      balance: entry.balance,
    })),
    nextKey: raw.pagination.nextKey,
  }));

export interface UnbondingDelegation {
  delegatorAddress: string;
  validatorAddress: string;
  entries: Array<{ creationHeight: bigint; completionTime: string; initialBalance: bigint; balance: bigint }>;
}

export const unbondingDelegationsPageSchema = z
  .object({
    unbonding_responses: z
      .array(
        z.object({
          delegator_address: z.string(),
          validator_address: z.string(),
          entries: z
            .array(
              z.object({
                creation_height: heightSchema,
                completion_time: z.string(),
                initial_balance: intStringSchema,
                balance: intStringSchema,
              }),
            )
            .nullish(),
        }),
      )
      .nullish(),
    pagination: paginationSchema,
  })
  .transform((raw) => ({
    items: (raw.unbonding_responses ?? []).map((entry): UnbondingDelegation => ({
      delegatorAddress: entry.delegator_address,
      validatorAddress: entry.validator_address,
      entries: (entry.entries ?? []).map((e) => ({
        creationHeight: e.creation_height,
        completionTime: e.completion_time,
        initialBalance: e.initial_balance,
        balance: e.balance,
      })),
    })),
    nextKey: raw.pagination.nextKey,
  }));
