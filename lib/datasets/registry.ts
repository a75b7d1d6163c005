// The one registry of public datasets: name → entry. /api/v1/[dataset], the OpenAPI document, the /data builder and
// dictionary and the MCP tools all read it.
import { chainDatasets } from "./registry-chain";
import type { DatasetDef } from "./dataset";
import { stakeDatasets } from "./registry-stake";

export const DATASETS: readonly DatasetDef[] = [...chainDatasets, ...stakeDatasets];

const byName = new Map(DATASETS.map((d) => [d.name, d]));

export function findDataset(name: string): DatasetDef | undefined {
  return byName.get(name);
}

export const DATASET_NAMES = DATASETS.map((d) => d.name);
