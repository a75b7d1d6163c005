// x/staking and x/distribution for the devnet: a dozen validators, delegations, unbondings and
// occasional commission edits, all driven by per-slot intents like the emissions ledger.
import { BLOCKS_PER_DAY, CHAIN_PARAMS } from "./config";
import { plainEv, type ChainTx, type TypedEv } from "./chain-types";
import { alloToUallo, Dec, type DecValue } from "./dec";
import { accountAddress, makeAddress, sha256Base64, sha256Hex, withPrefix } from "./ids";
import { rngFor } from "./prng";
import { Series, SeriesMap } from "./series";
import { SLOT_BLOCKS } from "./ledger-intents";
import { VALIDATOR_CUT } from "./treasury";

const MONIKERS = ["Polkachu", "Chorus One", "Lavender.Five", "NodeStake", "Stakecito", "Allnodes", "Kiln", "Figment", "P2P.ORG", "Upshot Labs", "Ubik Capital", "Golden Ratio"];

export interface ValidatorInfo {
  index: number;
  moniker: string;
  operator: string;
  account: string;
  consensusHex: string;
  pubkey: string;
  status: "BOND_STATUS_BONDED" | "BOND_STATUS_UNBONDING" | "BOND_STATUS_UNBONDED";
  jailed: boolean;
  maxRate: number;
  maxChangeRate: number;
}

/** Demo cases the pages need, placed relative to the end of the fast-forwarded history (see the README). */
export interface ValidatorDemo {
  historyBlocks: number;
  /** An account with positions in both systems: delegates to validator 0 and starts an unbonding near the end. */
  account: string;
}

/** The validator whose commission spikes two days before the end of history, or halfway through a shorter one (+8 points at once). */
export const SPIKE_VALIDATOR = 3;
/** The jailed validator; three stakers delegate to it and one starts an unbonding that cannot be cancelled. */
export const JAILED_VALIDATOR = 10;
const HOUR = 720;

export interface Unbonding {
  delegator: string;
  validator: string;
  creationHeight: number;
  completionHeight: number;
  amount: bigint;
  /** Parts given back to the validator by MsgCancelUnbondingDelegation (wallet txs only). */
  cancels?: { height: number; amount: bigint }[];
}

/** What is still unbonding of u after block h (its amount less the parts cancelled by then). */
export function unbondingBalance(u: Unbonding, h: number): bigint {
  return (u.cancels ?? []).reduce((left, c) => (c.height <= h ? left - c.amount : left), u.amount);
}

export class Validators {
  readonly list: ValidatorInfo[];
  readonly tokens = new SeriesMap<bigint>(0n);
  readonly commission = new SeriesMap<number>(0);
  readonly commissionUpdated = new SeriesMap<number>(1);
  readonly shares = new SeriesMap<bigint>(0n);
  /** Height of each delegation's last change, from which its pending rewards accrue. */
  readonly since = new SeriesMap<number>(0);
  readonly bonded = new Series<bigint>(0n);
  readonly unbondings: Unbonding[] = [];
  readonly txs = new Map<number, ChainTx[]>();
  readonly endBlock = new Map<number, TypedEv[]>();
  readonly stakers: string[];
  /** Delegators outside the random intents (the demo account, the wallet test accounts): listed by REST, moved only
   *  by fixed intents and signed transactions. */
  readonly fixedDelegators: string[] = [];
  private bondedTotal = 0n;
  private pending: { height: number; run: (at: number) => void }[] = [];

  constructor(
    private readonly seed: number,
    extraDelegators: string[],
    private readonly timing: { unbondingBlocks: number; slotBlocks: number } = { unbondingBlocks: CHAIN_PARAMS.unbondingSeconds / 5, slotBlocks: SLOT_BLOCKS },
    demo?: ValidatorDemo,
  ) {
    const rng = rngFor(seed, "validators");
    this.list = MONIKERS.map((moniker, index) => ({
      index,
      moniker,
      operator: makeAddress("allovaloper", seed, "validator", index),
      account: withPrefix(makeAddress("allovaloper", seed, "validator", index), "allo"),
      // The consensus address is derived from the key as CometBFT does for ed25519: sha256(key)[:20].
      consensusHex: sha256Hex(Buffer.from(sha256Base64(`${seed}/pub/${index}`), "base64")).slice(0, 40),
      pubkey: sha256Base64(`${seed}/pub/${index}`),
      status: index < 10 ? "BOND_STATUS_BONDED" : index === 10 ? "BOND_STATUS_UNBONDING" : "BOND_STATUS_UNBONDED",
      jailed: index === 10,
      maxRate: 0.2,
      maxChangeRate: index === SPIKE_VALIDATOR ? 0.1 : 0.01,
    }));
    this.stakers = [...Array.from({ length: 8 }, (_, i) => accountAddress(seed, "staker", i)), ...extraDelegators];
    for (const v of this.list) {
      this.commission.get(v.operator).set(1, Math.round(rng.range(0.05, 0.1) * 100) / 100);
      this.move(v.account, v, alloToUallo(Math.round(rng.range(1e6, 8e6))), 1);
    }
    for (const d of this.stakers) {
      const v = this.list[rng.int(10)]!;
      this.move(d, v, alloToUallo(Math.round(rng.range(1000, 250000))), 1);
    }
    if (demo) this.addDemo(demo);
  }

