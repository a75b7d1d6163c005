// Small HTTP helpers for the devnet integration tests.
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

export type Json = Record<string, unknown>;

export const obj = (x: unknown) => x as Json;
export const list = (x: unknown) => x as Json[];
