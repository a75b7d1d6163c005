// Generated bad ingest requests for the property test: a rich valid batch, then exactly one thing broken in it
// (a NUL or a lone surrogate in any string, a bad timestamp, decimal, amount, height or integer, a wrong type, deep
// nesting, an unknown field, a repeated natural key or JSON member, a broken body or header), each with the status
// and the field a correct route must answer with.
import fc from "fast-check";
import { tableSpecs, type ColumnType, type TableName } from "@/lib/ingest/tables";
import { D1, R1, sampleBatch, V1, W1 } from "./sample-batch";

type Path = (string | number)[];
type Kind = ColumnType | "decNaN" | "string" | "jsonString" | "textsItem" | "decsItem";
type Leaf = { path: Path; kind: Kind };
export type BadRequest = { what: string; text: string; headers?: Record<string, string>; status: number; field: string };

export function richBatch(): Record<string, unknown> {
  const base = sampleBatch({ batch_id: "property:base" }) as unknown as Record<string, unknown> & { rows: Record<string, unknown[]> };
  return {
    ...base,
    network: { ...(base.network as object), lcd_url: "https://lcd.example", rpc_url: "https://rpc.example" },
    collector: { id: "property-collector", state: "catching_up", last_error: "earlier: timeout", chain_height: "500", chain_time: "2026-11-24T12:40:00Z" },
    rows: {
      ...base.rows,
      topic_changes: [{ topic_id: "69", height: "101", kind: "updated", is_active: true, weight: "0.5", topic_stake: "10", snapshot: { metadata: "ETH", labels: ["y", "z"], nested: { a: [1, "b"] } } }],
      loss_bundles: [{
        topic_id: "69", nonce: "90", reputer: R1, combined_value: "NaN", naive_value: "0.25", block_height: "102", signature: "sig", pubkey: null,
        loss_inferers: [W1], loss_forecasters: [R1], losses: ["0.5", null, null, null, null, "-1.25"],
      }],
      stake_events: [{ block_height: "101", event_index: 3, kind: "add_stake", topic_id: "69", reputer: R1, delegator: D1, amount: "1000" }],
      delegator_placements: [{ topic_id: "69", reputer: R1, delegator: D1, block_height: "102", amount: "1000", reward_debt: "0.5", ended_at_height: null, end_reason: null }],
      validator_unbondings: [{ delegator: D1, operator_address: V1, creation_height: "90", completion_time: "2026-12-15T00:00:00Z", initial_balance: "7", balance: "7", status: "pending", updated_height: "102" }],
      emission_snapshots: [{ block_height: "102", inflation: "0.1", block_emission: "5", emission_per_month: null, network_staked_tokens: null, circulating_supply: null, validators_percent: null, reputers_percent: null, ecosystem_mint: null, raw: { k: "v", list: ["a"] } }],
      topics: [{
        topic_id: "69", creator: W1, metadata: "ETH 10min", loss_method: "mse", epoch_last_ended: "90", epoch_length: "12", ground_truth_lag: "12", p_norm: "3",
        alpha_regret: "0.1", allow_negative: true, epsilon: "0.0001", initial_regret: null, worker_submission_window: "10", merit_sortition_alpha: null,
        active_inferer_quantile: null, active_forecaster_quantile: null, active_reputer_quantile: null, c_norm: null, topic_type: null, output_arity: null,
        require_unity: null, unity_tolerance: null, max_labels_per_submission: null, label_whitelist: ["y", "z"], label_default_value: null,
        label_case_sensitive: null, is_active: true, weight: null, effective_revenue: null, topic_stake: null, created_height: null, updated_height: "102",
      }],
    },
    updates: {
      stake_removals: [{ topic_id: "69", reputer: R1, delegator: D1, height: "101", status: "cancelled" }],
      registrations: [{ topic_id: "69", address: W1, role: "worker", height: "101" }],
      full_state: { height: "102", time: "2026-11-24T12:00:10Z" },
      placement_ends: [{ topic_id: "69", reputer: R1, delegator: D1, height: "102" }],
    },
  };
}

const name = (path: Path) => path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");

function kindOutsideRows(key: string | number, value: unknown): Kind {
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  if (typeof key === "string" && /time$/.test(key)) return "time";
  if (typeof key === "string" && /(^|_)height$|^topic_id$/.test(key)) return "height";
  return "string";
}

