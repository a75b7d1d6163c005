// POSTs a batch to the ingestion route. Transport failures and 5xx are retried (the app may still be starting, or a
// commit may have raced a restart: the same bytes under the same batch id are a no-op, so a retry is safe).
import type { PriceSourceReport } from "./ground-truth-rows";

export type CollectorReport = {
  id: string;
  state: "running" | "catching_up" | "backing_off" | "error" | "stopped";
  last_error: string | null;
  chain_height: string | null;
  chain_time: string | null;
  price_source?: PriceSourceReport;
};

export type IngestResponse = { status: "applied" | "duplicate"; batch_id: string; counts: Record<string, number>; cursors: Record<string, string> };

export class IngestRefusedError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function postBatch(target: { url: string; token: string }, body: Record<string, unknown>, attempts = 6): Promise<IngestResponse> {
  const text = JSON.stringify(body);
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
        body: text,
        signal: AbortSignal.timeout(180_000),
      });
      const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | IngestResponse | null;
      if (res.ok && json && "cursors" in json) return json;
      const message = json && "error" in json ? (json.error?.message ?? "") : "";
      if (res.status < 500) throw new IngestRefusedError(res.status, `ingest refused the batch (${res.status}): ${message}`);
      lastError = new Error(`ingest failed (${res.status}): ${message}`);
    } catch (error) {
      if (error instanceof IngestRefusedError) throw error;
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
