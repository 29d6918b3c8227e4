/**
 * Retry policy of the REST client.
 *
 * - HTTP 429 is retried for every method: Twilio never processes a request it answers with 429.
 * - HTTP 5xx, timeouts and broken connections are retried only for GET and DELETE (repeating them is harmless),
 *   or for a POST the caller marked `idempotent`.
 * - A connection that could not be opened at all (refused, unknown host) is retried for every method: the request
 *   never left this machine, so it cannot have been processed.
 * - Waits use exponential backoff with full jitter (`random() * min(maxDelayMs, baseDelayMs * 2^retry)`), or the
 *   server's `Retry-After` (seconds or an HTTP date) when it sends one.
 * - Bounded by `maxAttempts` and by `maxElapsedMs`: no wait ends after the budget, so a Retry-After longer than what
 *   remains ends the retries at once with the server's error.
 */

/** Options of the retry policy. Every field is optional. */
export interface RetryOptions {
  /** Total attempts including the first one. Default 4. 1 disables retries. */
  maxAttempts?: number;
  /** The first backoff ceiling in milliseconds. Default 500. */
  baseDelayMs?: number;
  /** The largest backoff ceiling in milliseconds (Retry-After may ask for more). Default 10 000. */
  maxDelayMs?: number;
  /** Total time budget for one call, attempts and waits included, in milliseconds. Default 60 000. */
  maxElapsedMs?: number;
  /** Waits `ms` milliseconds; should reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Returns a number in [0, 1). Injectable for tests. Default Math.random. */
  random?: () => number;
  /** The current time in milliseconds. Injectable for tests. Default Date.now. */
  now?: () => number;
}

export interface ResolvedRetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxElapsedMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

function checkNumber(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new RangeError(`retry.${name} must be a number >= ${min} (got ${String(value)})`);
  }
  return value;
}

export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const o = options ?? {};
  return {
    maxAttempts: Math.floor(checkNumber('maxAttempts', o.maxAttempts, 4, 1)),
    baseDelayMs: checkNumber('baseDelayMs', o.baseDelayMs, 500, 0),
    maxDelayMs: checkNumber('maxDelayMs', o.maxDelayMs, 10_000, 0),
    maxElapsedMs: checkNumber('maxElapsedMs', o.maxElapsedMs, 60_000, 0),
    sleep: o.sleep ?? defaultSleep,
    random: o.random ?? Math.random,
    now: o.now ?? Date.now,
  };
}

/** Full-jitter exponential backoff: a random delay in [0, min(maxDelayMs, baseDelayMs * 2^retryIndex)). */
export function backoffDelay(retryIndex: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  const r = options.random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * ceiling);
}

/**
 * Parses a Retry-After header: delta seconds (`"3"`, `"1.5"`) or an HTTP date. Returns milliseconds (>= 0),
 * or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** The default sleep: a timer that is cleared, and the promise rejected, when the signal aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
