// CometBFT RPC (v0.38 JSON): /status, /block, /block_results and /blockchain in the JSON-RPC envelope.
import { CHAIN_ID } from "./config";
import { missedBlock } from "./slashing";
import { blockContents, type BlockContents } from "./block-events";
import { plainEv, type ChainTx, type WalletTxResult } from "./chain-types";
import { encodeEvent, type RpcEvent } from "./event-encoding";
import { sha256Base64, sha256Bytes, sha256Hex } from "./ids";
import type { Simulation } from "./simulation";

export interface RpcReply {
  status: number;
  body: unknown;
}

const envelope = (result: unknown): RpcReply => ({ status: 200, body: { jsonrpc: "2.0", id: -1, result } });
const rpcError = (code: number, message: string, data: string, status = 500): RpcReply => ({ status, body: { jsonrpc: "2.0", id: -1, error: { code, message, data } } });

export const isoTime = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

interface RenderedTx {
  bytes: string;
  hash: string;
  gasWanted: number;
  gasUsed: number;
}

export function renderTx(tx: ChainTx, seed: number, h: number, i: number): RenderedTx {
  if (tx.wallet) return { bytes: tx.wallet.bytes, hash: tx.wallet.hash, gasWanted: tx.wallet.gasWanted, gasUsed: tx.wallet.gasUsed };
  const gasWanted = 250000 + (tx.events.length * 40000) % 400000;
  const raw = JSON.stringify({
    body: { messages: [{ "@type": tx.typeUrl, ...tx.body }], memo: "allora-devnet (simulated)", timeout_height: "0" },
    auth_info: { fee: { amount: [{ denom: "uallo", amount: String(gasWanted * 10) }], gas_limit: String(gasWanted) } },
    signatures: [sha256Base64(`${seed}/sig/${h}/${i}`)],
  });
  const bytes = Buffer.from(raw).toString("base64");
  return { bytes, hash: sha256Hex(Buffer.from(raw)), gasWanted, gasUsed: Math.floor(gasWanted * 0.82) };
}

const cache = new WeakMap<Simulation, Map<number, { contents: BlockContents; txs: RenderedTx[] }>>();

export function cachedBlock(sim: Simulation, h: number): { contents: BlockContents; txs: RenderedTx[] } {
  let map = cache.get(sim);
  if (!map) cache.set(sim, (map = new Map()));
  const hit = map.get(h);
  if (hit) return hit;
  const contents = blockContents(sim, h);
  const entry = { contents, txs: contents.txs.map((tx, i) => renderTx(tx, sim.options.seed, h, i)) };
  if (map.size >= 512) map.delete(map.keys().next().value as number);
  map.set(h, entry);
  return entry;
}

export const blockHash = (sim: Simulation, h: number) => sha256Hex(`${sim.options.seed}/${sim.options.emissionsVersion}/block/${h}`);
const appHash = (sim: Simulation, h: number) => sha256Hex(`${sim.options.seed}/app/${h}`);

function proposer(sim: Simulation, h: number): string {
  return sim.validators.list[h % 10]!.consensusHex;
}

// Hashes that are the same in every block, computed once per seed.
const constantHashes = new Map<number, { valset: string; consensus: string; evidence: string }>();
function constants(seed: number) {
  let hit = constantHashes.get(seed);
  if (!hit) constantHashes.set(seed, (hit = { valset: sha256Hex(`${seed}/valset`), consensus: sha256Hex("consensus-params"), evidence: sha256Hex("") }));
  return hit;
}

function blockId(sim: Simulation, x: number) {
  if (x <= 0) return { hash: "", parts: { total: 0, hash: "" } };
  const hash = blockHash(sim, x);
  return { hash, parts: { total: 1, hash: sha256Hex(`parts/${hash}`) } };
}

type BlockId = ReturnType<typeof blockId>;

/** The header of block h; `lastId` is block h − 1's id, which the block's last commit repeats. */
function blockHeader(sim: Simulation, h: number, txs: readonly RenderedTx[], lastId: BlockId) {
  const { valset: valHash, consensus, evidence } = constants(sim.options.seed);
  return {
    version: { block: "11", app: "0" },
    chain_id: CHAIN_ID,
    height: String(h),
    time: isoTime(sim.blockTimeMs(h)),
    last_block_id: lastId,
    last_commit_hash: sha256Hex(`commit/${h - 1}`),
    data_hash: sha256Hex(txs.map((t) => t.hash).join("")),
    validators_hash: valHash,
    next_validators_hash: valHash,
    consensus_hash: consensus,
    app_hash: h > 1 ? appHash(sim, h - 1) : "",
    last_results_hash: sha256Hex(`results/${h - 1}`),
    evidence_hash: evidence,
    proposer_address: proposer(sim, h),
  };
}

