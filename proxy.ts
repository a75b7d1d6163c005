// Every page gets a fresh nonce and its Content-Security-Policy here, before it renders (Next.js reads the nonce
// from the request's policy header and puts it on its scripts). API routes and static files are left alone: they
// serve no HTML, and the ingest route's large bodies should not pass through a proxy.
import { NextResponse, type NextRequest } from "next/server";
import { networkFromEnv } from "@/lib/allora/networks";
import { serverEnv } from "@/lib/env";
import { contentSecurityPolicy, NONCE_HEADER, originsOf } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const network = networkFromEnv();
  const policy = contentSecurityPolicy({
    nonce,
    connect: originsOf([network.lcdUrl, network.rpcUrl]),
    dev: serverEnv().NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
