// JSON shapes shared by REST responses and event payloads (proto field order, defaults emitted).
import type { EpochView, LossStrings, SubmissionView } from "./epoch-view";
import { ZERO_ADDRESS } from "./ids";

type Pair = { worker: string; value: string };
const pairs = (addrs: string[], values: string[]): Pair[] => addrs.map((worker, i) => ({ worker, value: values[i]! }));

/** emissions.v3.ValueBundle: v9 network inferences, and losses in both versions. */
export function valueBundleV3(topicId: number, nonce: number, reputer: string, v: LossStrings, inferers: string[], forecasters: string[]) {
  return {
    topic_id: String(topicId),
    reputer_request_nonce: { reputer_nonce: { block_height: String(nonce) } },
    reputer,
    extra_data: null,
    combined_value: v.combined,
    inferer_values: pairs(inferers, v.inf),
    forecaster_values: pairs(forecasters, v.fc),
    naive_value: v.naive,
    one_out_inferer_values: pairs(inferers, v.oneOutInf),
    one_out_forecaster_values: pairs(forecasters, v.oneOutFc),
    one_in_forecaster_values: pairs(forecasters, v.oneInFc),
    one_out_inferer_forecaster_values: forecasters.map((forecaster, k) => ({ forecaster, one_out_inferer_values: pairs(inferers, v.oneOutInfFc[k] ?? []) })),
  };
}

/** The synthesized values of an epoch in LossStrings form (first label), for v9 bundles. */
export function firstLabelValues(view: EpochView): LossStrings {
  const first = (rows: string[][]) => rows.map((r) => r[0]!);
  return {
    combined: view.combined[0]!,
    naive: view.naive[0]!,
    inf: first(view.infValues),
    fc: first(view.forecastImplied),
    oneOutInf: first(view.oneOutInf),
    oneOutFc: first(view.oneOutFc),
    oneInFc: first(view.oneInFc),
    oneOutInfFc: view.oneOutInfFc.map(first),
  };
}

export function networkInferencesV9(view: EpochView) {
  return valueBundleV3(view.topicId, view.nonce, ZERO_ADDRESS, firstLabelValues(view), view.inferers, view.forecasters);
}

export function labeled(labels: string[], values: string[]) {
  return labels.map((label_name, i) => ({ label_id: i + 1, label_name, value: values[i]! }));
}

/** emissions.v10.NetworkInferenceBundle. */
export function networkInferencesV10(view: EpochView) {
  const L = (v: string[]) => labeled(view.labels, v);
  return {
    topic_id: String(view.topicId),
    nonce: String(view.nonce),
    combined_value: L(view.combined),
    inferer_values: view.inferers.map((worker, i) => ({ worker, values: L(view.infValues[i]!) })),
    forecaster_values: view.forecasters.map((worker, k) => ({ worker, values: L(view.forecastImplied[k]!) })),
    naive_value: L(view.naive),
    one_out_inferer_values: view.inferers.map((withheld_inferer, i) => ({ withheld_inferer, combined_inference: L(view.oneOutInf[i]!) })),
    one_out_forecaster_values: view.forecasters.map((withheld_forecaster, k) => ({ withheld_forecaster, combined_inference: L(view.oneOutFc[k]!) })),
    one_in_forecaster_values: view.forecasters.map((forecaster, k) => ({ forecaster, combined_inference: L(view.oneInFc[k]!) })),
    one_out_inferer_forecaster_values: view.forecasters.flatMap((forecaster, k) =>
      view.inferers.map((withheld_inferer, i) => ({ forecaster, withheld_inferer, combined_inference: L(view.oneOutInfFc[k]![i]!) })),
    ),
  };
}

/** EventValueBundle: the column-oriented bundle embedded in loss and payload events. */
export function eventValueBundle(v: LossStrings, inferers: string[], forecasters: string[]) {
  return {
    extra_data: null,
    combined_value: v.combined,
    naive_value: v.naive,
    inferer_addresses: inferers,
    forecaster_addresses: forecasters,
    inferer_values: v.inf,
    forecaster_values: v.fc,
    one_out_inferer_values: v.oneOutInf,
    one_out_forecaster_values: v.oneOutFc,
    one_in_forecaster_values: v.oneInFc,
    one_out_inferer_forecaster_values: v.oneOutInfFc,
  };
}

export function inferenceJson(view: SubmissionView, i: number, version: "v9" | "v10") {
  const base = { topic_id: String(view.topicId), block_height: String(view.nonce), inferer: view.inferers[i]! };
  if (version === "v9") return { ...base, value: view.infValues[i]![0]!, extra_data: null, proof: "" };
  return { ...base, extra_data: null, proof: "", values: view.infValues[i]! };
}

export function forecastJson(view: SubmissionView, k: number) {
  return {
    topic_id: String(view.topicId),
    block_height: String(view.nonce),
    forecaster: view.forecasters[k]!,
    forecast_elements: view.inferers.map((inferer, i) => ({ inferer, value: view.fcElements[k]![i]! })),
    extra_data: null,
  };
}
