import { readFileSync } from "node:fs";

/** Fixtures are read as text and parsed like a wire response, so nothing is pre-converted. */
export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/allora/${name}`, import.meta.url), "utf8"));
}

export function loadFixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/allora/${name}`, import.meta.url), "utf8");
}

export interface RecordedCall {
  url: string;
  headers: Record<string, string>;
}

type Route = (url: URL) => Response | Promise<Response> | undefined;

/** A fetch double that answers from routes and records every call (URL and headers). */
export function fakeFetch(route: Route) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    const response = await route(new URL(input));
    return response ?? jsonResponse({ code: 5, message: "route not found" }, 404);
  };
  return { fetch, calls };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Records requested delays without waiting. */
export function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}
