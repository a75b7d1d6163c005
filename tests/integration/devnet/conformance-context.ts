// One devnet and the product's clients pointed at it, plus small assertion helpers shared by the
// conformance checks.
import { expect } from "vitest";
import { compareDec, type Dec } from "@/lib/allora/decimal";
import { AlloraHttpError } from "@/lib/allora/http";
import { createLcdClient, type EmissionsVersion, type LcdClient } from "@/lib/allora/lcd-client";
import { createRpcClient, type RpcClient } from "@/lib/allora/rpc-client";
import { startDevnet, type Devnet, type DevnetOptions } from "@/lib/devnet/server";
import { type EventIndex, range, scanBlocks } from "./conformance-scan";

export const API_KEY = "conformance-key";

export interface Conformance {
  version: EmissionsVersion;
  devnet: Devnet;
  lcd: LcdClient;
  rpc: RpcClient;
  /** Decoded events of every scanned block. */
  index: EventIndex;
  tip: number;
}

export async function openConformance(
  version: EmissionsVersion,
  options: DevnetOptions & { scan: "all" | ((devnet: Devnet) => readonly number[]) },
): Promise<Conformance> {
  const devnet = await startDevnet({ seed: 42, port: 0, blockTimeMs: 0, apiKey: API_KEY, ...options, emissionsVersion: version });
  // No retries: the devnet injects no faults here, so any failure is a real disagreement.
  const lcd = createLcdClient({ baseUrl: devnet.url, emissionsVersion: "auto", retries: 0 });
  const rpc = createRpcClient({ baseUrl: devnet.url, retries: 0 });
  const tip = devnet.sim.height();
  const heights = options.scan === "all" ? range(1, tip) : [...new Set(options.scan(devnet))].sort((a, b) => a - b);
  const index = await scanBlocks(rpc, heights);
  return { version, devnet, lcd, rpc, index, tip };
}

export async function expectNotFound(request: Promise<unknown>): Promise<void> {
  const error = await request.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the gateway to answer 404").toBeInstanceOf(AlloraHttpError);
  expect((error as AlloraHttpError).status).toBe(404);
}

export function expectSameDec(actual: Dec | null | undefined, expected: Dec | null | undefined, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(expected, what).not.toBeNull();
  expect(compareDec(actual ?? "0", expected ?? "0"), `${what}: ${actual} vs ${expected}`).toBe(0);
}

export const DEC_RE = /^-?\d+(\.\d+)?$/;

/** Labels a topic's values carry: its whitelist for multi-output topics, else the single "y". */
export function labelsOf(topic: { labelWhitelist: string[] }): string[] {
  return topic.labelWhitelist.length > 0 ? topic.labelWhitelist : ["y"];
}
