// Serves the real POST /api/ingest handler over real HTTP for the collector under test, without a Next.js build.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (request: Request) => Promise<Response>;

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
}

export async function serveRoute(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const response = await handler(await toRequest(req, "http://127.0.0.1"));
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    })();
  });
  // Idle keep-alive connections are kept longer than node's 5 s default: a test that pauses for a long database
  // comparison under load would otherwise have its next request race the server closing the pooled socket.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/ingest`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
