import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, originsOf } from "@/lib/security/csp";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("content security policy", () => {
  it("allows scripts only from our origin with this response's nonce, never inline or eval in production", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", connect: [] });
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
  });

  it("adds eval only for next dev", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", connect: [], dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("lets the page reach the chain's endpoints by origin, so a provider key in a path or query never appears", () => {
    const connect = originsOf(["https://lcd.example.com/SECRETKEY/", "https://rpc.example.com/?apikey=SECRET", "http://127.0.0.1:26657"]);
    expect(connect).toEqual(["https://lcd.example.com", "https://rpc.example.com", "http://127.0.0.1:26657"]);
    const policy = contentSecurityPolicy({ nonce: "n", connect });
    expect(directive(policy, "connect-src")).toEqual(["'self'", ...connect]);
    expect(policy).not.toContain("SECRET");
  });

  it("lists an endpoint shared by LCD and RPC once and skips what is not a URL", () => {
    expect(originsOf(["http://127.0.0.1:26657", "http://127.0.0.1:26657/", "not a url"])).toEqual(["http://127.0.0.1:26657"]);
  });
});