/** Every value of the batch with the kind of data it holds; json and texts columns also list their strings. */
export function leavesOf(batch: Record<string, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const inner = (value: unknown, path: Path, kind: Kind) => {
    if (typeof value === "string") leaves.push({ path, kind });
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) inner(v, [...path, Array.isArray(value) ? Number(k) : k], kind);
  };
  const walk = (value: unknown, path: Path) => {
    if (value === null) return;
    if (path[0] === "rows" && path.length === 4) {
      const column = tableSpecs[path[1] as TableName].columns.find((c) => c.name === path[3])!;
      const kind: Kind = column.type === "dec" && column.nan ? "decNaN" : column.type === "text" ? "string" : column.type;
      leaves.push({ path, kind });
      if (kind === "json") inner(value, path, "jsonString");
      if (kind === "texts") inner(value, path, "textsItem");
      if (kind === "decs") inner(value, path, "decsItem");
      return;
    }
    if (typeof value === "object") {
      for (const [k, v] of Object.entries(value as object)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
      return;
    }
    leaves.push({ path, kind: kindOutsideRows(path.at(-1)!, value) });
  };
  walk(batch, []);
  return leaves;
}

/** Object paths a stray field can be added to (not inside json values, which may hold anything). */
function objectsOf(batch: Record<string, unknown>): Path[] {
  const out: Path[] = [[]];
  const walk = (value: unknown, path: Path) => {
    if (!value || typeof value !== "object") return;
    if (!Array.isArray(value) && path.length) out.push(path);
    if (path[0] === "rows" && path.length === 3) return;
    for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
  };
  walk(batch, []);
  return out;
}

