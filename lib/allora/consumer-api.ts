import type { z } from "zod";

import {
  AlloraDecodeError,
  AlloraHttpError,
  decodeResponse,
  type HttpOptions,
  joinUrl,
  requestJson,
  uintSegment,
} from "@/lib/allora/http";
import {
  consumerEnvelopeSchema,
  type ConsumerTopic,
  consumerTopicsPageSchema,
  type SignedInference,
  signedInferenceDataSchema,
} from "@/lib/allora/schemas/consumer-api";

export const DEFAULT_CONSUMER_API_URL = "https://api.allora.network/v2";
/** The only signature format the SDKs know (Sepolia). */
export const DEFAULT_SIGNATURE_FORMAT = "ethereum-11155111";

export interface ConsumerApiOptions extends HttpOptions {
  /** Required: this adapter is only built when a key is configured. */
  apiKey: string;
  baseUrl?: string;
  signatureFormat?: string;
}

/** The API answered 2xx but `status: false` (e.g. unknown topic). */
export class AlloraConsumerApiError extends Error {
  readonly url: string;
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`consumer API refused ${url}: ${reason}`);
    this.name = "AlloraConsumerApiError";
    this.url = url;
    this.reason = reason;
  }
}

const MAX_TOPIC_PAGES = 100;

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/** The key travels in a header, but a proxy could echo it; it must never reach logs via an error. */
function redactError(error: unknown, secret: string): unknown {
  if (error instanceof AlloraHttpError) {
    return new AlloraHttpError({
      status: error.status,
      url: redact(error.url, secret),
      attempts: error.attempts,
      reason: error.reason,
      detail: error.detail === null ? null : redact(error.detail, secret),
    });
  }
  if (error instanceof AlloraDecodeError) {
    return new AlloraDecodeError(
      redact(error.url, secret),
      error.issues.map((i) => ({ path: i.path, message: redact(i.message, secret) })),
    );
  }
  if (error instanceof AlloraConsumerApiError) {
    return new AlloraConsumerApiError(redact(error.url, secret), redact(error.reason, secret));
  }
  if (error instanceof Error) return new Error(redact(error.message, secret));
  return error;
}

export function createConsumerApiClient(options: ConsumerApiOptions) {
  if (!options.apiKey) throw new Error("consumer API key is not configured");
  const base = (options.baseUrl ?? DEFAULT_CONSUMER_API_URL).replace(/\/+$/, "");
  const format = encodeURIComponent(options.signatureFormat ?? DEFAULT_SIGNATURE_FORMAT);
  const headers = { accept: "application/json", "x-api-key": options.apiKey };

  async function redacting<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw redactError(error, options.apiKey);
    }
  }

  async function getData<T>(path: string, decode: (data: unknown, url: string) => T, signal?: AbortSignal) {
    const url = joinUrl(base, path);
    const body = decodeResponse(consumerEnvelopeSchema, await requestJson(url, { headers, signal }, options), url);
    if (!body.status) throw new AlloraConsumerApiError(url, body.apiResponseMessage ?? "status false");
    return { requestId: body.request_id ?? null, data: decode(body.data, url) };
  }

  return {
    /** Latest signed network inference of a topic, with its confidence intervals as exact decimals. */
    getSignedInference: (topicId: bigint | number, signal?: AbortSignal): Promise<SignedInference> =>
      redacting(async () => {
        const query = `allora_topic_id=${uintSegment(topicId)}&inference_value_type=uint256`;
        const { requestId, data } = await getData(
          `/allora/consumer/${format}?${query}`,
          (body, url) => decodeResponse(signedInferenceDataSchema, body, url),
          signal,
        );
        return { requestId, ...data };
      }),
    /** Every topic the API lists for a chain, following `continuation_token`. */
    listTopics: (chainId: string, signal?: AbortSignal): Promise<ConsumerTopic[]> =>
      redacting(async () => {
        const topics: ConsumerTopic[] = [];
        let token: string | null = null;
        for (let page = 0; page < MAX_TOPIC_PAGES; page += 1) {
          const query: string = token ? `?continuation_token=${encodeURIComponent(token)}` : "";
          const { data }: { data: z.output<typeof consumerTopicsPageSchema> } = await getData(
            `/allora/${encodeURIComponent(chainId)}/topics${query}`,
            (body, url) => decodeResponse(consumerTopicsPageSchema, body, url),
            signal,
          );
          topics.push(...data.topics);
          if (!data.continuationToken || data.continuationToken === token) return topics;
          token = data.continuationToken;
        }
        throw new Error(`consumer API topic listing did not finish within ${MAX_TOPIC_PAGES} pages`);
      }),
  };
}

export type ConsumerApiClient = ReturnType<typeof createConsumerApiClient>;
