// Retries a client's calls whose response failed validation.
import { AlloraDecodeError } from "@/lib/allora/http";

/**
 * A body that fails validation can be a transient fault (a truncating proxy, a node restarting), so each call is
 * retried a few times before the batch fails; a real format change still surfaces as an error with the field named.
 */
export function retryingOnDecodeError<T extends object>(client: T, attempts = 4): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (error) {
            if (!(error instanceof AlloraDecodeError) || attempt >= attempts) throw error;
          }
        }
      };
    },
  });
}
