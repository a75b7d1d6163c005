// Everything that happened in one block, assembled on demand from the simulation's records.
import { CHAIN_PARAMS } from "./config";
import { emissionsEv, type ChainTx, type TypedEv } from "./chain-types";
import { epochView, submissionView } from "./epoch-view";
import { hashSeed } from "./prng";
import type { Simulation } from "./simulation";
import { eventValueBundle, networkInferencesV9, valueBundleV3 } from "./shapes";
import type { TopicEngine } from "./topic-engine";
import { settlementEvents } from "./settlement-events";
import { distributionEvents } from "./distribution";

export interface BlockContents {
  beginBlock: TypedEv[];
  txs: ChainTx[];
  endBlock: TypedEv[];
}

/** The block in which a worker or reputer lands its payload, inside the submission window. */
export function submitOffset(seed: number, topicId: number, nonce: number, address: string, window: number): number {
  return 1 + (hashSeed(seed, "submit", topicId, nonce, address) % Math.max(1, window - 1));
}

function workerTxs(sim: Simulation, e: TopicEngine, h: number, out: ChainTx[]): void {
  const { spec } = e;
  const v = sim.options.emissionsVersion;
  const w = spec.workerSubmissionWindow;
  const idx = Math.floor((h - e.firstNonce) / spec.epochLength);
  const rec = idx >= 0 ? e.epochs[idx] : undefined;
  if (!rec || h <= rec.nonce || h >= rec.nonce + w) return;
  // Inside the worker window the epoch may not have closed yet (at the tip it has not): payloads
  // carry only what was submitted, never the network inference.
  const view = submissionView(sim, spec.id, rec);
  const seed = sim.options.seed;
  view.inferers.forEach((inferer, i) => {
    if (rec.nonce + submitOffset(seed, spec.id, rec.nonce, inferer, w) !== h) return;
    const values = view.infValues[i]!;
    const fields: Record<string, unknown> = { inferer, nonce: String(rec.nonce), topic_id: String(spec.id), value: values[0]!, extra_data: null };
    if (v === "v10") fields.values = view.labels.map((label, l) => ({ label, value: values[l]! }));
    out.push({ sender: inferer, typeUrl: `/emissions.${v}.InsertWorkerPayloadRequest`, body: { sender: inferer, topic_id: String(spec.id), nonce: String(rec.nonce), inference: values }, events: [emissionsEv("EventInsertInfererPayload", fields)] });
  });
  view.forecasters.forEach((forecaster, k) => {
    if (rec.nonce + submitOffset(seed, spec.id, rec.nonce, forecaster, w) !== h) return;
    const fields = { forecaster, nonce: String(rec.nonce), topic_id: String(spec.id), inferer_addresses: view.inferers, inferer_values: view.fcElements[k]!, extra_data: null };
    out.push({ sender: forecaster, typeUrl: `/emissions.${v}.InsertWorkerPayloadRequest`, body: { sender: forecaster, topic_id: String(spec.id), nonce: String(rec.nonce), forecast: view.fcElements[k] }, events: [emissionsEv("EventInsertForecasterPayload", fields)] });
  });
}

function reputerTxs(sim: Simulation, e: TopicEngine, h: number, out: ChainTx[]): void {
  const { spec } = e;
  const v = sim.options.emissionsVersion;
  const w = spec.workerSubmissionWindow;
  const base = h - spec.groundTruthLag;
  const idx = Math.floor((base - e.firstNonce) / spec.epochLength);
  const rec = idx >= 0 ? e.epochs[idx] : undefined;
  if (!rec?.closed || base <= rec.nonce || base >= rec.nonce + w) return;
  const view = epochView(sim, spec.id, rec);
  view.reputers.forEach((reputer, r) => {
    if (rec.nonce + spec.groundTruthLag + submitOffset(sim.options.seed, spec.id, rec.nonce, reputer, w) !== h) return;
    const report = view.reports[r]!;
    out.push({
      sender: reputer,
      typeUrl: `/emissions.${v}.InsertReputerPayloadRequest`,
      body: { sender: reputer, reputer_value_bundle: { value_bundle: valueBundleV3(spec.id, rec.nonce, reputer, report, view.inferers, view.forecasters) } },
      events: [emissionsEv("EventInsertReputerPayload", { topic_id: String(spec.id), nonce: String(rec.nonce), reputer, bundle: eventValueBundle(report, view.inferers, view.forecasters) })],
    });
  });
}

