// `node scripts/cpu-profile-top.mjs FILE.cpuprofile [N] [--total]`: the N (default 25) functions of a V8 CPU profile
// (node --cpu-prof, e.g. from BENCH_CPU_PROF) with the most self time, summed per function and file; with --total,
// by total time instead (a sample counts once for every distinct function on its stack), which shows what a
// function costs with everything it calls (zod's parsing under decodeEvent, say). Prints the busy time first.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const total = args.includes("--total");
const [file, n = "25"] = args.filter((a) => a !== "--total");
if (!file) throw new Error("usage: node scripts/cpu-profile-top.mjs FILE.cpuprofile [N] [--total]");
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nameOf = (id) => {
  const f = byId.get(id).callFrame;
  const url = f.url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "");
  return `${f.functionName || "(anonymous)"}  ${url}`;
};
// Each sample is one interval on the node it names; timeDeltas[i] is the interval before sample i.
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const sums = new Map();
let all = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  all += us;
  if (byId.get(id).callFrame.functionName === "(idle)") idle += us;
  const names = new Set();
  for (let x = id; x !== undefined; x = total ? parent.get(x) : undefined) names.add(nameOf(x));
  for (const name of names) sums.set(name, (sums.get(name) ?? 0) + us);
}
const busy = all - idle;
const s = (us) => (us / 1e6).toFixed(2).padStart(8);
console.log(`${file}: ${s(all)} s sampled, ${s(busy)} s busy`);
const skip = new Set(["(idle)", "(root)", "(program)"]);
for (const [name, us] of [...sums].filter(([k]) => !skip.has(k.split("  ")[0])).sort((a, b) => b[1] - a[1]).slice(0, Number(n)))
  console.log(`${s(us)} s  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`);
