// Posts a batch through the real ingest route handler, as the collector would; fails the test on any refusal.
export async function postThroughRoute(batch: unknown, token: string): Promise<void> {
  const { POST } = await import("@/app/api/ingest/route");
  const res = await POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(batch),
    }),
  );
  if (res.status !== 200) throw new Error(`ingest refused the fixture (${res.status}): ${await res.text()}`);
}
