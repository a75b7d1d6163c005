// Bundles the test wallet (test-keplr.ts) into one browser script at test time and installs it on every page of a
// Playwright context, before the app's own scripts run.
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "@playwright/test";

let bundle: string | undefined;

function testKeplrBundle(): string {
  bundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL("./test-keplr.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
  }).outputFiles[0]!.text;
  return bundle;
}

export async function installTestKeplr(target: BrowserContext | Page, config: { mnemonics: string[]; active?: number; knownChains?: string[] }) {
  await target.addInitScript({ content: `${testKeplrBundle()};window.__installTestKeplr(${JSON.stringify(config)});` });
}
