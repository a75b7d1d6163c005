// Typed events the way Cosmos SDK's EmitTypedEvent renders them: one attribute per proto field,
// keys sorted, values JSON-encoded (int64 quoted), plus the plain `mode` attribute for Begin/End
// block events and `msg_index` for tx events.
import type { EmissionsVersion } from "./config";
import type { TypedEv } from "./chain-types";

export interface RpcAttribute {
  key: string;
  value: string;
  index: boolean;
}

export interface RpcEvent {
  type: string;
  attributes: RpcAttribute[];
}

export function eventType(ev: TypedEv, version: EmissionsVersion): string {
  if (ev.module === "emissions") return `emissions.${version}.${ev.name}`;
  if (ev.module === "mint") return `${version === "v9" ? "mint.v3" : "mint.v5"}.${ev.name}`;
  return ev.name;
}

export function encodeEvent(ev: TypedEv, version: EmissionsVersion, extra: { mode?: "BeginBlock" | "EndBlock"; msgIndex?: number } = {}): RpcEvent {
  const attributes: RpcAttribute[] = [];
  if (ev.module === "plain") {
    for (const [key, value] of Object.entries(ev.fields)) attributes.push({ key, value: String(value), index: true });
  } else {
    for (const key of Object.keys(ev.fields).sort()) attributes.push({ key, value: JSON.stringify(ev.fields[key]), index: true });
  }
  if (extra.msgIndex !== undefined) attributes.push({ key: "msg_index", value: String(extra.msgIndex), index: true });
  if (extra.mode) attributes.push({ key: "mode", value: extra.mode, index: true });
  return { type: eventType(ev, version), attributes };
}
