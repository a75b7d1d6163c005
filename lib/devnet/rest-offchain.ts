// Off-chain endpoints: the market ground truth (OHLC) and the consumer API's signed-inference shape.
import { CHAIN_ID, type Asset } from "./config";
import { Dec, fmtComputed } from "./dec";
import { epochView } from "./epoch-view";
import { sha256Hex } from "./ids";
import { ASSETS } from "./market";
import { invalid, ok, route, type RestContext, type RestReply, type Route } from "./rest-common";

const PERCENTILES = ["2.28", "15.87", "50", "84.13", "97.72"];
const Z = [-2, -1, 0, 1, 2];
const E18 = new Dec("1e18");

function heightAtMs(ctx: RestContext, ms: number): number {
  return Math.floor((ms - ctx.sim.options.genesisMs) / 5000) + 1;
}

function ohlc(ctx: RestContext): RestReply {
  const asset = (ctx.params.asset ?? "").toUpperCase() as Asset;
  if (!ASSETS.includes(asset)) return invalid(`unknown asset ${ctx.params.asset}`);
  const interval = Number(ctx.query.get("interval") ?? 300);
  if (!Number.isInteger(interval) || interval < 5 || interval % 5 !== 0) return invalid("interval must be a positive multiple of 5 seconds");
  const tipMs = ctx.sim.blockTimeMs(ctx.h);
  const to = Number(ctx.query.get("to") ?? tipMs);
  const from = Number(ctx.query.get("from") ?? to - 86_400_000);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) return invalid("from and to must be milliseconds with from <= to");
  const fromH = Math.max(1, heightAtMs(ctx, from));
  const toH = Math.min(ctx.h, heightAtMs(ctx, to));
  const bucket = interval / 5;
  if ((toH - fromH) / bucket > 20000) return invalid("too many candles requested (max 20000)");
  const candles = ctx.sim.market.candles(asset, fromH, toH, bucket, (h) => ctx.sim.blockTimeMs(h));
  const px = (x: number) => x.toFixed(2);
  return ok({ asset, interval_seconds: interval, candles: candles.map((c) => ({ t: c.t, open: px(c.open), high: px(c.high), low: px(c.low), close: px(c.close) })) });
}

function consumerInference(ctx: RestContext, apiKey: string | undefined): RestReply {
  const key = ctx.headers["x-api-key"];
  const requestId = sha256Hex(`${ctx.sim.options.seed}/${ctx.h}/${ctx.query.toString()}`).slice(0, 32).toLowerCase();
  if (!key || (apiKey !== undefined && key !== apiKey)) return { status: 401, body: { request_id: requestId, status: false, apiResponseMessage: "invalid or missing x-api-key", data: null } };
  const topicId = Number(ctx.query.get("allora_topic_id"));
  const e = ctx.sim.engine(topicId);
  const rec = e && ctx.sim.latestClosed(topicId, ctx.h);
  if (!e || !rec) return { status: 404, body: { request_id: requestId, status: false, apiResponseMessage: `no inference for topic ${ctx.query.get("allora_topic_id")}`, data: null } };
  const view = epochView(ctx.sim, topicId, rec);
  const combined = new Dec(view.combined[0]!);
  // The on-chain bundle has no intervals any more; the API derives them from the spread of the
  // inferers around the combined value (weighted standard deviation).
  let spread = new Dec(0);
  let wsum = new Dec(0);
  view.inferers.forEach((_, i) => {
    const w = new Dec(view.infWeights[i]!);
    const d = new Dec(view.infValues[i]![0]!).minus(combined);
    spread = spread.plus(w.times(d).times(d));
    wsum = wsum.plus(w);
  });
  const sigma = wsum.isZero() ? new Dec(0) : spread.div(wsum).sqrt();
  const values = Z.map((z) => combined.plus(sigma.times(z)));
  const scaled = (d: InstanceType<typeof Dec>) => d.times(E18).toDecimalPlaces(0, Dec.ROUND_DOWN).toFixed();
  const timestamp = Math.floor(ctx.sim.blockTimeMs(rec.nonce + e.spec.workerSubmissionWindow) / 1000);
  return ok({
    request_id: requestId,
    status: true,
    apiResponseMessage: `simulated: ${CHAIN_ID} devnet data, not a real Allora inference`,
    data: {
      signature: `0x${sha256Hex(`${ctx.sim.options.seed}/sig/${topicId}/${rec.nonce}`)}${sha256Hex(`${topicId}/${rec.nonce}`)}1b`.toLowerCase(),
      token_decimals: 18,
      inference_data: {
        network_inference: scaled(combined),
        network_inference_normalized: fmtComputed(combined),
        confidence_interval_percentiles: PERCENTILES.map((p) => scaled(new Dec(p))),
        confidence_interval_percentiles_normalized: PERCENTILES,
        confidence_interval_values: values.map(scaled),
        confidence_interval_values_normalized: values.map(fmtComputed),
        topic_id: String(topicId),
        timestamp,
        extra_data: `0x${Buffer.from("simulated").toString("hex")}`,
      },
    },
  });
}

function consumerTopics(ctx: RestContext): RestReply {
  const topics = ctx.sim.engines.filter((e) => ctx.sim.topicCreated(e.spec.id, ctx.h)).map((e) => ({
    topic_id: e.spec.id,
    topic_name: e.spec.metadata,
    description: `${e.spec.metadata} (simulated)`,
    epoch_length: e.spec.epochLength,
    ground_truth_lag: e.spec.groundTruthLag,
    loss_method: e.spec.lossMethod,
    worker_submission_window: e.spec.workerSubmissionWindow,
    worker_count: e.actors.inferers.length + e.actors.forecasters.length,
    reputer_count: e.actors.reputers.length,
    total_staked_allo: Number(ctx.sim.ledger.topicStake.get(String(e.spec.id)).at(ctx.h) / 10n ** 18n),
    total_emissions_allo: 0,
    is_active: ctx.sim.topicActive(e.spec.id, ctx.h),
    updated_at: new Date(ctx.sim.blockTimeMs(ctx.h)).toISOString(),
  }));
  return ok({ request_id: "devnet-topics", status: true, apiResponseMessage: "simulated", data: { topics, continuation_token: null } });
}

export function offchainRoutes(apiKey: string | undefined): Route[] {
  return [
    route("/market/{asset}/ohlc", ohlc),
    route("/v2/allora/consumer/{signature_format}", (ctx) => consumerInference(ctx, apiKey)),
    route("/v2/allora/{chain_id}/topics", consumerTopics),
  ];
}
