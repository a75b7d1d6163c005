// Over HTTP, the same seed serves byte-identical answers at every height; another seed does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";

let a: Devnet;
let b: Devnet;
let c: Devnet;

beforeAll(async () => {
  const common = { days: 1, blockTimeMs: 0, port: 0 } as const;
  [a, b, c] = await Promise.all([startDevnet({ ...common, seed: 42 }), startDevnet({ ...common, seed: 42 }), startDevnet({ ...common, seed: 7 })]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

const paths = [
  "/emissions/v10/topics/1",
  "/emissions/v10/latest_network_inferences/4",
  "/emissions/v10/latest_inferences/3",
  "/emissions/v10/reputer_stake/{reputer}/4",
  "/emissions/v10/stake/4",
  "/cosmos/staking/v1beta1/validators",
  "/mint/v5/emission_info",
  `/market/BTC/ohlc?from=${Date.parse("2026-11-01T02:00:00Z")}&to=${Date.parse("2026-11-01T05:00:00Z")}&interval=300`,
];
const heights = [400, 5000, 12345, 17280];

async function fetchAll(d: Devnet, reputer: string): Promise<string[]> {
  const out: string[] = [];
  for (const h of heights) {
    for (const p of paths) {
      const res = await fetch(d.url + p.replace("{reputer}", reputer), { headers: { "x-cosmos-block-height": String(h) } });
      out.push(`${res.status} ${await res.text()}`);
    }
    for (const p of ["/block_results", "/block"]) out.push(await (await fetch(`${d.url}${p}?height=${h}`)).text());
  }
  return out;
}

describe("devnet over HTTP is deterministic", () => {
  it("serves byte-identical responses for the same seed and different ones for another seed", async () => {
    const reputer = a.sim.engine(4)!.actors.reputers[0]!.address;
    const [ra, rb, rc] = await Promise.all([fetchAll(a, reputer), fetchAll(b, reputer), fetchAll(c, c.sim.engine(4)!.actors.reputers[0]!.address)]);
    expect(ra.length).toBe(heights.length * (paths.length + 2));
    expect(ra.every((x, i) => x === rb[i])).toBe(true);
    expect(ra.filter((x) => x.startsWith("200")).length).toBeGreaterThan(20);
    const differing = ra.filter((x, i) => x !== rc[i]).length;
    expect(differing).toBeGreaterThan(ra.length / 2);
  });
});
