// Validates a value against one schema of an OpenAPI document: $refs are inlined, then zod's own JSON Schema reader
// builds the validator, so the check goes through the published document, not through the route's zod schemas.
import { z } from "zod";

type Json = Record<string, unknown>;

function inline(schema: unknown, document: Json): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, document));
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === "string") {
    const target = ref.replace(/^#\//, "").split("/").reduce<unknown>((node, part) => (node as Json)[part], document);
    return inline(target, document);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, document)]));
}

export function validatorFor(schema: unknown, document: Json): z.ZodType {
  return z.fromJSONSchema(inline(schema, document) as Parameters<typeof z.fromJSONSchema>[0]);
}
