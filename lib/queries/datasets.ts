import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type DatasetId =
  | "topics"
  | "worker_inferences"
  | "forecasts"
  | "network_inferences"
  | "scores"
  | "rewards"
  | "reputer_stakes"
  | "delegator_placements"
  | "stake_removals"
  | "validators"
  | "signals"
  | "ground_truth";

export type DatasetDto = {
  id: DatasetId;
  title: string;
  description: string;
  /** Exact row count in the database (decimal string: tables can outgrow 2^53). 0 is a real count here. */
  rowCount: string;
  /** Whether the rows belong to the followed network, or are shared (ground truth comes from outside the chain). */
  scope: "network" | "global";
};

const DATASETS: Omit<DatasetDto, "rowCount">[] = [
  { id: "topics", title: "Topics", description: "Every topic's objective and parameters, with their change history.", scope: "network" },
  { id: "worker_inferences", title: "Worker inferences", description: "Each worker's prediction per topic and epoch.", scope: "network" },
  { id: "forecasts", title: "Forecasts", description: "Forecasters' predictions of each inferer's error.", scope: "network" },
  { id: "network_inferences", title: "Network inferences", description: "The combined network prediction per epoch, beside the naive one.", scope: "network" },
  { id: "scores", title: "Scores", description: "Instant and EMA scores of inferers, forecasters and reputers.", scope: "network" },
  { id: "rewards", title: "Rewards", description: "Rewards paid per actor, topic and block, in uallo.", scope: "network" },
  { id: "reputer_stakes", title: "Reputer stakes", description: "Self and delegated stake of each reputer per topic over time.", scope: "network" },
  { id: "delegator_placements", title: "Delegator placements", description: "Delegators' stake placed on each reputer over time.", scope: "network" },
  { id: "stake_removals", title: "Stake removals", description: "Removal requests with their unlock heights and outcome.", scope: "network" },
  { id: "validators", title: "Validators", description: "Validator status, bonded tokens and commission.", scope: "network" },
  { id: "signals", title: "Signals", description: "Published trading signals, stamped at publish height and scored.", scope: "network" },
  { id: "ground_truth", title: "Ground truth", description: "Realized values (e.g. prices) predictions are judged against.", scope: "global" },
];

export async function listDatasets(): Promise<DatasetDto[]> {
  const networkId = await findFollowedNetworkId();
  const { prisma } = await getDb();
  // Table names cannot be bound parameters, so the statement is spelled out; the network id is bound.
  const [counts] = await prisma.$queryRaw<Record<DatasetId, string>[]>`
    SELECT
      (SELECT count(*)::text FROM topics WHERE network_id = ${networkId}) AS topics,
      (SELECT count(*)::text FROM worker_inferences WHERE network_id = ${networkId}) AS worker_inferences,
      (SELECT count(*)::text FROM forecasts WHERE network_id = ${networkId}) AS forecasts,
      (SELECT count(*)::text FROM network_inferences WHERE network_id = ${networkId}) AS network_inferences,
      (SELECT count(*)::text FROM scores WHERE network_id = ${networkId}) AS scores,
      (SELECT count(*)::text FROM rewards WHERE network_id = ${networkId}) AS rewards,
      (SELECT count(*)::text FROM reputer_stakes WHERE network_id = ${networkId}) AS reputer_stakes,
      (SELECT count(*)::text FROM delegator_placements WHERE network_id = ${networkId}) AS delegator_placements,
      (SELECT count(*)::text FROM stake_removals WHERE network_id = ${networkId}) AS stake_removals,
      (SELECT count(*)::text FROM validators WHERE network_id = ${networkId}) AS validators,
      (SELECT count(*)::text FROM signals WHERE network_id = ${networkId}) AS signals,
      (SELECT count(*)::text FROM ground_truth) AS ground_truth`;
  if (!counts) throw new Error("dataset row counts: the count query returned no row");
  return DATASETS.map((d) => ({ ...d, rowCount: counts[d.id] }));
}
