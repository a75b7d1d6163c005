// A sample of decoded answers from the product's clients at one height, for determinism checks.
// Everything is discovered through the clients, so devnets with different seeds can be sampled alike.
import type { LcdClient } from "@/lib/allora/lcd-client";
import type { RpcClient } from "@/lib/allora/rpc-client";

export async function sampleDecoded(lcd: LcdClient, rpc: RpcClient, h: number, topicId = 4) {
  const q = { height: h };
  const topic = await lcd.getTopic(topicId, q);
  const latest = await lcd.getLatestNetworkInferences(topicId, q);
  const nonce = latest.inferenceBlockHeight!;
  const { epochLength, groundTruthLag, workerSubmissionWindow } = topic.topic;
  let settled = nonce;
  while (settled + groundTruthLag + workerSubmissionWindow! > BigInt(h)) settled -= epochLength;
  const bundles = await lcd.getReputerLossBundles(topicId, settled, q);
  const reputer = bundles[0]!.reputer!;
  return {
    topic,
    latest,
    inferences: await lcd.getInferencesAt(topicId, nonce, q),
    forecasts: await lcd.getForecastsAt(topicId, nonce, q),
    loss: await lcd.getNetworkLoss(topicId, settled, q),
    bundles,
    scores: await lcd.getReputerScoresAt(topicId, settled, q),
    ema: await lcd.getReputerScoreEma(topicId, reputer, q),
    stake: await lcd.getReputerStake(reputer, topicId, q),
    validators: await lcd.listValidators({}, q),
    emission: await lcd.getEmissionInfo(q),
    block: await rpc.getBlock(h),
    // The block that announced the latest network inference (other blocks may hold only mint events).
    results: await rpc.getBlockResults(nonce + workerSubmissionWindow!),
  };
}
