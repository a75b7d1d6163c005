// The real GET /api/v1/[dataset] handler in a process of its own, on a given database: two of them stand for two
// app instances behind one load balancer. `node --conditions react-server --import tsx tests/support/api-server-child.ts <url>`
// prints the base URL it serves once it listens.
import { setDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/client";
import { serveRoute } from "./ingest-server";

const [databaseUrl] = process.argv.slice(2);
if (!databaseUrl) throw new Error("usage: api-server-child.ts <database url>");
setDatabase(await openDatabase({ kind: "postgres", url: databaseUrl, migrate: false }));
const { GET } = await import("@/app/api/v1/[dataset]/route");
const server = await serveRoute((request) => GET(request, { params: Promise.resolve({ dataset: new URL(request.url).pathname.split("/").at(-1) ?? "" }) }));
process.stdout.write(`${server.url.replace(/\/api\/ingest$/, "")}\n`);
