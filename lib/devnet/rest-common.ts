// The LCD side: a tiny path router plus the gRPC-gateway conventions for errors and heights.
import type { Simulation } from "./simulation";

export interface RestReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  sim: Simulation;
  /** The height the query is answered at (x-cosmos-block-height or the tip). */
  h: number;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export type Handler = (ctx: RestContext) => RestReply;

export const ok = (body: unknown): RestReply => ({ status: 200, body });

export interface Route {
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export function route(path: string, handler: Handler): Route {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), names, handler };
}

export function matchRoute(routes: Route[], path: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { route: r, params };
  }
  return null;
}

export const grpcError = (status: number, code: number, message: string): RestReply => ({ status, body: { code, message, details: [] } });
export const notFound = (message: string) => grpcError(404, 5, message);
export const invalid = (message: string) => grpcError(400, 3, message);
export const notImplemented = (): RestReply => grpcError(404, 5, "Not Implemented");

/** Resolves x-cosmos-block-height like a node: absent or 0 → latest; future → 400. */
export function resolveHeight(sim: Simulation, header: string | string[] | undefined): number | RestReply {
  const raw = Array.isArray(header) ? header[0] : header;
  const tip = sim.height();
  if (raw === undefined || raw === "" || raw === "0") return tip;
  if (!/^\d+$/.test(raw)) return invalid(`invalid height header "${raw}": strconv.ParseInt: parsing "${raw}": invalid syntax`);
  const h = Number(raw);
  if (h > tip) return invalid(`cannot query with height in the future; please provide a valid height: invalid height`);
  return h;
}

export function intParam(ctx: RestContext, name: string): number | RestReply {
  const raw = ctx.params[name] ?? ctx.query.get(name) ?? "";
  if (!/^\d+$/.test(raw)) return invalid(`type mismatch, parameter: ${name}, error: strconv.ParseUint: parsing "${raw}": invalid syntax`);
  return Number(raw);
}
