import type { z } from "zod";

import { AlloraHttpError } from "@/lib/allora/http";

export interface QueryOptions {
  /** Historical query via `x-cosmos-block-height`; needs an archive node for old heights. */
  height?: bigint | number;
  signal?: AbortSignal;
}

/** Ids and heights as callers hold them; validated before they reach a URL. */
export type Uint = bigint | number | string;

/** A decoded GET relative to the LCD base URL (or to the emissions namespace). */
export type LcdGet = <S extends z.ZodType>(path: string, schema: S, query?: QueryOptions) => Promise<z.output<S>>;

/** An address or other free-text path segment, escaped so it cannot change the route. */
export function seg(value: string): string {
  if (!value) throw new TypeError("empty path segment");
  return encodeURIComponent(value);
}

/** Single-record lookups the gateway answers with 404 when nothing exists. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AlloraHttpError && error.status === 404) return null;
    throw error;
  }
}
