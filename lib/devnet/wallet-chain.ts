// Signed wallet transactions on the devnet: CheckTx on broadcast (ante only, into the mempool), simulate (ante
// without fee minimum or signature, then the messages without writing), and delivery in the next block, where the
// fee is paid, the sequence rises and the messages run (all or none). Results are kept by hash for tx lookups.
import { sha256 } from "@cosmjs/crypto";
import { bech32 } from "bech32";
import { Bank } from "./bank";
import { plainEv, type ChainTx, type TypedEv, type WalletTxResult } from "./chain-types";
import type { Simulation } from "./simulation";
import { ante, type AnteOk } from "./tx-ante";
import { decodeTx, hexHash, type DecodedTx } from "./tx-decode";
import { inMessage, isTxError, SDK, type TxError } from "./tx-errors";
import { execMsg, type MsgEnv, type MsgOutcome } from "./tx-messages";
import { unbondingBalance, type Unbonding } from "./validators";

/** x/auth's fee collector module account: sha256("fee_collector")[:20]. */
export const FEE_COLLECTOR = bech32.encode("allo", bech32.toWords(sha256(new TextEncoder().encode("fee_collector")).slice(0, 20)));

export interface IncludedTx {
  tx: DecodedTx;
  height: number;
  result: WalletTxResult;
}

export type CheckResult = { hash: string } & ({ ok: true } | { ok: false; error: TxError });
/** `decoded` false: the bytes never reached the ante handler (the SDK then reports gas wanted and used as 0). */
export type SimulateResult = { gasUsed: bigint } & ({ ok: true; outcomes: MsgOutcome[]; typeUrls: string[] } | { ok: false; error: TxError; decoded: boolean });

export class WalletChain {
  readonly bank = new Bank();
  private mempool: DecodedTx[] = [];
  private readonly included = new Map<string, IncludedTx>();
  private readonly byHeight = new Map<number, IncludedTx[]>();
  private readonly unbondings: Unbonding[] = [];

  constructor(private readonly sim: () => Simulation) {}

  private pendingOf(signer: string) {
    const mine = this.mempool.filter((t) => t.msgs[0]?.signer === signer);
    return { count: mine.length, fees: mine.reduce((a, t) => a + t.fee.filter((c) => c.denom === "uallo").reduce((x, c) => x + BigInt(c.amount), 0n), 0n) };
  }

  private decode(raw: Uint8Array): DecodedTx | TxError {
    return decodeTx(raw, this.sim().options.emissionsVersion);
  }

  /** BROADCAST_MODE_SYNC: the ante handler against the committed state plus this node's mempool. */
  checkTx(raw: Uint8Array): CheckResult {
    const tx = this.decode(raw);
    if (isTxError(tx)) return { hash: hexHash(raw), ok: false, error: tx };
    if (this.included.has(tx.hash) || this.mempool.some((t) => t.hash === tx.hash)) return { hash: tx.hash, ok: false, error: SDK.txInMempoolCache() };
    const signer = tx.msgs[0]!.signer;
    const ok = ante(tx, { bank: this.bank, simulate: false, height: this.sim().height() + 1, pending: this.pendingOf(signer) });
    if (isTxError(ok)) return { hash: tx.hash, ok: false, error: ok };
    this.mempool.push(tx);
    return { hash: tx.hash, ok: true };
  }

  simulate(raw: Uint8Array): SimulateResult {
    const tx = this.decode(raw);
    if (isTxError(tx)) return { gasUsed: 0n, ok: false, error: tx, decoded: false };
    const checked = ante(tx, { bank: this.bank, simulate: true, height: this.sim().height() + 1, pending: { count: 0, fees: 0n } });
    if (isTxError(checked)) return { gasUsed: 0n, ok: false, error: checked, decoded: true };
    const run = this.runMessages(tx, checked, this.sim().height(), false);
    return isTxError(run) ? { gasUsed: checked.gas.total, ok: false, error: run, decoded: true } : { gasUsed: checked.gas.total, ok: true, outcomes: run, typeUrls: tx.msgs.map((m) => m.typeUrl) };
  }

