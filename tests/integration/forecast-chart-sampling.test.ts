// Which epochs the forecast chart reads: all of them when there are at most 1,000 in the range, else one per
// bucket. It guesses which from the topic's epoch length while it counts them; epochs that do not keep to it must
// still be read as the count says.
import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/forecast/range";
import { getTopicContext, resolveWindow } from "@/lib/queries/forecast/context";
import { getForecastChart } from "@/lib/queries/forecast/chart";
import { setRouteEnv, withTestDatabase } from "../support/post-batch";
import { describeTestDatabase } from "../support/test-db";
import { forecastBatch } from "../support/forecast-history-fixture";

setRouteEnv();
const T0 = Date.parse("2026-11-20T00:00:00Z");
// 2,001 blocks 5 s apart; epochs in pairs (heights 10k + 1 and 10k + 2): 401 epochs, though the topic says one per block.
const HEIGHTS = Array.from({ length: 2001 }, (_, i) => i + 1);
const EPOCHS = HEIGHTS.filter((h) => h % 10 === 1 || h % 10 === 2);

function irregularBatch() {
  const base = forecastBatch();
  return {
    ...base,
    batch_id: "chart-sampling",
    from_height: "1",
    to_height: "2001",
    rows: {
      blocks: HEIGHTS.map((h) => ({ height: String(h), time: new Date(T0 + (h - 1) * 5000).toISOString(), hash: null, tx_count: 0, event_count: 0 })),
      topics: base.rows.topics,
      network_inferences: EPOCHS.map((h) => ({ topic_id: "7", nonce: String(h), label: "y", outlier_resistant: false, combined_value: String(h), naive_value: null, block_height: String(h) })),
    },
  };
}

const store = withTestDatabase(irregularBatch);

describe(`forecast chart sampling (${describeTestDatabase()})`, () => {
  it("draws every epoch of a range that holds fewer than 1,000, however irregular", async () => {
    const network = await store.db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-forecast-fixture" } });
    const ctx = (await getTopicContext(network.id, 7n))!;
    expect(ctx.epochLength).toBe(1); // the topic claims 2,001 epochs in the range: more than the chart samples
    const chart = await getForecastChart(ctx, (await resolveWindow(ctx, parseRange({ range: "all" })))!, []);
    expect(chart.epochs).toBe(401);
    expect(chart.points.filter((p) => p.nonce !== "").map((p) => Number(p.nonce))).toEqual(EPOCHS);
  });
});
