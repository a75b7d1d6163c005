// The signal publisher: reads the indexed network inferences and ground truth (lib/queries), runs lib/signals, and
// posts new signals and due scores through POST /api/ingest, the one write path.
// Why a publisher and not the collector: confidence needs each topic's history of outcomes, which the stateless
// collector does not keep across restarts; the database has it, so signals are the same however often we restart.
import { createHash } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import { findFollowedNetwork } from "@/lib/queries/network";
import { readLedgerSeries, readPriceSeries } from "@/lib/queries/signal-sources";
import { readBlockCursor, readPublishedUpTo, readUnscored } from "@/lib/queries/signal-ledger-state";
import { scoreRows, signalRows } from "@/lib/signals/ledger";
import { postBatch } from "./ingest-client";

export type PublisherOptions = { ingest: { url: string; token: string }; pollMs?: number; log?: (message: string) => void };

// Keeps each body well under INGEST_MAX_BYTES during a backfill of a week of epochs.
const ROWS_PER_BATCH = 4_000;

/** One pass: publishes every new signal, then scores every due one. Returns how many of each the route applied. */
export async function publishSignalsOnce(options: Pick<PublisherOptions, "ingest">): Promise<{ signals: number; scores: number }> {
  const network = await findFollowedNetwork();
  if (!network) return { signals: 0, scores: 0 };
  const sendRows = async (kind: string, rows: Record<string, unknown>[], wrap: (chunk: Record<string, unknown>[]) => Record<string, unknown>) => {
    let applied = 0;
    for (let i = 0; i < rows.length; i += ROWS_PER_BATCH) {
      const body = wrap(rows.slice(i, i + ROWS_PER_BATCH));
      // The id names the content, so a retry or a second publisher with the same rows is a no-op, never a conflict.
      const digest = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 24);
      const result = await postBatch(options.ingest, {
        version: 1,
        batch_id: `${network.chainId}:${kind}:${digest}`,
        network: { chain_id: network.chainId, name: network.name, kind: network.kind, simulated: network.simulated, emissions_version: network.emissionsVersion },
        ...body,
      });
      applied += result.counts[kind] ?? 0;
    }
    return applied;
  };

  const [series, published] = await Promise.all([readLedgerSeries(network.id), readPublishedUpTo(network.id)]);
  const fresh = series.flatMap((s) => signalRows(s, published.get(`${s.topicId}\u0000${s.label}`) ?? new Map()));
  const signals = await sendRows("signals", fresh, (chunk) => ({ rows: { signals: chunk } }));

  const unscored = await readUnscored(network.id);
  const prices = await readPriceSeries([...new Set(unscored.map((u) => u.series))]);
  const due = [...prices.values()].flatMap((p) => scoreRows(unscored.filter((u) => u.series === p.series), p));
  const scores = await sendRows("signal_scores", due, (chunk) => ({ rows: {}, updates: { signal_scores: chunk } }));
  return { signals, scores };
}

/** Publishes after each poll in which the index moved on; errors are logged and retried on the next poll. */
export function startSignalPublisher(options: PublisherOptions) {
  const abort = new AbortController();
  const log = options.log ?? (() => {});
  const running = (async () => {
    let seen: string | null = null;
    while (!abort.signal.aborted) {
      try {
        const network = await findFollowedNetwork();
        const cursor = network ? await readBlockCursor(network.id) : null;
        if (cursor !== null && cursor !== seen) {
          const { signals, scores } = await publishSignalsOnce(options);
          if (signals || scores) log(`signals: published ${signals}, scored ${scores} (index at ${cursor})`);
          seen = cursor;
        }
      } catch (error) {
        log(`signals: ${error instanceof Error ? error.message : String(error)}`);
      }
      await wait(options.pollMs ?? 10_000, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  })();
  return {
    stop: async () => {
      abort.abort();
      await running;
    },
  };
}
