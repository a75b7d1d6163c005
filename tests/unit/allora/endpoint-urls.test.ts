import { describe, expect, it } from "vitest";
import { AlloraDecodeError, AlloraHttpError, joinUrl, publicErrorMessage, redactUrls } from "@/lib/allora/http";

describe("endpoint URLs carrying a provider key", () => {
  it.each([
    ["https://rpc.example/?apikey=K", "/status", "https://rpc.example/status?apikey=K"],
    ["https://rpc.example?apikey=K", "/block?height=7", "https://rpc.example/block?height=7&apikey=K"],
    ["https://rpc.example/K/", "/block_results?height=7", "https://rpc.example/K/block_results?height=7"],
    ["https://lcd.example/K", "/emissions/v9/params", "https://lcd.example/K/emissions/v9/params"],
    ["https://lcd.example/K/?a=1&b=2#x", "/cosmos/staking/v1beta1/validators?pagination.limit=200", "https://lcd.example/K/cosmos/staking/v1beta1/validators?pagination.limit=200&a=1&b=2"],
    ["http://127.0.0.1:26657", "/status", "http://127.0.0.1:26657/status"],
  ])("%s + %s → %s", (base, path, joined) => {
    expect(joinUrl(base, path)).toBe(joined);
  });
});

describe("what a failure publishes", () => {
  const url = "https://user:pw@rpc.provider.io/KEY123/block?height=5&apikey=secret";

  it("an HTTP failure says host, status and attempts, not the path, the query or the upstream body", () => {
    const error = new AlloraHttpError({ status: 503, url, attempts: 4, reason: "status", detail: "upstream says apikey=secret is over quota" });
    expect(error.message).toContain("secret");
    expect(publicErrorMessage(error)).toBe("rpc.provider.io: HTTP 503 after 4 attempt(s)");
    expect(publicErrorMessage(new AlloraHttpError({ status: null, url, attempts: 2, reason: "timeout" }))).toBe("rpc.provider.io: timed out after 2 attempt(s)");
    expect(publicErrorMessage(new AlloraHttpError({ status: null, url, attempts: 2, reason: "network", detail: "ECONNREFUSED" }))).toBe("rpc.provider.io: unreachable after 2 attempt(s)");
    expect(publicErrorMessage(new AlloraDecodeError(url, [{ path: "result", message: "Required" }]))).toBe("rpc.provider.io: unexpected response shape");
  });

  it("any other message keeps its words but loses every URL's credentials, path and query", () => {
    expect(publicErrorMessage(new Error(`no supported emissions API at ${url} (tried v10, v9)`))).toBe("no supported emissions API at https://rpc.provider.io (tried v10, v9)");
    expect(redactUrls("a http://h:1/x?k=v b https://x.io c")).toBe("a http://h:1 b https://x.io c");
  });
});
