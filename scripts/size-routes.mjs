// `npm run size:routes [route…]`: first-load JavaScript per route of the last `next build`, gzipped, read from
// .next/diagnostics/route-bundle-stats.json (the chunks a first visit downloads). Also says whether any of those
// chunks carries wallet code (wagmi, viem, cosmjs, Keplr), which forecast routes must not load.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { WALLET_MARKERS as WALLET } from "./wallet-markers.mjs";

const stats = ".next/diagnostics/route-bundle-stats.json";
if (!existsSync(stats)) {
  console.error(`size:routes: ${stats} not found; run \`next build\` first`);
  process.exit(1);
}
const routes = JSON.parse(readFileSync(stats, "utf8"));
const wanted = process.argv.slice(2);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const r of routes) {
  if (wanted.length && !wanted.includes(r.route)) continue;
  let gz = 0;
  let raw = 0;
  let wallet = false;
  for (const chunk of r.firstLoadChunkPaths) {
    const body = readFileSync(chunk);
    raw += body.length;
    gz += gzipSync(body).length;
    if (WALLET.test(body.toString("utf8"))) wallet = true;
  }
  console.log(`${r.route.padEnd(28)} first-load JS ${kB(gz).padStart(10)} gzip (${kB(raw)} raw, ${r.firstLoadChunkPaths.length} chunks)${wallet ? "  WALLET CODE" : "  no wallet code"}`);
}
