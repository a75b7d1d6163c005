// Standard Cosmos LCD paths (staking, distribution, bank supply) and the mint module's v5 queries.
import { BLOCK_SECONDS, CHAIN_PARAMS } from "./config";
import { Dec, fmtLegacy } from "./dec";
import { isoTime } from "./rpc";
import { notFound, ok, route, type RestContext, type Route } from "./rest-common";
import type { Simulation } from "./simulation";
import { VALIDATOR_CUT, ALLORA_CUT } from "./treasury";
import { unbondingBalance, type Unbonding, type ValidatorInfo } from "./validators";

const MAX_SUPPLY = 10n ** 27n;
const GENESIS_CIRCULATING = 300_000_000n * 10n ** 18n;

function validatorJson(sim: Simulation, v: ValidatorInfo, h: number) {
  const tokens = sim.validators.tokens.get(v.operator).at(h);
  const rate = sim.validators.commission.get(v.operator).at(h);
  const updated = sim.validators.commissionUpdated.get(v.operator).at(h);
  return {
    operator_address: v.operator,
    consensus_pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: v.pubkey },
    jailed: v.jailed,
    status: v.status,
    tokens: tokens.toString(),
    delegator_shares: `${tokens}.000000000000000000`,
    description: { moniker: v.moniker, identity: "", website: "", security_contact: "", details: "simulated validator (allora-devnet-1)" },
    unbonding_height: v.status === "BOND_STATUS_BONDED" ? "0" : "1",
    unbonding_time: v.status === "BOND_STATUS_BONDED" ? "1970-01-01T00:00:00Z" : isoTime(sim.blockTimeMs(1) + sim.options.unbondingBlocks * BLOCK_SECONDS * 1000),
    commission: { commission_rates: { rate: fmtLegacy(rate), max_rate: fmtLegacy(v.maxRate), max_change_rate: fmtLegacy(v.maxChangeRate) }, update_time: isoTime(sim.blockTimeMs(updated)) },
    min_self_delegation: "1",
    unbonding_on_hold_ref_count: "0",
    unbonding_ids: [],
  };
}

/** Cosmos pagination: base64 offset keys, `pagination.limit`, optional `count_total`. */
export function paginate<T>(ctx: RestContext, items: T[]): { page: T[]; pagination: { next_key: string | null; total: string } } {
  const limit = Math.max(1, Number(ctx.query.get("pagination.limit") ?? 100) || 100);
  const key = ctx.query.get("pagination.key");
  const offset = key ? Number(Buffer.from(key, "base64").toString()) || 0 : Number(ctx.query.get("pagination.offset") ?? 0) || 0;
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(String(offset + limit)).toString("base64") : null;
  const countTotal = ctx.query.get("pagination.count_total") === "true" || !key;
  return { page, pagination: { next_key: next, total: countTotal ? String(items.length) : "0" } };
}

/** Cosmos UnbondingDelegation responses, one per (delegator, validator) pair, for entries still maturing at h. */
function unbondingResponses(sim: Simulation, h: number, match: (u: Unbonding) => boolean) {
  const pairs = new Map<string, Unbonding[]>();
  for (const u of sim.validators.unbondings) {
    if (!match(u) || u.creationHeight > h || u.completionHeight <= h || unbondingBalance(u, h) === 0n) continue;
    const k = `${u.delegator}|${u.validator}`;
    pairs.set(k, [...(pairs.get(k) ?? []), u]);
  }
  return [...pairs.values()].map((list) => ({
    delegator_address: list[0]!.delegator,
    validator_address: list[0]!.validator,
    entries: list.map((u) => ({ creation_height: String(u.creationHeight), completion_time: isoTime(sim.blockTimeMs(u.completionHeight)), initial_balance: unbondingBalance(u, h).toString(), balance: unbondingBalance(u, h).toString(), unbonding_id: String(u.creationHeight), unbonding_on_hold_ref_count: "0" })),
  }));
}

