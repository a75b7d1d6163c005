// Shapes shared by the ledgers and the block builder.

/** A typed event before encoding. `fields` keep proto field order; values are JSON-able. */
export interface TypedEv {
  /** "emissions" events get the emissions.vN prefix, "mint" the mint prefix, "plain" none. */
  module: "emissions" | "mint" | "plain";
  name: string;
  fields: Record<string, unknown>;
}

export interface ChainTx {
  sender: string;
  /** Full type URL, e.g. "/emissions.v10.AddStakeRequest". */
  typeUrl: string;
  body: Record<string, unknown>;
  /** The messages' events (none when the tx failed). */
  events: TypedEv[];
  /** Set for a signed wallet tx: its real bytes, result and events (simulated txs are rendered from the fields above). */
  wallet?: WalletTxResult;
}

export interface WalletTxResult {
  /** base64 TxRaw */
  bytes: string;
  hash: string;
  gasWanted: number;
  gasUsed: number;
  code: number;
  codespace: string;
  log: string;
  /** Fee payment and signer events, kept even when a message fails (as the ante handler's are). */
  anteEvents: TypedEv[];
  messages: { typeUrl: string; module: string; events: TypedEv[] }[];
}

export const emissionsEv = (name: string, fields: Record<string, unknown>): TypedEv => ({ module: "emissions", name, fields });
export const plainEv = (name: string, fields: Record<string, string>): TypedEv => ({ module: "plain", name, fields });