function closeEvents(sim: Simulation, e: TopicEngine, h: number, out: TypedEv[]): void {
  const { spec } = e;
  const t = String(spec.id);
  const w = spec.workerSubmissionWindow;
  const open = e.indexAtNonce(h);
  if (open >= 0) out.push(emissionsEv("EventWorkerSubmissionWindowOpened", { topic_id: t, nonce_block_height: String(h), window_end_block: String(h + w) }));
  const ci = e.indexAtNonce(h - w);
  const rec = ci >= 0 ? e.epochs[ci] : undefined;
  if (rec) {
    const n = String(rec.nonce);
    out.push(emissionsEv("EventWorkerSubmissionWindowClosed", { topic_id: t, nonce_block_height: n }));
    if (rec.closed) {
      const view = epochView(sim, spec.id, rec);
      if (sim.options.emissionsVersion === "v9") {
        out.push(emissionsEv("EventNetworkInferences", { topic_id: t, block_height: n, value_bundle: networkInferencesV9(view) }));
      } else {
        out.push(emissionsEv("EventNetworkInferenceBundle", {
          topic_id: t, nonce: n, label_names: view.labels, inferer_addresses: view.inferers, forecaster_addresses: view.forecasters,
          combined_value: view.combined, naive_value: view.naive, inferer_values: view.infValues, forecaster_values: view.forecastImplied,
          one_out_inferer_values: view.oneOutInf, one_out_forecaster_values: view.oneOutFc, one_in_forecaster_values: view.oneInFc,
          one_out_inferer_forecaster_values: view.oneOutInfFc, outlier_resistant: false,
        }));
      }
      out.push(emissionsEv("EventNetworkInferenceInfererWeightsSet", { topic_id: t, nonce_block_height: n, addresses: view.inferers, weights: view.infWeights }));
      out.push(emissionsEv("EventNetworkInferenceForecasterWeightsSet", { topic_id: t, nonce_block_height: n, addresses: view.forecasters, weights: view.fcWeights }));
      out.push(emissionsEv("EventNetworkInferenceInfererRegretsUsedSet", { topic_id: t, nonce_block_height: n, addresses: view.inferers, regrets: view.infRegrets }));
      out.push(emissionsEv("EventNetworkInferenceForecasterRegretsUsedSet", { topic_id: t, nonce_block_height: n, addresses: view.forecasters, regrets: view.fcRegrets }));
      out.push(emissionsEv("EventWorkerLastCommitSet", { topic_id: t, block_height: String(h), nonce: { block_height: n } }));
    }
  }
  const ri = e.indexAtNonce(h - spec.groundTruthLag);
  if (ri >= 0 && e.epochs[ri]?.closed) out.push(emissionsEv("EventReputerSubmissionWindowOpened", { topic_id: t, nonce_block_height: String(e.nonceOf(ri)), window_end_block: String(h + w) }));
  const si = e.indexAtNonce(h - spec.groundTruthLag - w);
  const settled = si >= 0 ? e.epochs[si] : undefined;
  if (settled?.ev) settlementEvents(sim, e, settled, h, out);
  const pi = e.indexAtNonce(h - spec.groundTruthLag - w - CHAIN_PARAMS.minEpochLengthRecordLimit * spec.epochLength);
  if (pi >= 0 && e.epochs[pi]?.ev) out.push(emissionsEv("EventPruneRecords", { block_height: String(e.nonceOf(pi)), topic_id: t }));
}

export function blockContents(sim: Simulation, h: number): BlockContents {
  const mint = (name: string) => ({ module: "mint" as const, name, fields: { block_height: String(h), token_amount: CHAIN_PARAMS.blockEmission.toString() } });
  const beginBlock: TypedEv[] = [mint("EventEcosystemTokenMintSet"), mint("EventRewardCurrentBlockEmission"), ...distributionEvents(sim, h)];
  const txs: ChainTx[] = [...(sim.ledger.txs.get(h) ?? []), ...(sim.validators.txs.get(h) ?? [])];
  for (const e of sim.engines) workerTxs(sim, e, h, txs);
  for (const e of sim.engines) reputerTxs(sim, e, h, txs);
  txs.push(...sim.wallet.chainTxsAt(h));
  const endBlock: TypedEv[] = [...(sim.ledger.endBlock.get(h) ?? []), ...(sim.validators.endBlock.get(h) ?? [])];
  for (const e of sim.engines) if (sim.topicActive(e.spec.id, h)) closeEvents(sim, e, h, endBlock);
  return { beginBlock, txs, endBlock };
}