  private addDemo(demo: ValidatorDemo): void {
    const jailed = this.list[JAILED_VALIDATOR]!;
    this.stakers.slice(0, 3).forEach((d, i) => this.move(d, jailed, alloToUallo(5000 * (i + 1)), 1));
    const first = this.list[0]!;
    this.fixedDelegators.push(demo.account);
    this.move(demo.account, first, alloToUallo(50_000), 1);
    const end = demo.historyBlocks;
    const fixed = [
      { height: end - Math.min(2 * BLOCKS_PER_DAY, Math.floor(end / 2)), run: (at: number) => this.setCommission(this.list[SPIKE_VALIDATOR]!, this.commission.get(this.list[SPIKE_VALIDATOR]!.operator).latest() + 0.08, at) },
      { height: end - 4 * HOUR, run: (at: number) => this.undelegateFrom(demo.account, first, 0.3, at) },
      { height: end - 3 * HOUR, run: (at: number) => this.undelegateFrom(this.stakers[0]!, jailed, 0.25, at) },
    ];
    for (const op of fixed) if (op.height > 1) this.pending.push(op);
    this.pending.sort((a, b) => a.height - b.height);
  }

  move(delegator: string, v: ValidatorInfo, delta: bigint, h: number): void {
    const k = `${delegator}|${v.operator}`;
    const s = this.shares.get(k);
    s.set(h, s.latest() + delta);
    this.since.get(k).set(h, h);
    const t = this.tokens.get(v.operator);
    t.set(h, t.latest() + delta);
    if (v.status === "BOND_STATUS_BONDED") {
      this.bondedTotal += delta;
      this.bonded.set(h, this.bondedTotal);
    }
  }

  private push(map: Map<number, ChainTx[]>, h: number, tx: ChainTx): void {
    const list = map.get(h);
    if (list) list.push(tx);
    else map.set(h, [tx]);
  }

  processHeight(h: number): void {
    if (h % this.timing.slotBlocks === 0) this.schedule(h);
    while (this.pending.length && this.pending[0]!.height <= h) this.pending.shift()!.run(h);
  }

  private schedule(h: number): void {
    const rng = rngFor(this.seed, "validator-intents", h);
    const ops: { height: number; run: (at: number) => void }[] = [];
    for (const d of this.stakers) {
      if (rng.chance(0.12)) {
        const v = this.list[rng.int(10)]!;
        const amount = alloToUallo(Math.round(rng.range(200, 20000)));
        ops.push({ height: h + 1 + rng.int(this.timing.slotBlocks - 1), run: (at) => this.delegate(d, v, amount, at) });
      }
      if (rng.chance(0.06)) {
        // Some undelegate everything, so delegations also end, not only shrink.
        const fraction = rng.chance(0.3) ? 1 : rng.range(0.1, 0.5);
        ops.push({ height: h + 1 + rng.int(this.timing.slotBlocks - 1), run: (at) => this.undelegate(d, fraction, at) });
      }
    }
    for (const v of this.list.slice(0, 10)) {
      if (rng.chance(0.05)) {
        const step = rng.chance(0.5) ? 0.01 : -0.01;
        ops.push({ height: h + 1 + rng.int(this.timing.slotBlocks - 1), run: (at) => this.editCommission(v, step, at) });
      }
    }
    for (const op of ops) this.pending.push(op);
    this.pending.sort((a, b) => a.height - b.height);
  }

  private delegate(d: string, v: ValidatorInfo, amount: bigint, h: number): void {
    const ev = this.delegateTokens(d, v, amount, h);
    this.push(this.txs, h, { sender: d, typeUrl: "/cosmos.staking.v1beta1.MsgDelegate", body: { delegator_address: d, validator_address: v.operator, amount: { denom: "uallo", amount: amount.toString() } }, events: [ev] });
  }

  /** Bonds `amount` more of d's tokens to v (shares = tokens) and returns the SDK's `delegate` event. */
  delegateTokens(d: string, v: ValidatorInfo, amount: bigint, h: number): TypedEv {
    this.move(d, v, amount, h);
    return plainEv("delegate", { validator: v.operator, delegator: d, amount: `${amount}uallo`, new_shares: `${amount}.000000000000000000` });
  }

  private undelegate(d: string, fraction: number, h: number): void {
    const v = this.list.find((x) => (this.shares.peek(`${d}|${x.operator}`)?.latest() ?? 0n) > 0n);
    if (v) this.undelegateFrom(d, v, fraction, h);
  }