function setAt(batch: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(batch);
  let node = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function getAt(batch: Record<string, unknown>, path: Path): unknown {
  return path.reduce<unknown>((node, p) => (node as Record<string | number, unknown>)[p], batch);
}

// Built as text: JSON.stringify itself recurses and would overflow on the depths tried here.
const DEEP = "\u0001deep\u0001";
const withDeep = (text: string, depth: number) => text.replace(JSON.stringify(DEEP), `${"[".repeat(depth)}"deep"${"]".repeat(depth)}`);

const STRINGY: Kind[] = ["string", "jsonString", "textsItem", "decsItem", "time", "dec", "decNaN", "amount", "height"];
const BAD: Partial<Record<Kind, unknown[]>> = {
  time: ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24 12:00:00Z", "2026-11-24T12:00:00", ""],
  dec: ["NaN", "Infinity", "-Infinity", "1e5", "1E-3", "0x1f", ".5", "1.", "+1", " 1", "1,5", "", "1".repeat(201)],
  decsItem: ["NaN", "Infinity", "1e5", ".5", "+1", ""],
  decNaN: ["Infinity", "nan", "-NaN", "1e5", "2.5e-3", ".5", ""],
  amount: ["-1", "1.5", "1e3", "1".repeat(79), "", " 1", "NaN"],
  height: ["-1", "9223372036854775808", "99999999999999999999", "1e3", "1.0", "", "NaN"],
  int: [-2147483649, 2147483648, 1.5, 1e300, Number.MAX_SAFE_INTEGER + 2, "5"],
};
const WRONG: Record<string, unknown[]> = { stringy: [12345, true, { a: 1 }, ["x"]], bool: ["true", 1, {}, []], int: ["1", true, [1]], texts: ["y", { 0: "y" }, [1, 2]] };

/** One bad request for `base` (already applied by the caller, so a changed body under its id is a conflict). */
export function badRequestArb(base: Record<string, unknown>, maxBytes: number): fc.Arbitrary<BadRequest> {
  const leaves = leavesOf(base);
  const text = (b: unknown) => JSON.stringify(b);
  const at = (leaf: Leaf) => name(leaf.path);
  const strings = leaves.filter((l) => STRINGY.includes(l.kind));
  const withBad = leaves.filter((l) => BAD[l.kind]);
  const typed = leaves.filter((l) => l.kind !== "json" && l.kind !== "jsonString");
  const rowTables = Object.entries(base.rows as Record<string, unknown[]>).filter(([, r]) => r.length > 0).map(([t]) => t);
  const insertAt = (s: string, i: number, c: string) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1));

  const unstorable = fc.record({ leaf: fc.constantFrom(...strings), i: fc.nat(), c: fc.constantFrom("\u0000", "\ud800", "\udfff") }).map(({ leaf, i, c }) => ({
    what: `${JSON.stringify(c)} in ${at(leaf)}`, text: text(setAt(base, leaf.path, insertAt(String(getAt(base, leaf.path)), i, c))), status: 422, field: at(leaf),
  }));
  const unstorableKey = fc.record({ path: fc.constantFrom(...objectsOf(base)), c: fc.constantFrom("\u0000", "\ud800") }).map(({ path, c }) => ({
    what: `a key with ${JSON.stringify(c)} in ${name(path) || "(body)"}`, text: text(setAt(base, [...path, `k${c}`], "v")), status: 422, field: name(path),
  }));
  const badValue = fc.constantFrom(...withBad).chain((leaf) => fc.constantFrom(...BAD[leaf.kind]!).map((v) => ({
    what: `${JSON.stringify(v)} in ${at(leaf)} (${leaf.kind})`, text: text(setAt(base, leaf.path, v)), status: 422, field: at(leaf),
  })));
  const wrongType = fc.constantFrom(...typed).chain((leaf) => {
    const options = leaf.kind === "bool" ? WRONG.bool! : leaf.kind === "int" ? WRONG.int! : leaf.kind === "texts" || leaf.kind === "decs" ? WRONG.texts! : WRONG.stringy!;
    return fc.constantFrom(...options).map((v) => ({ what: `${JSON.stringify(v)} as ${at(leaf)}`, text: text(setAt(base, leaf.path, v)), status: 422, field: at(leaf) }));
  });
  const deep = fc.record({ leaf: fc.constantFrom(...leaves.filter((l) => l.kind === "json" || l.kind === "string")), depth: fc.integer({ min: 33, max: 5_000 }) }).map(({ leaf, depth }) => ({
    what: `${depth} levels deep in ${at(leaf)}`, text: withDeep(text(setAt(base, leaf.path, DEEP)), depth), status: 422, field: at(leaf),
  }));
  const unknownField = fc.constantFrom(...objectsOf(base)).map((path) => ({ what: `a stray field in ${name(path) || "(body)"}`, text: text(setAt(base, [...path, "stray_field"], 1)), status: 422, field: name(path) || "(body)" }));
  const repeatedKey = fc.constantFrom(...rowTables).map((table) => {
    const rows = (base.rows as Record<string, unknown[]>)[table]!;
    return { what: `a repeated row key in ${table}`, text: text(setAt(base, ["rows", table], [...rows, rows[0]])), status: 422, field: `rows.${table}[${rows.length}]` };
  });
  const repeatedMember = fc.constantFrom(["version", 2], ["batch_id", "not a valid id"], ["network", "mainnet"], ["rows", []]).map(([key, v]) => ({
    what: `"${key}" repeated, the last one bad`, text: text(base).replace(/}$/, `,${JSON.stringify(key)}:${JSON.stringify(v)}}`), status: 422, field: String(key),
  }));
  const brokenBody = fc.oneof(
    fc.nat().map((n) => { const t = text(base); return { what: "a truncated body", text: t.slice(0, n % t.length), status: 400, field: "(body)" }; }),
    fc.constantFrom("42", '"batch"', "null", "[]", "true").map((t) => ({ what: `the body ${t}`, text: t, status: 422, field: "(body)" })),
    fc.constant({ what: "an oversized body", text: text(setAt(base, ["collector", "last_error"], "x".repeat(maxBytes))), status: 413, field: "(body)" }),
  );
  const badHeaders = fc.oneof(
    fc.constantFrom("", "Bearer wrong-token-0123456789", "Basic abc", "bearer").map((auth) => ({ what: `authorization "${auth}"`, text: text(base), headers: { authorization: auth }, status: 401, field: "authorization" })),
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "").map((type) => ({ what: `content-type "${type}"`, text: text(base), headers: { "content-type": type }, status: 415, field: "content-type" })),
  );
  const conflict = fc.integer({ min: 1, max: 1000 }).map((n) => ({ what: "the base batch id with other contents", text: text(setAt(base, ["rows", "blocks", 0, "tx_count"], 1 + n)), status: 409, field: "batch_id" }));
  return fc
    .oneof(unstorable, unstorableKey, badValue, badValue, wrongType, deep, unknownField, repeatedKey, repeatedMember, brokenBody, badHeaders, conflict)
    // A counterexample prints as what was broken and where, not as the whole body.
    .map((bad) => Object.assign(bad, { [fc.toStringMethod]: () => `${bad.what} → expected ${bad.status} naming ${bad.field || "(body)"}` }));
}
