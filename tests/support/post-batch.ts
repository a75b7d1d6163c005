// The integration tests' way in, as the collector's: batches posted through the real ingest route handler into a
// fresh database of the test file's own.
import { afterAll, beforeAll } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./test-db";

export const TEST_INGEST_TOKEN = "integration-test-token-0123456789";

/** Sets what the route handlers read when they load (the ingest token and `extra`): call it before importing them. */
export function setRouteEnv(extra: Record<string, string> = {}): void {
  Object.assign(process.env, { INGEST_TOKEN: TEST_INGEST_TOKEN, ...extra });
}

/** Posts a batch through the real ingest route handler, as the collector would; fails the test on any refusal. */
export async function postThroughRoute(batch: unknown, token = TEST_INGEST_TOKEN): Promise<void> {
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

/**
 * A fresh database for the test file, made the app's before its tests (after posting `batches` through the route)
 * and dropped after them. The handle is read once the tests run: `const store = withTestDatabase(); … store.db`.
 */
export function withTestDatabase(...batches: (() => unknown)[]): { readonly db: TestDatabase } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    for (const batch of batches) await postThroughRoute(batch());
  });
  afterAll(() => db?.dispose());
  return {
    get db() {
      if (!db) throw new Error("the test database is opened in beforeAll");
      return db;
    },
  };
}
