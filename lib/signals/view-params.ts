// The topic signal page's parameters, read from its URL (?strategy=&fee_bps=&slippage_bps=&threshold=&from=&to=).
// A bad value is named and replaced by its default, so a hand-edited link still opens and says what it ignored.
import { z } from "zod";
import { DEFAULT_FEE_BPS, DEFAULT_SLIPPAGE_BPS } from "./backtest";
import { DEFAULT_PARAMS, STRATEGIES } from "./strategies";
import type { ViewParams } from "./topic-view";

const DAY_MS = 86_400_000;
const bps = (max: number) => z.coerce.number().finite().min(0).max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "not a date");

const fields = {
  strategy: z.enum(STRATEGIES),
  fee_bps: bps(1000),
  slippage_bps: bps(1000),
  threshold: bps(10_000),
  from: date,
  to: date,
};

export type ParsedViewParams = { params: ViewParams; issues: { field: string; message: string }[]; raw: Record<keyof typeof fields, string> };

export function parseViewParams(query: Record<string, string | string[] | undefined>): ParsedViewParams {
  const issues: ParsedViewParams["issues"] = [];
  const raw = {} as Record<keyof typeof fields, string>;
  const read = <K extends keyof typeof fields>(name: K): z.infer<(typeof fields)[K]> | undefined => {
    const value = query[name];
    raw[name] = typeof value === "string" ? value : "";
    if (typeof value !== "string" || value === "") return undefined;
    const result = fields[name].safeParse(value);
    if (result.success) return result.data as z.infer<(typeof fields)[K]>;
    issues.push({ field: name, message: result.error.issues[0]?.message ?? "invalid" });
    return undefined;
  };
  const from = read("from");
  const to = read("to");
  const params: ViewParams = {
    strategy: read("strategy") ?? DEFAULT_PARAMS.strategy,
    feeBps: read("fee_bps") ?? DEFAULT_FEE_BPS,
    slippageBps: read("slippage_bps") ?? DEFAULT_SLIPPAGE_BPS,
    thresholdBps: read("threshold") ?? DEFAULT_PARAMS.thresholdBps,
    from: from ? Date.parse(`${from}T00:00:00Z`) : null,
    // "to" names a day: it includes that whole day.
    to: to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : null,
  };
  if (params.from !== null && params.to !== null && params.from > params.to) {
    issues.push({ field: "to", message: "must not be before from" });
    params.to = null;
  }
  return { params, issues, raw };
}
