// The Topic message as the LCD serializes it (proto field order, defaults emitted).
import { TOPIC_CONSTANTS, type EmissionsVersion, type TopicSpec } from "./config";
import { fmtFloat } from "./dec";

export function topicJson(spec: TopicSpec, version: EmissionsVersion, creator: string, epochLastEnded: number): Record<string, unknown> {
  const c = TOPIC_CONSTANTS;
  const base: Record<string, unknown> = {
    id: String(spec.id),
    creator,
    metadata: spec.metadata,
    loss_method: spec.lossMethod,
    epoch_last_ended: String(epochLastEnded),
    epoch_length: String(spec.epochLength),
    ground_truth_lag: String(spec.groundTruthLag),
    p_norm: fmtFloat(c.pNorm),
    alpha_regret: fmtFloat(c.alphaRegret),
    allow_negative: spec.target === "log-return",
    epsilon: fmtFloat(c.epsilon),
    initial_regret: fmtFloat(c.initialRegret),
    worker_submission_window: String(spec.workerSubmissionWindow),
    merit_sortition_alpha: fmtFloat(c.meritSortitionAlpha),
    active_inferer_quantile: fmtFloat(c.activeQuantile),
    active_forecaster_quantile: fmtFloat(c.activeQuantile),
    active_reputer_quantile: fmtFloat(c.activeQuantile),
    c_norm: fmtFloat(c.cNorm),
  };
  if (version === "v9") return base;
  const multi = spec.labels.length > 1;
  return {
    ...base,
    topic_type: "TOPIC_TYPE_REGRESSION",
    output_arity: multi ? "TOPIC_OUTPUT_ARITY_MULTI" : "TOPIC_OUTPUT_ARITY_SINGLE",
    require_unity: false,
    unity_tolerance: "0",
    max_labels_per_submission: String(spec.labels.length),
    label_whitelist: multi ? spec.labels.map((l) => l.name) : [],
    label_default_value: "0",
  };
}
