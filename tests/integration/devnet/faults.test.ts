// Fault injection: configured error rates show up, malformed bodies fail to parse or to validate,
// and the switch works at runtime.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { getJson, obj } from "./helpers";

let d: Devnet;

beforeAll(async () => {
  d = await startDevnet({ days: 1, blockTimeMs: 0, port: 0, faults: { errorRate: 0.3 } });
});

afterAll(async () => {
  await d?.close();
});

/** A shape check the dashboard's client would do on /emissions/v10/topics/{id}. */
function looksLikeTopic(body: unknown): boolean {
  const t = obj(obj(body)?.topic ?? null);
  return !!t && typeof t.id === "string" && typeof t.epoch_length === "string" && typeof t.allow_negative === "boolean";
}

describe("devnet fault injection", () => {
  it("answers roughly the configured share of requests with 500/503/429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await fetch(`${d.url}/emissions/v10/topics/1`)).status);
    const errors = statuses.filter((s) => s !== 200);
    expect(errors.every((s) => [500, 503, 429].includes(s))).toBe(true);
    expect(errors.length / statuses.length).toBeGreaterThan(0.2);
    expect(errors.length / statuses.length).toBeLessThan(0.4);
    expect(new Set(errors).size).toBe(3);
  });

  it("serves malformed bodies when asked, and stops when switched off at runtime", async () => {
    const set = await fetch(`${d.url}/__devnet/faults`, { method: "POST", body: JSON.stringify({ errorRate: 0, malformedRate: 1, latencyMs: 0 }) });
    expect(obj(await set.json()).malformedRate).toBe(1);
    for (let i = 0; i < 20; i++) {
      const { status, body } = await getJson(`${d.url}/emissions/v10/topics/1`);
      expect(status).toBe(200);
      expect(looksLikeTopic(body)).toBe(false);
    }
    await fetch(`${d.url}/__devnet/faults`, { method: "POST", body: JSON.stringify({ malformedRate: 0, latencyMs: 30 }) });
    const delayed = obj(obj(await (await fetch(`${d.url}/__devnet/faults`)).json()).served).delayed as number;
    const { status, body } = await getJson(`${d.url}/emissions/v10/topics/1`);
    expect(status).toBe(200);
    expect(looksLikeTopic(body)).toBe(true);
    // The delay was served (counted by the devnet), not measured: timings belong in benchmarks.
    expect(obj(obj(await (await fetch(`${d.url}/__devnet/faults`)).json()).served).delayed).toBe(delayed + 1);
  });

  it("never faults the control endpoints", async () => {
    d.setFaults({ errorRate: 1 });
    const info = await getJson(`${d.url}/__devnet/info`);
    expect(info.status).toBe(200);
    expect(obj(info.body).simulated).toBe(true);
    expect((await fetch(`${d.url}/status`)).status).not.toBe(200);
    d.setFaults({ errorRate: 0, latencyMs: 0 });
  });
});
