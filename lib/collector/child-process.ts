// The collector of `npm start` / `npm run demo` in a process of its own (`scripts/collect.ts`), so fetching and
// decoding blocks never competes with serving pages and ingestion on one JavaScript thread: the OS runs it on the
// other core. It posts to this server's /api/ingest like any collector. Stopping it (SIGTERM) lets it hand back its
// write lease through the still-open route; if this process dies without stopping it, the IPC channel closes and
// the child stops by itself. It gets this process's node flags (memory limits, --cpu-prof).
import { spawn } from "node:child_process";
import path from "node:path";

export function startCollectorProcess(): { stop(): Promise<void> } {
  const script = path.join(process.cwd(), "scripts", "collect.ts");
  // A larger young generation (64 MB semi-spaces; V8 sizes them at most 16 MB by default): the collector allocates
  // each batch's decoded events and rows as short-lived objects, and scavenging them took a quarter of its CPU.
  const child = spawn(process.execPath, [...process.execArgv, "--max-semi-space-size=64", "--import", "tsx", script], { stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, COLLECTOR_CHILD: "1" } });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("error", (error) => console.error(`collector: could not start its process: ${error.message}`));
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
