import type { z } from "zod";

import {
  type BlockMode,
  type EventAttribute,
  normalizeAttributes,
  parseAttributeValue,
} from "@/lib/allora/event-attributes";
import { emissionsEventSchemas, mintEventSchemas } from "@/lib/allora/schemas/event-registry";

export type { BlockMode, EventAttribute } from "@/lib/allora/event-attributes";

type EventsOf<M extends string, S extends Record<string, z.ZodType>> = {
  [K in keyof S & string]: {
    kind: "event";
    module: M;
    /** Type-name suffix, identical across emissions versions (e.g. "EventScoresSet"). */
    name: K;
    /** The full type as emitted, e.g. "emissions.v10.EventScoresSet". */
    type: string;
    version: number;
    mode: BlockMode | null;
    data: z.output<S[K]>;
    /** Normalized raw attributes (base64 decoded, envelope keys removed), e.g. for an audit column. */
    attributes: EventAttribute[];
  };
}[keyof S & string];

export type EmissionsEvent = EventsOf<"emissions", typeof emissionsEventSchemas>;
export type MintEvent = EventsOf<"mint", typeof mintEventSchemas>;
export type KnownEvent = EmissionsEvent | MintEvent;

/** Any event this module has no schema for (bank transfers, whitelist admin events, …). */
export interface UnknownEvent {
  kind: "unknown";
  type: string;
  mode: BlockMode | null;
  attributes: EventAttribute[];
}

/** A known event whose payload did not validate; `field` is the offending attribute path. */
export interface EventDecodeFailure {
  kind: "error";
  type: string;
  name: string;
  field: string;
  message: string;
  mode: BlockMode | null;
  attributes: EventAttribute[];
}

export type DecodedEvent = KnownEvent | UnknownEvent | EventDecodeFailure;

const TYPE_RE = /^(emissions|mint)\.v(\d+)\.([A-Za-z0-9_]+)$/;

function schemaFor(module: string, name: string): z.ZodType | undefined {
  const registry: Record<string, z.ZodType> = module === "emissions" ? emissionsEventSchemas : mintEventSchemas;
  return Object.hasOwn(registry, name) ? registry[name] : undefined;
}

/** Decodes one ABCI event by its type-name suffix. Never throws. */
export function decodeEvent(raw: { type: string; attributes: readonly EventAttribute[] }): DecodedEvent {
  const { attributes, mode } = normalizeAttributes(raw.attributes);
  const match = TYPE_RE.exec(raw.type);
  const moduleName = match?.[1];
  const name = match?.[3];
  const schema = moduleName && name ? schemaFor(moduleName, name) : undefined;
  if (!moduleName || !name || !schema) return { kind: "unknown", type: raw.type, mode, attributes };

  const payload: Record<string, unknown> = {};
  for (const attr of attributes) payload[attr.key] = parseAttributeValue(attr.value);

  const result = schema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(event)";
    return {
      kind: "error",
      type: raw.type,
      name,
      field,
      message: `${name}.${field}: ${issue?.message ?? "invalid"}`,
      mode,
      attributes,
    };
  }
  return {
    kind: "event",
    module: moduleName,
    name,
    type: raw.type,
    version: Number(match?.[2]),
    mode,
    data: result.data,
    attributes,
  } as KnownEvent;
}

export function isKnownEvent(event: DecodedEvent): event is KnownEvent {
  return event.kind === "event";
}
