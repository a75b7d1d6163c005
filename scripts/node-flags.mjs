// Node flags of the processes `npm start`, `npm run demo` and `npm run bench:backfill` start (the app's collector
// process adds the same one itself: lib/collector/child-process.ts).
// A backfill allocates many short-lived objects (RPC and ingest JSON bodies, decoded events, rows): V8's default
// young generation (16 MB semi-spaces) promotes them and collects them again in the old generation; 64 MB semi-spaces
// let them die young (the collector's CPU on a devnet week: 116–122 s without, 90–93 s with; README, backfill).
export const YOUNG_GENERATION = "--max-semi-space-size=64";

/** `env` with the flag added to NODE_OPTIONS (kept: what the user set there). */
export function withYoungGeneration(env) {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, YOUNG_GENERATION].filter(Boolean).join(" ") };
}
