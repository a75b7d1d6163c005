import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

/** One figure and the block it is as of. `value` null = not reported (shown "—"), never 0. */
export type FigureDto = { value: string | null; asOfHeight: string | null };

export type TokenomicsDto = {
  /** uallo, exact integer strings. */
  maxSupply: FigureDto;
  circulatingSupply: FigureDto;
  emissionPerMonth: FigureDto;
  /** Tokens bonded to validators in the BONDED set, and that as a share of the circulating supply (exact decimal). */
  bondedTokens: FigureDto;
  bondedShare: FigureDto;
  /** Stake placed with reputers in topics (self + delegated, each position's latest row). */
  reputerStake: FigureDto;
  /** Decimal fractions as the mint module reports them ("0.25" = 25%). */
  inflation: FigureDto;
  reputersPercent: FigureDto;
  validatorsPercent: FigureDto;
};

type Row = {
  mint_h: string | null; max_supply: string | null; circulating: string | null; per_month: string | null; inflation: string | null;
  reputers: string | null; validators: string | null;
  bonded: string | null; bonded_h: string | null; bonded_share: string | null;
  reputer_stake: string | null; stake_h: string | null;
};

const fig = (value: string | null, asOfHeight: string | null): FigureDto => ({ value, asOfHeight: value === null ? null : asOfHeight });

/** The latest emission snapshot (mint module), the bonded validator set and reputer stake: one round trip. */
export async function getTokenomics(): Promise<TokenomicsDto | null> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return null;
  const { prisma } = await getDb();
  const [r] = await prisma.$queryRaw<Row[]>`
    WITH mint AS (
      SELECT * FROM emission_snapshots WHERE network_id = ${networkId} ORDER BY block_height DESC LIMIT 1
    ), bonded AS (
      SELECT sum(tokens) AS tokens, max(updated_height) AS h FROM validators
       WHERE network_id = ${networkId} AND status IN ('bonded', 'BOND_STATUS_BONDED') -- the collector stores "bonded"; the chain's enum name is accepted too
    ), stake AS (
      SELECT sum(self_stake + delegated_stake) AS total, max(block_height) AS h FROM (
        SELECT DISTINCT ON (topic_id, reputer) self_stake, delegated_stake, block_height FROM reputer_stakes
         WHERE network_id = ${networkId} ORDER BY topic_id, reputer, block_height DESC) latest
    )
    SELECT mint.block_height::text AS mint_h, mint.max_supply::text AS max_supply, mint.circulating_supply::text AS circulating,
           mint.emission_per_month::text AS per_month, mint.inflation::text AS inflation,
           mint.reputers_percent::text AS reputers, mint.validators_percent::text AS validators,
           bonded.tokens::text AS bonded, bonded.h::text AS bonded_h,
           CASE WHEN mint.circulating_supply > 0 THEN round(bonded.tokens / mint.circulating_supply, 18)::text END AS bonded_share,
           stake.total::text AS reputer_stake, stake.h::text AS stake_h
      FROM bonded CROSS JOIN stake LEFT JOIN mint ON true`;
  if (!r) return null;
  // The share mixes two reads: it is as of the older of the two heights.
  const shareHeight = r.mint_h && r.bonded_h ? (BigInt(r.mint_h) < BigInt(r.bonded_h) ? r.mint_h : r.bonded_h) : null;
  return {
    maxSupply: fig(r.max_supply, r.mint_h),
    circulatingSupply: fig(r.circulating, r.mint_h),
    emissionPerMonth: fig(r.per_month, r.mint_h),
    bondedTokens: fig(r.bonded, r.bonded_h),
    bondedShare: fig(r.bonded_share, shareHeight),
    reputerStake: fig(r.reputer_stake, r.stake_h),
    inflation: fig(r.inflation, r.mint_h),
    reputersPercent: fig(r.reputers, r.mint_h),
    validatorsPercent: fig(r.validators, r.mint_h),
  };
}