export function blockJson(sim: Simulation, h: number) {
  const { txs } = cachedBlock(sim, h);
  const lastId = blockId(sim, h - 1);
  const commitTime = isoTime(sim.blockTimeMs(h) - 400);
  return {
    block_id: blockId(sim, h),
    block: {
      header: blockHeader(sim, h, txs, lastId),
      data: { txs: txs.map((t) => t.bytes) },
      evidence: { evidence: [] },
      last_commit: {
        height: String(h - 1),
        round: 0,
        block_id: lastId,
        signatures: sim.validators.list.slice(0, 10).map((v) =>
          // A validator that missed block h − 1 is absent from its commit (BLOCK_ID_FLAG_ABSENT), as slashing counts it.
          h > 1 && missedBlock(sim, v, h - 1)
            ? { block_id_flag: 1, validator_address: "", timestamp: "0001-01-01T00:00:00Z", signature: null }
            : {
                block_id_flag: 2,
                validator_address: v.consensusHex,
                timestamp: commitTime,
                // The two digests' bytes, as the hex of both would decode to.
                signature: Buffer.concat([sha256Bytes(`${sim.options.seed}/commit/${h}/${v.index}`), sha256Bytes(`${h}/${v.index}`)]).toString("base64"),
              },
        ),
      },
    },
  };
}

// The devnet never encodes a block as protobuf: block_size is its tx bytes (each with its length prefix) plus an
// estimate of the protobuf header and a 10-signature last commit (README, deviations).
const BLOCK_OVERHEAD_BYTES = 1540;
const TX_PREFIX_BYTES = 3;

/** Block h as `blockchain` lists it (a CometBFT BlockMeta), without rendering the txs or the commit signatures. */
export function blockMetaJson(sim: Simulation, h: number) {
  const { txs } = cachedBlock(sim, h);
  const txBytes = txs.reduce((n, t) => n + Buffer.byteLength(t.bytes, "base64") + TX_PREFIX_BYTES, 0);
  return {
    block_id: blockId(sim, h),
    block_size: String(BLOCK_OVERHEAD_BYTES + txBytes),
    header: blockHeader(sim, h, txs, blockId(sim, h - 1)),
    num_txs: String(txs.length),
  };
}

/** At most this many metas per `blockchain` call, as CometBFT 0.38 serves them. */
export const BLOCKCHAIN_LIMIT = 20;

type RpcError = { error: { code: number; message: string; data: string } };
const internalError = (data: string): RpcError => ({ error: { code: -32603, message: "Internal error", data } });

/**
 * CometBFT 0.38's BlockchainInfo: 0 means the base (min) or the tip (max); max is clamped to the tip, min to the base
 * and to within 20 of max; the metas come highest first.
 */
export function blockchainJson(sim: Simulation, minHeight: number, maxHeight: number): { result: unknown } | RpcError {
  if (minHeight < 0 || maxHeight < 0) return internalError("heights must be non-negative");
  const tip = sim.height();
  const max = Math.min(tip, maxHeight === 0 ? tip : maxHeight);
  const min = Math.max(1, minHeight === 0 ? 1 : minHeight, max - BLOCKCHAIN_LIMIT + 1);
  if (min > max) return internalError(`min height ${min} can't be greater than max height ${max}`);
  const metas = Array.from({ length: max - min + 1 }, (_, i) => blockMetaJson(sim, max - i));
  return { result: { last_height: String(tip), block_metas: metas } };
}

/** A signed wallet tx's events: fee and signer events, then per message its `message` event and its own events. */
export function walletTxEvents(tx: WalletTxResult, sender: string, version: Simulation["options"]["emissionsVersion"]): RpcEvent[] {
  return [
    ...tx.anteEvents.map((ev) => encodeEvent(ev, version)),
    ...tx.messages.flatMap((m, i) => [
      encodeEvent(plainEv("message", { action: m.typeUrl, sender, module: m.module }), version, { msgIndex: i }),
      ...m.events.map((ev) => encodeEvent(ev, version, { msgIndex: i })),
    ]),
  ];
}

function txEvents(tx: ChainTx, rendered: RenderedTx, version: Simulation["options"]["emissionsVersion"]): RpcEvent[] {
  if (tx.wallet) return walletTxEvents(tx.wallet, tx.sender, version);
  const moduleName = tx.typeUrl.startsWith("/emissions") ? "emissions" : tx.typeUrl.startsWith("/cosmos.staking") ? "staking" : "unknown";
  const plain = (type: string, attrs: [string, string][]): RpcEvent => ({ type, attributes: attrs.map(([key, value]) => ({ key, value, index: true })) });
  return [
    plain("tx", [["fee", `${rendered.gasWanted * 10}uallo`], ["fee_payer", tx.sender]]),
    plain("tx", [["acc_seq", `${tx.sender}/${parseInt(rendered.hash.slice(0, 6), 16) % 5000}`]]),
    plain("message", [["action", tx.typeUrl], ["sender", tx.sender], ["module", moduleName], ["msg_index", "0"]]),
    ...tx.events.map((ev) => encodeEvent(ev, version, { msgIndex: 0 })),
  ];
}

