// Zod checks every element of an array through its element schema (a union and a transform for a NaN-padded Dec):
// about a microsecond a value, and the bulk arrays of events (a reputer's ~100 losses per payload, a score per actor)
// made it a fifth of the collector's CPU during a backfill. These arrays are checked by a loop instead; any input
// the loop does not accept goes to the zod schema, which then accepts or names the offending field exactly as before.
import { z } from "zod";
import { isDec, NAN_DEC, type Dec } from "@/lib/allora/decimal";

/**
 * `slow`, with `fast` tried first. `fast` returns what `slow` would output for an input it accepts, and undefined for
 * anything else (which `slow` then judges, with its own issues and paths).
 */
export function withFastPath<S extends z.ZodType>(slow: S, fast: (input: unknown) => z.output<S> | undefined) {
  return z
    .unknown()
    .optional()
    .transform((input, ctx): z.output<S> => {
      const quick = fast(input);
      if (quick !== undefined) return quick;
      const result = slow.safeParse(input);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.issues.push({ ...issue, input } as (typeof ctx.issues)[number]);
      return z.NEVER;
    });
}

/** Decimal strings and the chain's "NaN" padding (as null), read like `decOrNaNSchema`; undefined if one is neither. */
export function decsOrNaN(input: unknown): (Dec | null)[] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out: (Dec | null)[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const v: unknown = input[i];
    if (v === NAN_DEC) out[i] = null;
    else if (isDec(v)) out[i] = v;
    else return undefined;
  }
  return out;
}

/** Rows of `decsOrNaN`: a math.DecMatrix. */
export function decMatrix(input: unknown): (Dec | null)[][] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out: (Dec | null)[][] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const row = decsOrNaN(input[i]);
    if (row === undefined) return undefined;
    out[i] = row;
  }
  return out;
}

export function strings(input: unknown): string[] | undefined {
  if (!Array.isArray(input)) return undefined;
  for (let i = 0; i < input.length; i++) if (typeof input[i] !== "string") return undefined;
  return input.slice() as string[];
}
