// The LCD's tx, auth and bank endpoints for signed wallet txs, in the Cosmos SDK 0.50 gRPC-gateway's JSON:
// POST /cosmos/tx/v1beta1/txs (BroadcastTx), POST /cosmos/tx/v1beta1/simulate, GET /cosmos/tx/v1beta1/txs/{hash},
// GET /cosmos/auth/v1beta1/accounts/{address}, GET /cosmos/bank/v1beta1/balances/{address}[/by_denom?denom=].
import { SECP256K1_PUBKEY_URL } from "./tx-decode";
import { grpcError, invalid, notFound, ok, route, type RestReply, type Route } from "./rest-common";
import { encodeEvent } from "./event-encoding";
import { isoTime, walletTxEvents } from "./rpc";
import type { Simulation } from "./simulation";
import type { IncludedTx } from "./wallet-chain";

/** What simulate reports as gas wanted: its gas meter is infinite (math.MaxUint64). */
const SIMULATE_GAS_WANTED = "18446744073709551615";
const MODES = new Set(["BROADCAST_MODE_SYNC", "BROADCAST_MODE_ASYNC"]);

function readTxBytes(body: string, empty = "invalid empty tx"): Uint8Array | RestReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body || "{}");
  } catch (e) {
    return invalid(e instanceof Error ? e.message : "invalid JSON body");
  }
  const txBytes = (parsed as { tx_bytes?: unknown }).tx_bytes;
  if (typeof txBytes !== "string" || txBytes === "") return invalid(empty);
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(txBytes)) return invalid("tx_bytes: illegal base64 data");
  return new Uint8Array(Buffer.from(txBytes, "base64"));
}

function responseOf(sim: Simulation, inc: IncludedTx) {
  const r = inc.result;
  return {
    height: String(inc.height),
    txhash: r.hash,
    codespace: r.codespace,
    code: r.code,
    data: "",
    raw_log: r.log,
    logs: [],
    info: "",
    gas_wanted: String(r.gasWanted),
    gas_used: String(r.gasUsed),
    tx: { "@type": "/cosmos.tx.v1beta1.Tx", ...inc.tx.json },
    timestamp: isoTime(sim.blockTimeMs(inc.height)),
    events: walletTxEvents(r, inc.tx.msgs[0]!.signer, sim.options.emissionsVersion),
  };
}

export function broadcastTx(sim: Simulation, body: string): RestReply {
  const bytes = readTxBytes(body);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const mode = (JSON.parse(body) as { mode?: unknown }).mode ?? "BROADCAST_MODE_SYNC";
  if (typeof mode !== "string" || !MODES.has(mode)) return invalid(`unsupported broadcast mode ${String(mode)}; the devnet serves BROADCAST_MODE_SYNC and BROADCAST_MODE_ASYNC`);
  const r = sim.wallet.checkTx(bytes);
  const failed = r.ok ? null : r.error;
  return ok({
    tx_response: {
      height: "0", txhash: r.hash, codespace: failed?.codespace ?? "", code: failed?.code ?? 0, data: "", raw_log: failed?.log ?? "",
      logs: [], info: "", gas_wanted: "0", gas_used: "0", tx: null, timestamp: "", events: [],
    },
  });
}

export function simulateTx(sim: Simulation, body: string): RestReply {
  const bytes = readTxBytes(body, "empty txBytes is not allowed");
  if (!(bytes instanceof Uint8Array)) return bytes;
  const r = sim.wallet.simulate(bytes);
  // The SDK's tx service wraps a failed simulation as gRPC Unknown (HTTP 500), the ABCI error's text first.
  if (!r.ok) return grpcError(500, 2, `${r.error.log} With gas wanted: '${r.decoded ? SIMULATE_GAS_WANTED : "0"}' and gas used: '${r.gasUsed}' `);
  const v = sim.options.emissionsVersion;
  return ok({
    gas_info: { gas_wanted: SIMULATE_GAS_WANTED, gas_used: r.gasUsed.toString() },
    result: {
      data: "",
      log: "",
      events: r.outcomes.flatMap((o, i) => o.events.map((ev) => encodeEvent(ev, v, { msgIndex: i }))),
      msg_responses: r.typeUrls.map((url) => ({ "@type": url.endsWith("Request") ? url.replace(/Request$/, "Response") : `${url}Response` })),
    },
  });
}

export function txRoutes(): Route[] {
  return [
    route("/cosmos/tx/v1beta1/txs/{hash}", (ctx) => {
      const inc = ctx.sim.wallet.lookup(ctx.params.hash!);
      return inc && inc.height <= ctx.sim.height() ? ok({ tx: inc.tx.json, tx_response: responseOf(ctx.sim, inc) }) : notFound(`tx not found: ${ctx.params.hash}`);
    }),
    route("/cosmos/auth/v1beta1/accounts/{address}", (ctx) => {
      const a = ctx.sim.wallet.bank.accountAt(ctx.params.address!, ctx.h);
      if (!a) return notFound(`account ${ctx.params.address} not found`);
      const pub_key = a.pubkey ? { "@type": SECP256K1_PUBKEY_URL, key: a.pubkey } : null;
      return ok({ account: { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, pub_key, account_number: String(a.accountNumber), sequence: String(a.sequence) } });
    }),
    route("/cosmos/bank/v1beta1/balances/{address}", (ctx) => {
      const amount = ctx.sim.wallet.bank.balanceAt(ctx.params.address!, ctx.h);
      const balances = amount > 0n ? [{ denom: "uallo", amount: amount.toString() }] : [];
      return ok({ balances, pagination: { next_key: null, total: String(balances.length) } });
    }),
    route("/cosmos/bank/v1beta1/balances/{address}/by_denom", (ctx) => {
      const denom = ctx.query.get("denom") ?? "";
      if (!denom) return invalid("invalid denom");
      const amount = denom === "uallo" ? ctx.sim.wallet.bank.balanceAt(ctx.params.address!, ctx.h) : 0n;
      return ok({ balance: { denom, amount: amount.toString() } });
    }),
  ];
}
