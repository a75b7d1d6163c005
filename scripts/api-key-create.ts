// `npm run api-key:create -- --name "team-x" [--limit 600]`: creates an API key for /api/v1 and /api/mcp in
// DATABASE_URL (or the embedded database) and prints it once; only its SHA-256 is stored.
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db";
import { createApiKey } from "@/lib/api/api-keys";

const { values } = parseArgs({ options: { name: { type: "string" }, limit: { type: "string", default: "600" } } });
const limit = Number(values.limit);
if (!values.name || !/^\d+$/.test(values.limit ?? "") || limit < 1) {
  console.error('usage: npm run api-key:create -- --name "who it is for" [--limit requests-per-window, default 600]');
  process.exit(2);
}
const db = await getDb();
const { id, key } = await createApiKey(db.prisma, values.name, limit);
console.log(`API key ${id} for "${values.name}" (${limit} requests per window). Store it now; it is not shown again:`);
console.log(key);
await db.close();
