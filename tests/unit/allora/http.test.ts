import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AlloraDecodeError, AlloraHttpError, getDecoded, requestJson } from "@/lib/allora/http";

import { jsonResponse, recordingSleep } from "./helpers";

const URL_ = "https://lcd.example/emissions/v10/params";

/** Answers with the given statuses in order; the last one repeats. */
function sequence(...steps: Array<number | "network" | "hang">) {
  let calls = 0;
  const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
    const step = steps[Math.min(calls, steps.length - 1)];
    calls += 1;
    if (step === "network") throw new TypeError("fetch failed");
    if (step === "hang") {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    return step === 200 ? jsonResponse({ ok: true }) : jsonResponse({ code: 13, message: `status ${step}` }, step);
  };
  return { fetch, calls: () => calls };
}

describe("requestJson retries", () => {
  it("retries 429 and 5xx with growing backoff, then succeeds", async () => {
    const server = sequence(503, 429, 502, 200);
    const { sleep, delays } = recordingSleep();
    const body = await requestJson(
      URL_,
      {},
      { fetch: server.fetch, sleep, random: () => 1, retries: 3, baseDelayMs: 100 },
    );
    expect(body).toEqual({ ok: true });
    expect(server.calls()).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it("uses full jitter: the delay is random() × the exponential cap", async () => {
    const server = sequence(500, 500, 200);
    const { sleep, delays } = recordingSleep();
    await requestJson(URL_, {}, { fetch: server.fetch, sleep, random: () => 0.5, baseDelayMs: 100, maxDelayMs: 150 });
    expect(delays).toEqual([50, 75]);
  });

  it("gives up after the retry budget with a typed error carrying status, url and attempts", async () => {
    const server = sequence(500);
    const { sleep } = recordingSleep();
    const error = await requestJson(URL_, {}, { fetch: server.fetch, sleep, retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraHttpError);
    expect(error).toMatchObject({ status: 500, url: URL_, attempts: 3, reason: "status", detail: "status 500" });
    expect(server.calls()).toBe(3);
  });

  it.each([400, 401, 403, 404, 501])("does not retry HTTP %i", async (status) => {
    const server = sequence(status, 200);
    const { sleep, delays } = recordingSleep();
    const error = await requestJson(URL_, {}, { fetch: server.fetch, sleep }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status, attempts: 1 });
    expect(server.calls()).toBe(1);
    expect(delays).toEqual([]);
  });

  it("retries network errors", async () => {
    const server = sequence("network", "network", 200);
    const { sleep } = recordingSleep();
    await expect(requestJson(URL_, {}, { fetch: server.fetch, sleep })).resolves.toEqual({ ok: true });
    expect(server.calls()).toBe(3);
  });

  it("aborts a hung request at the timeout and retries it", async () => {
    const server = sequence("hang", "hang", 200);
    const { sleep, delays } = recordingSleep();
    const body = await requestJson(URL_, {}, { fetch: server.fetch, sleep, timeoutMs: 5, random: () => 1 });
    expect(body).toEqual({ ok: true });
    expect(server.calls()).toBe(3);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
  });

  it("reports a timeout as such when retries run out", async () => {
    const server = sequence("hang");
    const { sleep } = recordingSleep();
    const error = await requestJson(URL_, {}, { fetch: server.fetch, sleep, timeoutMs: 5, retries: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ reason: "timeout", status: null, attempts: 2 });
  });

  it("honours Retry-After on 429, capped", async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      if (calls === 1) return jsonResponse({}, 429, { "retry-after": "2" });
      if (calls === 2) return jsonResponse({}, 429, { "retry-after": "3600" });
      return jsonResponse({ ok: true });
    };
    const { sleep, delays } = recordingSleep();
    await requestJson(URL_, {}, { fetch, sleep, maxRetryAfterMs: 10_000 });
    expect(delays).toEqual([2000, 10_000]);
  });

  it("does not retry when the caller aborts", async () => {
    const server = sequence("hang");
    const controller = new AbortController();
    const { sleep } = recordingSleep();
    const pending = requestJson(URL_, { signal: controller.signal }, { fetch: server.fetch, sleep });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ reason: "aborted", attempts: 1 });
    expect(server.calls()).toBe(1);
  });
});

describe("decoding", () => {
  it("names the request and the failing field paths", async () => {
    const fetch = async () => jsonResponse({ params: { version: 17, required_minimum_stake: "1" } });
    const schema = z.object({ params: z.object({ version: z.string(), required_minimum_stake: z.string() }) });
    const error = await getDecoded(URL_, schema, {}, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraDecodeError);
    expect((error as AlloraDecodeError).url).toBe(URL_);
    expect((error as AlloraDecodeError).issues.map((i) => i.path)).toEqual(["params.version"]);
    expect((error as Error).message).toContain("params.version");
    expect((error as Error).message).toContain(URL_);
  });

  it("treats a non-JSON 200 (e.g. a proxy error page) as a decode error, not a retry", async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return new Response("<html>bad gateway</html>", { status: 200 });
    };
    await expect(requestJson(URL_, {}, { fetch })).rejects.toBeInstanceOf(AlloraDecodeError);
    expect(calls).toBe(1);
  });
});
