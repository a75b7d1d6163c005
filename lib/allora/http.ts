import type { z } from "zod";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1); injectable so backoff is deterministic in tests. */
  random?: () => number;
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Upper bound for a server's Retry-After, so a hostile header cannot park us for hours. */
  maxRetryAfterMs?: number;
}

export type HttpFailureReason = "status" | "timeout" | "network" | "aborted";

export class AlloraHttpError extends Error {
  readonly status: number | null;
  readonly url: string;
  readonly attempts: number;
  readonly reason: HttpFailureReason;
  /** Server-provided explanation (e.g. the gateway's gRPC message), truncated. */
  readonly detail: string | null;

  constructor(args: {
    status: number | null;
    url: string;
    attempts: number;
    reason: HttpFailureReason;
    detail?: string | null;
  }) {
    const what = args.status !== null ? `HTTP ${args.status}` : args.reason;
    super(`${what} from ${args.url} after ${args.attempts} attempt(s)${args.detail ? `: ${args.detail}` : ""}`);
    this.name = "AlloraHttpError";
    this.status = args.status;
    this.url = args.url;
    this.attempts = args.attempts;
    this.reason = args.reason;
    this.detail = args.detail ?? null;
  }
}

export interface DecodeIssue {
  path: string;
  message: string;
}

export class AlloraDecodeError extends Error {
  readonly url: string;
  readonly issues: DecodeIssue[];

  constructor(url: string, issues: DecodeIssue[]) {
    const summary = issues
      .slice(0, 3)
      .map((i) => `${i.path || "(root)"}: ${i.message}`)
      .join("; ");
    super(`unexpected response shape from ${url}: ${summary}`);
    this.name = "AlloraDecodeError";
    this.url = url;
    this.issues = issues;
  }
}

const DEFAULTS = { timeoutMs: 10_000, retries: 3, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// 501 is the gateway's answer for an unknown route (e.g. the wrong emissions namespace): permanent.
function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function readDetail(response: Response): Promise<string | null> {
  try {
    const text = (await response.text()).slice(0, 300);
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: { message?: unknown; data?: unknown } };
      const message = body.message ?? body.error?.data ?? body.error?.message;
      if (typeof message === "string") return message;
    } catch {
      // not JSON; fall back to the text
    }
    return text || null;
  } catch {
    return null;
  }
}

type AttemptOutcome =
  { ok: true; data: unknown } | { ok: false; error: AlloraHttpError; retryable: boolean; retryAfterMs: number | null };

async function attemptOnce(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  attempt: number,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const external = init.signal ?? undefined;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = external ? AbortSignal.any([external, timeout.signal]) : timeout.signal;
  try {
    const response = await fetchImpl(url, { ...init, signal });
    if (!response.ok) {
      const detail = await readDetail(response);
      const error = new AlloraHttpError({ status: response.status, url, attempts: attempt, reason: "status", detail });
      const retryAfterMs =
        response.status === 429 ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : null;
      return { ok: false, error, retryable: isRetryableStatus(response.status), retryAfterMs };
    }
    const text = await response.text();
    try {
      return { ok: true, data: JSON.parse(text) as unknown };
    } catch {
      throw new AlloraDecodeError(url, [{ path: "", message: "response body is not JSON" }]);
    }
  } catch (error) {
    if (error instanceof AlloraDecodeError) throw error;
    if (external?.aborted) {
      return {
        ok: false,
        error: new AlloraHttpError({ status: null, url, attempts: attempt, reason: "aborted" }),
        retryable: false,
        retryAfterMs: null,
      };
    }
    const reason = timeout.signal.aborted ? "timeout" : "network";
    const detail = error instanceof Error ? error.message : null;
    return {
      ok: false,
      error: new AlloraHttpError({ status: null, url, attempts: attempt, reason, detail }),
      retryable: true,
      retryAfterMs: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A request returning parsed JSON. Retries 429, 5xx, network errors and timeouts with exponential
 * backoff and full jitter (or the server's Retry-After on 429, capped); other 4xx fail at once.
 */
export async function requestJson(url: string, init: RequestInit = {}, options: HttpOptions = {}): Promise<unknown> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const { timeoutMs, retries, baseDelayMs, maxDelayMs, maxRetryAfterMs } = { ...DEFAULTS, ...stripUndefined(options) };

  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptOnce(fetchImpl, url, init, attempt, timeoutMs);
    if (outcome.ok) return outcome.data;
    if (!outcome.retryable || attempt > retries) throw outcome.error;
    const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    await sleep(outcome.retryAfterMs !== null ? Math.min(outcome.retryAfterMs, maxRetryAfterMs) : backoff);
    if (init.signal?.aborted) throw new AlloraHttpError({ status: null, url, attempts: attempt, reason: "aborted" });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Validates a parsed body; the error names the request and every failing field path. */
export function decodeResponse<S extends z.ZodType>(schema: S, data: unknown, url: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AlloraDecodeError(
    url,
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

export async function getDecoded<S extends z.ZodType>(
  url: string,
  schema: S,
  init: RequestInit = {},
  options: HttpOptions = {},
): Promise<z.output<S>> {
  return decodeResponse(schema, await requestJson(url, init, options), url);
}

/** Integer path/query segments are validated so a caller can never smuggle `../` or `&` into a URL. */
export function uintSegment(value: bigint | number | string): string {
  const text = typeof value === "bigint" ? value.toString() : String(value);
  if (!/^\d+$/.test(text)) throw new TypeError(`expected a non-negative integer, got ${JSON.stringify(text)}`);
  return text;
}

/**
 * `base` + `path` for endpoint URLs that carry a provider key: the route goes before the base's query string
 * (`https://host/?apikey=K` + `/status` → `https://host/status?apikey=K`) and after its path prefix
 * (`https://host/K/` + `/status` → `https://host/K/status`); a query in `path` comes first, the base's after it.
 */
export function joinUrl(base: string, path: string): string {
  const cut = base.search(/[?#]/);
  const root = (cut < 0 ? base : base.slice(0, cut)).replace(/\/+$/, "");
  const baseQuery = cut < 0 || base[cut] === "#" ? "" : base.slice(cut + 1).split("#")[0]!;
  if (!baseQuery) return `${root}${path}`;
  const q = path.indexOf("?");
  const route = q < 0 ? path : path.slice(0, q);
  const routeQuery = q < 0 ? "" : path.slice(q + 1);
  return `${root}${route}?${[routeQuery, baseQuery].filter(Boolean).join("&")}`;
}

/** Any URL in a message cut to scheme and host: paths and query strings may carry provider keys. */
export function redactUrls(message: string): string {
  return message.replace(/\b(https?:\/\/[^/?#\s"'<>]+)[^\s"'<>]*/gi, (_, origin: string) => origin.replace(/\/\/[^@/]*@/, "//"));
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "the source";
  }
};

/**
 * What may be shown to every visitor about a failure (health, banners): the host, the status and a reason class,
 * never the URL's path or query (provider keys) nor the upstream body. The full error goes to the server log.
 */
export function publicErrorMessage(error: unknown): string {
  if (error instanceof AlloraHttpError) {
    const what = error.status !== null ? `HTTP ${error.status}` : error.reason === "timeout" ? "timed out" : error.reason === "aborted" ? "aborted" : "unreachable";
    return `${hostOf(error.url)}: ${what} after ${error.attempts} attempt(s)`;
  }
  if (error instanceof AlloraDecodeError) return `${hostOf(error.url)}: unexpected response shape`;
  return redactUrls(error instanceof Error ? error.message : String(error));
}
