// The only reader of process.env. Every setting is validated once; a bad value stops start-up with a message
// naming the variable and the reason. Documented in .env.example and the README's configuration table.
import { z } from "zod";

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .optional()
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(" or ")}`,
    });

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl(["postgres://", "postgresql://"]),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  ALLORA_NETWORK: z.enum(["mainnet", "testnet", "devnet"]).default("mainnet"),
  ALLORA_LCD_URL: optionalUrl(["http://", "https://"]),
  ALLORA_RPC_URL: optionalUrl(["http://", "https://"]),
  INDEXER_LAG_WARN_SECONDS: z.coerce.number().int().positive().default(120),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Run the collector inside the app process (npm start, npm run demo); "false" when it runs elsewhere. */
  COLLECTOR_ENABLED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  COLLECT_FROM_HEIGHT: z
    .string()
    .trim()
    .regex(/^\d*$/, "must be a block height")
    .transform((v) => (v === "" ? undefined : BigInt(v)))
    .optional(),
  INGEST_URL: optionalUrl(["http://", "https://"]),
  /** Realized-price sources of mainnet and testnet, tried in order; "none" turns realized prices off. */
  PRICE_SOURCES: z
    .string()
    .trim()
    .default("coinbase,coingecko")
    .transform((v) => (v === "none" || v === "" ? [] : v.split(",").map((x) => x.trim())))
    .pipe(z.array(z.enum(["coinbase", "coingecko"]))),
  DEVNET_PORT: z.coerce.number().int().min(1).max(65535).default(26657),
  INGEST_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .optional()
    .refine((v) => v === undefined || v.length >= 16, { message: "must be at least 16 characters" }),
  INGEST_TOKEN_FILE: z.string().trim().min(1).default(".data/ingest-token"),
  /** Heights per JSON-RPC batch request of the collector (block + block_results each); 0 reads with single GETs. */
  COLLECTOR_RPC_BATCH: z.coerce.number().int().min(0).max(500).default(50),
  /** Blocks per ingest batch while the collector is far behind the head (catch-up mode). */
  COLLECTOR_CATCH_UP_BLOCKS: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** While following the head, re-read the full state (validators, their delegations, …) at least this often. */
  COLLECTOR_STATE_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** While catching up, read pending validator rewards and signing infos only when a batch crosses a multiple of this height. */
  COLLECTOR_CATCH_UP_DISTRIBUTION_BLOCKS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  INGEST_MAX_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  /** "1": the ingest route prints each batch's milliseconds per step and statement kind to stderr. */
  INGEST_PROFILE: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  /** Requests per rate-limit window of a client without an API key (/api/v1 and /api/mcp). */
  API_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  /** Length of the rate-limit window in seconds. */
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().max(86400).default(60),
  /** Most rows one CSV/NDJSON export may carry; a larger one is refused (400) before any row is sent. */
  EXPORT_MAX_ROWS: z.coerce.number().int().positive().default(5_000_000),
  /** Next.js's own switch, set by `npm start` and `npm run demo`: SIGINT/SIGTERM are left to lib/start-up.ts. */
  NEXT_MANUAL_SIG_HANDLE: z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== ""),
});

export type ServerEnv = z.infer<typeof serverSchema>;

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  return result.data;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  return (cached ??= parseServerEnv(process.env));
}