  private undelegateFrom(d: string, v: ValidatorInfo, fraction: number, h: number): void {
    const have = this.shares.get(`${d}|${v.operator}`).latest();
    const amount = (have * BigInt(Math.round(fraction * 1000))) / 1000n;
    if (amount <= 0n) return;
    const { event } = this.unbond(d, v, amount, h);
    this.push(this.txs, h, { sender: d, typeUrl: "/cosmos.staking.v1beta1.MsgUndelegate", body: { delegator_address: d, validator_address: v.operator, amount: { denom: "uallo", amount: amount.toString() } }, events: [event] });
  }

  /** Starts an unbonding of `amount` from v: the tokens leave v now and `complete_unbonding` fires unbondingBlocks later. */
  unbond(d: string, v: ValidatorInfo, amount: bigint, h: number): { event: TypedEv; unbonding: Unbonding } {
    this.move(d, v, -amount, h);
    const completionHeight = h + this.timing.unbondingBlocks;
    const unbonding: Unbonding = { delegator: d, validator: v.operator, creationHeight: h, completionHeight, amount };
    this.unbondings.push(unbonding);
    const done = this.endBlock.get(completionHeight) ?? [];
    done.push(plainEv("complete_unbonding", { amount: `${amount}uallo`, validator: v.operator, delegator: d }));
    this.endBlock.set(completionHeight, done);
    return { event: plainEv("unbond", { validator: v.operator, delegator: d, amount: `${amount}uallo`, completion_height: String(completionHeight) }), unbonding };
  }

  /** Gives `amount` of a maturing unbonding back to its validator (MsgCancelUnbondingDelegation). */
  cancelUnbonding(u: Unbonding, v: ValidatorInfo, amount: bigint, h: number): TypedEv {
    const before = unbondingBalance(u, h);
    (u.cancels ??= []).push({ height: h, amount });
    this.move(u.delegator, v, amount, h);
    // The completion block has not been produced yet: its complete_unbonding now carries what is left, or goes.
    const done = this.endBlock.get(u.completionHeight) ?? [];
    const i = done.findIndex((ev) => ev.fields.delegator === u.delegator && ev.fields.validator === u.validator && ev.fields.amount === `${before}uallo`);
    if (i >= 0) {
      if (before === amount) done.splice(i, 1);
      else done[i] = plainEv("complete_unbonding", { amount: `${before - amount}uallo`, validator: u.validator, delegator: u.delegator });
    }
    return plainEv("cancel_unbonding_delegation", { validator: u.validator, delegator: u.delegator, amount: `${amount}uallo`, creation_height: String(u.creationHeight) });
  }

  private editCommission(v: ValidatorInfo, step: number, h: number): void {
    const s = this.commission.get(v.operator);
    const last = this.commissionUpdated.get(v.operator).latest();
    // The SDK refuses more than one commission change per 24 h.
    if (h - last < BLOCKS_PER_DAY) return;
    this.setCommission(v, s.latest() + step, h);
  }

  private setCommission(v: ValidatorInfo, target: number, h: number): void {
    const s = this.commission.get(v.operator);
    const rate = Math.min(v.maxRate, Math.max(0.01, Math.round(target * 100) / 100));
    s.set(h, rate);
    this.commissionUpdated.get(v.operator).set(h, h);
    this.push(this.txs, h, {
      sender: v.account, typeUrl: "/cosmos.staking.v1beta1.MsgEditValidator",
      body: { validator_address: v.operator, commission_rate: rate.toFixed(18) },
      events: [plainEv("edit_validator", { commission_rate: rate.toFixed(18), min_self_delegation: "1" })],
    });
  }

  /** Pending delegator reward (uallo, Dec) on one validator, accrued since the last change. */
  pendingReward(delegator: string, v: ValidatorInfo, h: number): DecValue {
    const k = `${delegator}|${v.operator}`;
    const shares = this.shares.peek(k)?.at(h) ?? 0n;
    if (shares === 0n || v.status !== "BOND_STATUS_BONDED") return new Dec(0);
    const from = this.since.get(k).at(h);
    const cuts = new Set<number>([from, h]);
    for (const x of this.bonded.heights) if (x > from && x < h) cuts.add(x);
    for (const x of this.commission.get(v.operator).heights) if (x > from && x < h) cuts.add(x);
    const points = [...cuts].sort((a, b) => a - b);
    let acc = new Dec(0);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const blocks = points[i + 1]! - a;
      const bonded = this.bonded.at(a);
      if (bonded === 0n) continue;
      const keep = new Dec(1).minus(this.commission.get(v.operator).at(a));
      acc = acc.plus(new Dec(VALIDATOR_CUT.toString()).times(blocks).times(shares.toString()).div(bonded.toString()).times(keep));
    }
    return acc;
  }
}
