// POSTs a batch to the ingestion route. Transport failures and 5xx are retried (the app may still be starting, or a
// commit may have raced a restart: the same bytes under the same batch id are a no-op, so a retry is safe). A 413 is
// split and retried; any other 4xx is final: the same bytes would be refused again.
export type CollectorReport = {
  id: string;
  state: "running" | "catching_up" | "backing_off" | "error" | "stopped";
  last_error: string | null;
  chain_height: string | null;
  chain_time: string | null;
};

export type IngestResponse = { status: "applied" | "duplicate"; batch_id: string; counts: Record<string, number>; cursors: Record<string, string> };

type ErrorBody = { error?: { message?: string; issues?: { field: string; message: string }[] } };
type Body = Record<string, unknown> & { batch_id?: string; rows?: Record<string, unknown[]> };

export class IngestRefusedError extends Error {
  constructor(readonly status: number, message: string, readonly fields: string[] = []) {
    super(message);
  }
}

async function postOnce(target: { url: string; token: string }, body: Body, attempts: number): Promise<IngestResponse> {
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
      const json = (await res.json().catch(() => null)) as ErrorBody | IngestResponse | null;
      if (res.ok && json && "cursors" in json) return json;
      const error = json && "error" in json ? json.error : undefined;
      if (res.status < 500) {
        const issues = error?.issues ?? [];
        // The fields are the point of a 422: they say what the collector built wrong.
        const named = issues.slice(0, 5).map((i) => `${i.field}: ${i.message}`).join("; ");
        const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : "";
        throw new IngestRefusedError(res.status, `ingest refused the batch (${res.status}): ${error?.message ?? ""}${named ? ` — ${named}${more}` : ""}`, issues.map((i) => i.field));
      }
      lastError = new Error(`ingest failed (${res.status}): ${error?.message ?? ""}`);
    } catch (error) {
      if (error instanceof IngestRefusedError) throw error;
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/**
 * A batch's rows in two parts of about equal count. The first carries rows only; the second keeps the cursor and
 * the updates, so the cursor commits with the last rows and transitions see every row. Parts are idempotent like any
 * batch: a crash between them is repaired by the overlap a restart re-reads.
 */
export function splitBatch(body: Body): [Body, Body] | null {
  const entries = Object.entries(body.rows ?? {}).flatMap(([table, rows]) => rows.map((row) => [table, row] as const));
  if (entries.length < 2) return null;
  const half = Math.ceil(entries.length / 2);
  const group = (list: (readonly [string, unknown])[]) => {
    const rows: Record<string, unknown[]> = {};
    for (const [table, row] of list) (rows[table] ??= []).push(row);
    return rows;
  };
  const { cursor: _cursor, updates: _updates, ...rest } = body;
  void _cursor;
  void _updates;
  return [
    { ...rest, batch_id: `${body.batch_id}.a`, rows: group(entries.slice(0, half)) },
    { ...body, batch_id: `${body.batch_id}.b`, rows: group(entries.slice(half)) },
  ];
}

export async function postBatch(target: { url: string; token: string }, body: Body, attempts = 6): Promise<IngestResponse> {
  try {
    return await postOnce(target, body, attempts);
  } catch (error) {
    if (!(error instanceof IngestRefusedError) || error.status !== 413) throw error;
    const parts = splitBatch(body);
    if (!parts) throw error;
    await postBatch(target, parts[0], attempts);
    return postBatch(target, parts[1], attempts);
  }
}