  /** Every message checked against the state before the tx (and their spends together), then, if writing, applied. */
  private runMessages(tx: DecodedTx, checked: AnteOk, h: number, write: boolean): MsgOutcome[] | TxError {
    const env: MsgEnv = { sim: this.sim(), bank: this.bank, h, write: false, onUnbonding: (u) => this.unbondings.push(u) };
    let spend = 0n;
    const dry: MsgOutcome[] = [];
    for (const [i, m] of tx.msgs.entries()) {
      const out = execMsg(m, env);
      if (isTxError(out)) return inMessage(out, i);
      spend += out.spend;
      const have = this.bank.balance(checked.signer);
      if (spend > have) return inMessage(SDK.insufficientFunds(`spendable balance ${have}uallo is smaller than ${spend}uallo`), i);
      dry.push(out);
    }
    if (!write) return dry;
    return tx.msgs.map((m) => execMsg(m, { ...env, write: true }) as MsgOutcome);
  }

  /** Block h: the mempool's txs in arrival order, then wallet unbondings completing at h pay out. */
  processHeight(h: number): void {
    const txs = this.mempool;
    this.mempool = [];
    txs.forEach((tx) => this.deliver(tx, h));
    for (const u of this.unbondings) if (u.completionHeight === h) this.bank.change(u.delegator, unbondingBalance(u, h), h);
  }

  private deliver(tx: DecodedTx, h: number): void {
    const checked = ante(tx, { bank: this.bank, simulate: false, height: h, pending: { count: 0, fees: 0n } });
    const base = { bytes: Buffer.from(tx.raw).toString("base64"), hash: tx.hash, gasWanted: Number(tx.gasLimit) };
    let result: WalletTxResult;
    if (isTxError(checked)) {
      result = { ...base, gasUsed: 0, code: checked.code, codespace: checked.codespace, log: checked.log, anteEvents: [], messages: [] };
    } else {
      this.bank.change(checked.signer, -checked.fee, h);
      this.bank.signed(checked.signer, checked.pubkey, h);
      const anteEvents = feeEvents(checked, tx);
      const gasUsed = Number(checked.gas.total);
      const fail = (e: TxError): WalletTxResult => ({ ...base, gasUsed, code: e.code, codespace: e.codespace, log: e.log, anteEvents, messages: [] });
      if (tx.gasLimit < checked.gas.total) {
        result = fail(SDK.outOfGas(`out of gas in location: txMsgs; gasWanted: ${tx.gasLimit}, gasUsed: ${checked.gas.total}`));
      } else {
        const run = this.runMessages(tx, checked, h, true);
        result = isTxError(run)
          ? fail(run)
          : { ...base, gasUsed, code: 0, codespace: "", log: "", anteEvents, messages: run.map((o, i) => ({ typeUrl: tx.msgs[i]!.typeUrl, module: o.module, events: o.events })) };
      }
    }
    const inc: IncludedTx = { tx, height: h, result };
    this.included.set(tx.hash, inc);
    const list = this.byHeight.get(h) ?? [];
    list.push(inc);
    this.byHeight.set(h, list);
  }

  /** Block h's wallet txs, as the block builder lists them. */
  chainTxsAt(h: number): ChainTx[] {
    return (this.byHeight.get(h) ?? []).map((inc) => ({
      sender: inc.tx.msgs[0]!.signer,
      typeUrl: inc.tx.msgs[0]!.typeUrl,
      body: {},
      events: inc.result.messages.flatMap((m) => m.events),
      wallet: inc.result,
    }));
  }

  lookup(hash: string): IncludedTx | undefined {
    return this.included.get(hash.toUpperCase());
  }
}

function feeEvents(checked: AnteOk, tx: DecodedTx): TypedEv[] {
  const fee = `${checked.fee}uallo`;
  return [
    plainEv("coin_spent", { spender: checked.signer, amount: fee }),
    plainEv("coin_received", { receiver: FEE_COLLECTOR, amount: fee }),
    plainEv("transfer", { recipient: FEE_COLLECTOR, sender: checked.signer, amount: fee }),
    plainEv("message", { sender: checked.signer }),
    plainEv("tx", { fee, fee_payer: checked.signer }),
    plainEv("tx", { acc_seq: `${checked.signer}/${tx.sequence}` }),
    plainEv("tx", { signature: Buffer.from(tx.signature).toString("base64") }),
  ];
}
