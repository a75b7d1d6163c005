// `npm start`: serve the production build, building it first when this checkout has none yet
// (so a fresh clone needs only `npm install && npm start`).
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { withYoungGeneration } from "./node-flags.mjs";

if (!existsSync(".next/BUILD_ID")) {
  console.log("start: no production build yet, running `next build` first (about a minute)…");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// NEXT_MANUAL_SIG_HANDLE: the app handles SIGINT/SIGTERM itself, stopping its collector before it exits.
const server = spawn("npx", ["--no-install", "next", "start", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: withYoungGeneration({ ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" }),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
