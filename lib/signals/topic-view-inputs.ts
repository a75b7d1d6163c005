// The parameter-free half of the topic signal page (see topic-view.ts), computed once per request on the server.
import { trailingVolatility } from "./analysis";
import { prepareEpochs } from "./engine";
import { epochsOf, type LedgerSeries } from "./ledger";
import type { LedgerCall, TopicViewInputs } from "./topic-view";

export function topicViewInputs(series: LedgerSeries, ledger: readonly LedgerCall[]): TopicViewInputs {
  const { epochs, sources } = epochsOf(series);
  return {
    epochs: prepareEpochs(epochs),
    price: sources.map((s) => Number(series.prices.values[s.priceIndex])),
    realizedBps: epochs.map((e) => (e.realizedReturn === null ? null : e.realizedReturn * 10_000)),
    volatility: trailingVolatility(series.prices, epochs.map((e) => e.t)),
    ledger: [...ledger],
  };
}