function delegationsOf(sim: Simulation, delegator: string, h: number) {
  return sim.validators.list.flatMap((v) => {
    const shares = sim.validators.shares.peek(`${delegator}|${v.operator}`)?.at(h) ?? 0n;
    return shares > 0n ? [{ delegation: { delegator_address: delegator, validator_address: v.operator, shares: `${shares}.000000000000000000` }, balance: { denom: "uallo", amount: shares.toString() } }] : [];
  });
}

export function emissionInfo(sim: Simulation, h: number) {
  const bonded = sim.validators.bonded.at(h);
  const staked = bonded + sim.ledger.totalStake.at(h);
  const E = CHAIN_PARAMS.blockEmission;
  const perMonth = E * BigInt(CHAIN_PARAMS.blocksPerMonth);
  const circulating = GENESIS_CIRCULATING + E * BigInt(h);
  const perUnit = staked > 0n ? new Dec(perMonth.toString()).div(staked.toString()) : new Dec(0);
  const params = mintParams();
  return {
    params,
    ecosystem_balance: (200_000_000n * 10n ** 18n - E * BigInt(h)).toString(),
    previous_block_emission: E.toString(),
    ecosystem_mint_supply_remaining: (MAX_SUPPLY - circulating).toString(),
    blocks_per_month: String(CHAIN_PARAMS.blocksPerMonth),
    block_height_target_e_i_last_calculated: "1",
    block_height_target_e_i_next_calculated: String(1 + CHAIN_PARAMS.blocksPerMonth),
    network_staked_tokens: staked.toString(),
    locked_vesting_tokens_total: "250000000000000000000000000",
    locked_vesting_tokens_investors_preseed: "30000000000000000000000000",
    locked_vesting_tokens_investors_seed: "70000000000000000000000000",
    locked_vesting_tokens_team: "100000000000000000000000000",
    ecosystem_locked: "50000000000000000000000000",
    circulating_supply: circulating.toString(),
    max_supply: MAX_SUPPLY.toString(),
    target_emission_rate_per_unit_staked_token: fmtLegacy(perUnit),
    reputers_percent: fmtLegacy(0.5),
    validators_percent: fmtLegacy(CHAIN_PARAMS.validatorsPercent),
    maximum_monthly_emission_per_unit_staked_token: fmtLegacy(0.0095),
    target_reward_emission_per_unit_staked_token: fmtLegacy(perUnit),
    emission_per_unit_staked_token: fmtLegacy(perUnit),
    emission_per_month: perMonth.toString(),
    block_emission: E.toString(),
    validator_cut: VALIDATOR_CUT.toString(),
    allora_rewards_cut: ALLORA_CUT.toString(),
    previous_reward_emission_per_unit_staked_token: fmtLegacy(perUnit),
    months_already_unlocked: "1",
    updated_months_unlocked: "1",
    starting_emissions_block_height: "1",
    locked_vesting_tokens_foundation: "0",
  };
}

function mintParams() {
  return {
    mint_denom: "uallo",
    max_supply: MAX_SUPPLY.toString(),
    f_emission: fmtLegacy(0.025),
    one_month_smoothing_degree: fmtLegacy(0.1),
    ecosystem_treasury_percent_of_total_supply: fmtLegacy(0.3595),
    foundation_treasury_percent_of_total_supply: fmtLegacy(0.1),
    participants_percent_of_total_supply: fmtLegacy(0.055),
    investors_percent_of_total_supply: fmtLegacy(0.3105),
    team_percent_of_total_supply: fmtLegacy(0.175),
    maximum_monthly_percentage_yield: fmtLegacy(0.0095),
    investors_preseed_percent_of_total_supply: fmtLegacy(0.05),
    emission_calibrations_timestep_per_month: "30",
  };
}

