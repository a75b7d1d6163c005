// Each reputer's per-worker losses, stored on its loss_bundles row in the chain's own column form (EventValueBundle):
// the bundle's inferer and forecaster addresses once, and one array of every loss slot. About 85 % of all loss values
// are a reputer's, and no page reads them one by one; a row each (with a seven-column key, three of them addresses)
// was most of a backfill's writes. The network's bundle keeps one loss_values row per value, which the topic page
// and the rollups read by index.
//
// `losses` holds, in this order, with NULL where the chain sent no value (its NaN padding):
//   inferer (one per inferer), forecaster (per forecaster), one_out_inferer (per inferer),
//   one_out_forecaster (per forecaster), one_in_forecaster (per forecaster),
//   one_out_inferer_forecaster (per forecaster × inferer, row-major: forecaster f's row, then f + 1's).
import type { RowRule } from "./tables";

/** Entries of `losses` for a bundle of `inferers` inferers and `forecasters` forecasters. */
export const lossSlots = (inferers: number, forecasters: number) => 2 * inferers + 3 * forecasters + forecasters * inferers;

/** Most addresses of one kind a reputer's bundle may list. */
export const MAX_BUNDLE_WORKERS = 5_000;
/** Most loss slots of one bundle. */
export const MAX_BUNDLE_LOSSES = 200_000;

export type ReputerLosses = { loss_inferers: string[]; loss_forecasters: string[]; losses: (string | null)[] };

export type LossSlot = { kind: string; actor: string; peer: string; value: string };

/**
 * The column form of a bundle's per-worker losses (a (kind, actor, peer) given twice keeps its last value).
 * Addresses are listed in the order they first appear.
 */
export function toReputerLosses(slots: readonly LossSlot[]): ReputerLosses {
  const inferers: string[] = [];
  const forecasters: string[] = [];
  const inferer = new Map<string, number>();
  const forecaster = new Map<string, number>();
  const index = (list: string[], at: Map<string, number>, address: string) => {
    let i = at.get(address);
    if (i === undefined) at.set(address, (i = list.push(address) - 1));
    return i;
  };
  const onInferers = (kind: string) => kind === "inferer" || kind === "one_out_inferer";
  for (const s of slots) {
    if (onInferers(s.kind)) index(inferers, inferer, s.actor);
    else index(forecasters, forecaster, s.actor);
    if (s.kind === "one_out_inferer_forecaster") index(inferers, inferer, s.peer);
  }
  const ni = inferers.length;
  const nf = forecasters.length;
  const losses: (string | null)[] = new Array(lossSlots(ni, nf)).fill(null);
  const offsets: Record<string, number> = { inferer: 0, forecaster: ni, one_out_inferer: ni + nf, one_out_forecaster: 2 * ni + nf, one_in_forecaster: 2 * ni + 2 * nf };
  for (const s of slots) {
    if (s.kind === "one_out_inferer_forecaster") losses[2 * ni + 3 * nf + forecaster.get(s.actor)! * ni + inferer.get(s.peer)!] = s.value;
    else losses[offsets[s.kind]! + (onInferers(s.kind) ? inferer.get(s.actor)! : forecaster.get(s.actor)!)] = s.value;
  }
  return { loss_inferers: inferers, loss_forecasters: forecasters, losses };
}

/**
 * Every reputer's per-worker loss as a row (network_id, topic_id, nonce, reputer, kind, actor, peer, value,
 * block_height), read back from the column form; the network's bundle is not among them (its values are rows).
 */
export const REPUTER_LOSS_ROWS_SQL = `SELECT n.network_id, n.topic_id, n.nonce, n.reputer, s.kind, s.actor, s.peer, u.value, n.block_height
  FROM loss_bundles n
  CROSS JOIN LATERAL (SELECT cardinality(n.loss_inferers) AS ni, cardinality(n.loss_forecasters) AS nf) d
  CROSS JOIN LATERAL unnest(n.losses) WITH ORDINALITY AS u(value, ord)
  CROSS JOIN LATERAL (SELECT u.ord::int AS k) o
  CROSS JOIN LATERAL (SELECT
    CASE WHEN o.k <= d.ni THEN 'inferer' WHEN o.k <= d.ni + d.nf THEN 'forecaster'
         WHEN o.k <= 2 * d.ni + d.nf THEN 'one_out_inferer' WHEN o.k <= 2 * d.ni + 2 * d.nf THEN 'one_out_forecaster'
         WHEN o.k <= 2 * d.ni + 3 * d.nf THEN 'one_in_forecaster' ELSE 'one_out_inferer_forecaster' END AS kind,
    CASE WHEN o.k <= d.ni THEN n.loss_inferers[o.k]
         WHEN o.k <= d.ni + d.nf THEN n.loss_forecasters[o.k - d.ni]
         WHEN o.k <= 2 * d.ni + d.nf THEN n.loss_inferers[o.k - d.ni - d.nf]
         WHEN o.k <= 2 * d.ni + 2 * d.nf THEN n.loss_forecasters[o.k - 2 * d.ni - d.nf]
         WHEN o.k <= 2 * d.ni + 3 * d.nf THEN n.loss_forecasters[o.k - 2 * d.ni - 2 * d.nf]
         ELSE n.loss_forecasters[(o.k - 2 * d.ni - 3 * d.nf - 1) / d.ni + 1] END AS actor,
    CASE WHEN o.k > 2 * d.ni + 3 * d.nf THEN n.loss_inferers[(o.k - 2 * d.ni - 3 * d.nf - 1) % d.ni + 1] ELSE '' END AS peer) s
  WHERE n.reputer <> '' AND u.value IS NOT NULL`;

const ARRAYS = ["loss_inferers", "loss_forecasters", "losses"] as const;
type Row = Readonly<Record<string, unknown>>;
const given = (row: Row, name: (typeof ARRAYS)[number]) => row[name] ?? null;
/** A value of the wrong type is its column's own error, named there: these rules then hold. */
const typed = (row: Row) => ARRAYS.every((name) => given(row, name) === null || Array.isArray(given(row, name)));
const distinct = (list: unknown) => !Array.isArray(list) || new Set(list).size === list.length;

// The three arrays come together, only on a reputer's bundle, `losses` as long as the two address lists make it,
// and no address twice in a list: the rules the loss_values key kept when every value was a row.
export const reputerLossRules: RowRule[] = [
  {
    field: "losses",
    message: "must be given with loss_inferers and loss_forecasters (or all three left null)",
    holds: (row) => !typed(row) || ARRAYS.every((name) => given(row, name) === null) || ARRAYS.every((name) => given(row, name) !== null),
  },
  {
    field: "losses",
    message: "must hold 2 × inferers + 3 × forecasters + forecasters × inferers entries (see lib/ingest/reputer-losses.ts)",
    holds: (row) => {
      const [ni, nf, losses] = ARRAYS.map((name) => given(row, name)) as [unknown[] | null, unknown[] | null, unknown[] | null];
      return !typed(row) || !ni || !nf || !losses || losses.length === lossSlots(ni.length, nf.length);
    },
  },
  {
    field: "losses",
    message: "must be null on the network's bundle (reputer empty): its per-worker losses are loss_values rows",
    holds: (row) => row.reputer !== "" || ARRAYS.every((name) => given(row, name) === null),
  },
  { field: "loss_inferers", message: "must not list an address twice", holds: (row) => distinct(row.loss_inferers) },
  { field: "loss_forecasters", message: "must not list an address twice", holds: (row) => distinct(row.loss_forecasters) },
];
