export interface EventAttribute {
  key: string;
  value: string;
}

export type BlockMode = "BeginBlock" | "EndBlock";

/** Keys that describe where an event came from rather than what it says. */
const ENVELOPE_KEYS = new Set(["mode", "msg_index"]);

const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
const KEY_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function decodeBase64Utf8(value: string): string | null {
  if (value.length % 4 !== 0 || !BASE64_RE.test(value)) return null;
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * CometBFT < 0.38 base64-encodes attribute keys and values. An event is treated as base64 only if
 * every key decodes to an identifier: plain keys like "topic_id" or "amount" are not valid base64,
 * and the few that are ("mode", "data") decode to binary garbage, so plain events are never misread.
 */
function isBase64Event(attributes: readonly EventAttribute[]): boolean {
  if (attributes.length === 0) return false;
  return attributes.every((attr) => {
    const key = decodeBase64Utf8(attr.key);
    return key !== null && KEY_RE.test(key);
  });
}

/** Decodes base64 if needed, strips `mode`/`msg_index`, and reports the BeginBlock/EndBlock mode. */
export function normalizeAttributes(raw: readonly EventAttribute[]): {
  attributes: EventAttribute[];
  mode: BlockMode | null;
} {
  const decoded = isBase64Event(raw)
    ? raw.map((attr) => ({
        key: decodeBase64Utf8(attr.key) ?? attr.key,
        value: attr.value === "" ? "" : (decodeBase64Utf8(attr.value) ?? attr.value),
      }))
    : raw.map((attr) => ({ key: attr.key, value: attr.value }));
  let mode: BlockMode | null = null;
  const attributes: EventAttribute[] = [];
  for (const attr of decoded) {
    if (attr.key === "mode" && (attr.value === "BeginBlock" || attr.value === "EndBlock")) mode = attr.value;
    if (!ENVELOPE_KEYS.has(attr.key)) attributes.push(attr);
  }
  return { attributes, mode };
}

/**
 * Go marshals a NaN Dec inside DecArray/DecMatrix as a bare `NaN` token in some paths, which is
 * not JSON. Quote those tokens (outside strings only) so the Dec schemas can map them to null.
 */
export function quoteBareNaN(json: string): string {
  let out = "";
  let inString = false;
  let escaped = false;
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i] ?? "";
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    if (
      json.startsWith("NaN", i) &&
      !/[A-Za-z0-9_]/.test(json[i - 1] ?? " ") &&
      !/[A-Za-z0-9_]/.test(json[i + 3] ?? " ")
    ) {
      out += '"NaN"';
      i += 2;
      continue;
    }
    out += char;
  }
  return out;
}

/** Typed-event attribute values are JSON; anything that is not stays the plain string it was. */
export function parseAttributeValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    // fall through: NaN tokens or a plain (legacy, untyped) value
  }
  const quoted = quoteBareNaN(value);
  if (quoted !== value) {
    try {
      return JSON.parse(quoted);
    } catch {
      // not JSON after all
    }
  }
  return value;
}