export function cosmosRoutes(): Route[] {
  const S = "/cosmos/staking/v1beta1";
  const findVal = (ctx: RestContext) => ctx.sim.validators.list.find((v) => v.operator === ctx.params.validator_addr);
  return [
    route(`${S}/validators`, (ctx) => {
      const status = ctx.query.get("status");
      const all = ctx.sim.validators.list.filter((v) => !status || v.status === status).map((v) => validatorJson(ctx.sim, v, ctx.h));
      const { page, pagination } = paginate(ctx, all);
      return ok({ validators: page, pagination });
    }),
    route(`${S}/validators/{validator_addr}`, (ctx) => {
      const v = findVal(ctx);
      return v ? ok({ validator: validatorJson(ctx.sim, v, ctx.h) }) : notFound(`validator ${ctx.params.validator_addr} not found`);
    }),
    route(`${S}/validators/{validator_addr}/delegations`, (ctx) => {
      const v = findVal(ctx);
      if (!v) return notFound("validator not found");
      const all = [v.account, ...ctx.sim.validators.stakers, ...ctx.sim.validators.fixedDelegators].flatMap((d) => delegationsOf(ctx.sim, d, ctx.h).filter((x) => x.delegation.validator_address === v.operator));
      const { page, pagination } = paginate(ctx, all);
      return ok({ delegation_responses: page, pagination });
    }),
    route(`${S}/delegations/{delegator_addr}`, (ctx) => {
      const { page, pagination } = paginate(ctx, delegationsOf(ctx.sim, ctx.params.delegator_addr!, ctx.h));
      return ok({ delegation_responses: page, pagination });
    }),
    route(`${S}/validators/{validator_addr}/unbonding_delegations`, (ctx) => {
      const v = findVal(ctx);
      if (!v) return notFound("validator not found");
      const { page, pagination } = paginate(ctx, unbondingResponses(ctx.sim, ctx.h, (u) => u.validator === v.operator));
      return ok({ unbonding_responses: page, pagination });
    }),
    route(`${S}/delegators/{delegator_addr}/unbonding_delegations`, (ctx) => {
      const { page, pagination } = paginate(ctx, unbondingResponses(ctx.sim, ctx.h, (u) => u.delegator === ctx.params.delegator_addr));
      return ok({ unbonding_responses: page, pagination });
    }),
    route(`${S}/pool`, (ctx) => {
      const bonded = ctx.sim.validators.bonded.at(ctx.h);
      const notBonded = ctx.sim.validators.list.filter((v) => v.status !== "BOND_STATUS_BONDED").reduce((a, v) => a + ctx.sim.validators.tokens.get(v.operator).at(ctx.h), 0n);
      return ok({ pool: { not_bonded_tokens: notBonded.toString(), bonded_tokens: bonded.toString() } });
    }),
    route(`${S}/params`, (ctx) => ok({ params: { unbonding_time: `${ctx.sim.options.unbondingBlocks * BLOCK_SECONDS}s`, max_validators: 100, max_entries: 7, historical_entries: 10000, bond_denom: "uallo", min_commission_rate: fmtLegacy(0) } })),
    route("/cosmos/distribution/v1beta1/delegators/{delegator_address}/rewards", (ctx) => {
      const d = ctx.params.delegator_address!;
      const rewards = ctx.sim.validators.list
        .filter((v) => (ctx.sim.validators.shares.peek(`${d}|${v.operator}`)?.at(ctx.h) ?? 0n) > 0n)
        .map((v) => ({ validator_address: v.operator, reward: [{ denom: "uallo", amount: fmtLegacy(ctx.sim.validators.pendingReward(d, v, ctx.h)) }] }));
      const total = rewards.reduce((acc, r) => acc.plus(r.reward[0]!.amount), new Dec(0));
      return ok({ rewards, total: rewards.length ? [{ denom: "uallo", amount: fmtLegacy(total) }] : [] });
    }),
    route("/cosmos/bank/v1beta1/supply/by_denom", (ctx) => ok({ amount: { denom: "uallo", amount: (GENESIS_CIRCULATING + CHAIN_PARAMS.blockEmission * BigInt(ctx.h)).toString() } })),
    route("/mint/v5/params", () => ok({ params: mintParams() })),
    route("/mint/v5/inflation", (ctx) => {
      const circulating = GENESIS_CIRCULATING + CHAIN_PARAMS.blockEmission * BigInt(ctx.h);
      return ok({ inflation: fmtLegacy(new Dec(CHAIN_PARAMS.blockEmission.toString()).times(6311520).div(circulating.toString())) });
    }),
    route("/mint/v5/emission_info", (ctx) => ok(emissionInfo(ctx.sim, ctx.h))),
  ];
}