export function blockResultsJson(sim: Simulation, h: number) {
  const { contents, txs } = cachedBlock(sim, h);
  const v = sim.options.emissionsVersion;
  return {
    height: String(h),
    txs_results: contents.txs.map((tx, i) => ({
      code: tx.wallet?.code ?? 0,
      data: "",
      log: tx.wallet?.log ?? "",
      info: "",
      gas_wanted: String(txs[i]!.gasWanted),
      gas_used: String(txs[i]!.gasUsed),
      events: txEvents(tx, txs[i]!, v),
      codespace: tx.wallet?.codespace ?? "",
    })),
    finalize_block_events: [
      ...contents.beginBlock.map((ev) => encodeEvent(ev, v, { mode: "BeginBlock" })),
      ...contents.endBlock.map((ev) => encodeEvent(ev, v, { mode: "EndBlock" })),
    ],
    validator_updates: [],
    consensus_param_updates: null,
    app_hash: Buffer.from(appHash(sim, h), "hex").toString("base64"),
  };
}

export function statusJson(sim: Simulation) {
  const tip = sim.height();
  const v = sim.validators.list[0]!;
  return {
    node_info: {
      protocol_version: { p2p: "8", block: "11", app: "0" },
      id: sha256Hex(`node/${sim.options.seed}`).slice(0, 40).toLowerCase(),
      listen_addr: "tcp://0.0.0.0:26656",
      network: CHAIN_ID,
      version: "0.38.17",
      channels: "40202122233038606100",
      moniker: "allora-devnet",
      other: { tx_index: "on", rpc_address: "tcp://0.0.0.0:26657" },
    },
    sync_info: {
      latest_block_hash: blockHash(sim, tip),
      latest_app_hash: appHash(sim, tip),
      latest_block_height: String(tip),
      latest_block_time: isoTime(sim.blockTimeMs(tip)),
      earliest_block_hash: blockHash(sim, 1),
      earliest_app_hash: "",
      earliest_block_height: "1",
      earliest_block_time: isoTime(sim.blockTimeMs(1)),
      catching_up: false,
    },
    validator_info: { address: v.consensusHex, pub_key: { type: "tendermint/PubKeyEd25519", value: v.pubkey }, voting_power: "0" },
  };
}

/** A call's named parameter as text (a GET query value or a JSON-RPC param), or null when it is not given. */
export type RpcParam = (name: string) => string | null;

/** A `blockchain` height as CometBFT parses an int64 (quotes allowed; absent or empty is 0), or the error it answers. */
function intParam(param: RpcParam, name: string): number | RpcError {
  const raw = param(name);
  if (raw === null || raw === "") return 0;
  const cleaned = raw.replace(/^"|"$/g, "");
  if (!/^-?\d+$/.test(cleaned)) return { error: { code: -32602, message: "Invalid params", data: `error converting http param: failed to parse ${name} ${raw}` } };
  return Number(cleaned);
}

function atHeight(sim: Simulation, method: "block" | "block_results", rawHeight: string | null): { result: unknown } | RpcError {
  const tip = sim.height();
  let h = tip;
  if (rawHeight !== null && rawHeight !== "" && rawHeight !== "0") {
    const cleaned = rawHeight.replace(/^"|"$/g, "");
    if (!/^\d+$/.test(cleaned)) return { error: { code: -32602, message: "Invalid params", data: `error converting http param: failed to parse height ${rawHeight}` } };
    h = Number(cleaned);
  }
  if (h > tip) return internalError(`height ${h} must be less than or equal to the current blockchain height ${tip}`);
  if (h < 1) return internalError(`height ${h} is not available, lowest height is 1`);
  return { result: method === "block" ? blockJson(sim, h) : blockResultsJson(sim, h) };
}

/** One JSON-RPC method, as CometBFT answers it: the result, or the error object it would send. */
export function rpcMethod(sim: Simulation, method: string, param: RpcParam): { result: unknown } | RpcError {
  if (method === "status") return { result: statusJson(sim) };
  if (method === "block" || method === "block_results") return atHeight(sim, method, param("height"));
  if (method !== "blockchain") return { error: { code: -32601, message: "Method not found", data: "" } };
  const min = intParam(param, "minHeight");
  if (typeof min !== "number") return min;
  const max = intParam(param, "maxHeight");
  if (typeof max !== "number") return max;
  return blockchainJson(sim, min, max);
}

const GET_METHODS = new Set(["/status", "/block", "/block_results", "/blockchain"]);

export function handleRpc(sim: Simulation, path: string, query: URLSearchParams): RpcReply | null {
  if (!GET_METHODS.has(path)) return null;
  const answer = rpcMethod(sim, path.slice(1), (name) => query.get(name));
  if ("result" in answer) return envelope(answer.result);
  const { code, message, data } = answer.error;
  return rpcError(code, message, data);
}
