// The Content-Security-Policy of every page: scripts only from our origin with this response's nonce (Next.js puts
// it on its own scripts; 'strict-dynamic' lets those load the code-split chunks), no third-party script, no framing.
/** The request header that carries the nonce from proxy.ts to the root layout. */
export const NONCE_HEADER = "x-nonce";

export type CspInput = {
  nonce: string;
  /** Origins the browser may fetch besides our own: the chain's LCD and RPC, which the wallet flows call. */
  connect: readonly string[];
  /** `next dev` needs eval for React's error overlay; production never does. */
  dev?: boolean;
};

/** Origins of the given URLs (a provider key in the path or query is not part of the policy). Bad URLs are skipped. */
export function originsOf(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(new URL(url).origin);
    } catch {
      // lib/env.ts already refused malformed endpoints at start-up; nothing to allow for one here.
    }
  }
  return [...origins];
}

export function contentSecurityPolicy({ nonce, connect, dev = false }: CspInput): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Style attributes (Recharts positions its tooltips with them) cannot carry a nonce; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...connect],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
