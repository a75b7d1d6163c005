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
  events: TypedEv[];
}

export const emissionsEv = (name: string, fields: Record<string, unknown>): TypedEv => ({ module: "emissions", name, fields });
export const plainEv = (name: string, fields: Record<string, string>): TypedEv => ({ module: "plain", name, fields });
