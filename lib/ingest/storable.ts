// Strings Postgres cannot store, found anywhere in a batch (row values, json contents, object keys, network and
// collector fields): NUL, which neither text nor jsonb holds, and lone UTF-16 surrogates, which jsonb refuses.
// Both would fail mid-transaction as a 500, so they are refused up front with their path named.
import type { FieldIssue } from "./batch-schema";

// In JSON text both can only arrive as \u escapes, so a body without one needs no walk.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/y;

export function mayHoldUnstorable(text: string): boolean {
  // indexOf skips a ~20 MB body in about a millisecond; the regex, searching every position, took ~10.
  for (let at = text.indexOf("\\u"); at >= 0; at = text.indexOf("\\u", at + 2)) {
    SUSPECT_ESCAPE.lastIndex = at;
    if (SUSPECT_ESCAPE.test(text)) return true;
  }
  return false;
}

function problemOf(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain NUL characters";
  if (!value.isWellFormed()) return "must not contain unpaired UTF-16 surrogates";
  return null;
}

const child = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Every string (or object key) that cannot be stored, by path; iterative, so no nesting depth overflows it. */
export function findUnstorableStrings(body: unknown, limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[body, ""]];
  while (stack.length && issues.length < limit) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      const problem = problemOf(value);
      if (problem) issues.push({ field: path || "(body)", message: problem });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], child(path, i)]);
    } else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        const problem = problemOf(key);
        if (problem) issues.push({ field: child(path, JSON.stringify(key).slice(1, -1)), message: `key ${problem}` });
        else stack.push([v, child(path, key)]);
      }
    }
  }
  return issues;
}

/** Nesting depth of a JSON value (a scalar is 0), computed without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    const next = depth + 1;
    if (next > max) max = next;
    if (max > 1_000) return max;
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push([item, next]);
  }
  return max;
}
