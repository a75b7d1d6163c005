// Fault injection: error statuses, added latency and malformed bodies, drawn from a seeded stream
// so a run with the same seed and the same request order misbehaves identically.
import { hashSeed, Rng } from "./prng";

export interface FaultConfig {
  /** Share of requests answered 500 / 503 / 429. */
  errorRate: number;
  latencyMs: number;
  /** Share of successful responses whose body is truncated or has wrong JSON types. */
  malformedRate: number;
}

export interface FaultDecision {
  error: 500 | 503 | 429 | null;
  malformed: "truncate" | "types" | null;
  latencyMs: number;
}

export const NO_FAULTS: FaultConfig = { errorRate: 0, latencyMs: 0, malformedRate: 0 };

const clampRate = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Faults actually served since start, so a test can tell that its fault run really was one. */
export interface FaultCounts {
  errors: number;
  malformed: number;
  delayed: number;
}

export class FaultInjector {
  private rng: Rng;
  config: FaultConfig;
  readonly served: FaultCounts = { errors: 0, malformed: 0, delayed: 0 };

  constructor(seed: number, config: Partial<FaultConfig> = {}) {
    this.rng = new Rng(hashSeed(seed, "faults"));
    this.config = { ...NO_FAULTS };
    this.update(config);
  }

  update(partial: Partial<Record<keyof FaultConfig, unknown>>): FaultConfig {
    if ("errorRate" in partial) this.config.errorRate = clampRate(partial.errorRate);
    if ("malformedRate" in partial) this.config.malformedRate = clampRate(partial.malformedRate);
    if ("latencyMs" in partial) this.config.latencyMs = Math.max(0, Number(partial.latencyMs) || 0);
    return { ...this.config };
  }

  decide(): FaultDecision {
    const { errorRate, malformedRate, latencyMs } = this.config;
    if (errorRate === 0 && malformedRate === 0) return { error: null, malformed: null, latencyMs };
    const r = this.rng.next();
    const pick = this.rng.next();
    if (r < errorRate) return { error: pick < 0.4 ? 500 : pick < 0.7 ? 503 : 429, malformed: null, latencyMs };
    if (this.rng.next() < malformedRate) return { error: null, malformed: pick < 0.5 ? "truncate" : "types", latencyMs };
    return { error: null, malformed: null, latencyMs };
  }
}

export function errorBody(status: 500 | 503 | 429): { body: string; headers: Record<string, string> } {
  if (status === 503) return { body: "upstream connect error or disconnect/reset before headers. reset reason: overflow", headers: { "content-type": "text/plain" } };
  if (status === 429) return { body: JSON.stringify({ code: 8, message: "rate limit exceeded (injected fault)", details: [] }), headers: { "content-type": "application/json", "retry-after": "1" } };
  return { body: JSON.stringify({ code: 13, message: "internal error (injected fault)", details: [] }), headers: { "content-type": "application/json" } };
}

/** Wrong types: numeric strings become numbers, booleans become strings, arrays of strings become one string. */
function corrupt(value: unknown): unknown {
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === "string") ? value.join(",") : value.map(corrupt);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, corrupt(v)]));
  return value;
}

export function malform(body: string, kind: "truncate" | "types"): string {
  if (kind === "types") {
    try {
      const mutated = JSON.stringify(corrupt(JSON.parse(body)));
      if (mutated !== body) return mutated;
    } catch {
      // not JSON: fall through to truncation
    }
  }
  return body.slice(0, Math.max(1, Math.floor(body.length * 0.6)));
}
