/**
 * The HTTP layer of the REST client: Basic authentication, form bodies, per-attempt timeouts, cancellation,
 * error parsing and the retry policy described in retry.ts.
 *
 * Credentials travel only in the Authorization header; URLs never carry them, so every message may name the path.
 * The secret lives in a private field (not shown by util.inspect or JSON.stringify) and is redacted from any text a
 * server sends back before it reaches an error message.
 */
import nodeFetch from 'node-fetch';
import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  RequestAbortedError,
  TimeoutError,
  TwilioApiError,
  parseErrorBody,
} from './errors';
import {
  backoffDelay,
  parseRetryAfter,
  resolveRetryOptions,
  type ResolvedRetryOptions,
  type RetryOptions,
} from './retry';

/** The headers of a response: only `get` is needed. */
export interface HeadersLike {
  get(name: string): string | null;
}

/** What the client needs from a fetch response. node-fetch 2 and Node's global fetch both fit. */
export interface FetchResponseLike {
  status: number;
  headers: HeadersLike;
  text(): Promise<string>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** A fetch function. Default: node-fetch 2. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** Options accepted by every call. */
export interface RequestOptions {
  /** Cancels the call, including a wait between retries. The promise then rejects with a RequestAbortedError. */
  signal?: AbortSignal;
  /**
   * Marks a POST as safe to repeat (for example an update that sets absolute values), so 5xx answers, timeouts and
   * broken connections are retried as for GET. Never set it on creates: a repeated create makes a duplicate.
   */
  idempotent?: boolean;
}

/** One event per attempt, for logs. Never carries credentials. */
export interface RequestLogEvent {
  method: string;
  path: string;
  attempt: number;
  /** HTTP status when an answer arrived. */
  status?: number;
  /** Short description of a failure without an answer (timeout, network error). */
  error?: string;
  /** Set when the client will retry after this many milliseconds. */
  retryInMs?: number;
  durationMs: number;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** A path starting with `/` (e.g. `/v1/Workspaces`), or an absolute URL (a `next_page_url`). */
  path: string;
  query?: readonly [string, string][];
  /** Form fields (sent as application/x-www-form-urlencoded). */
  form?: readonly [string, string][];
  /** A JSON body (sent as application/json) for the few endpoints that take one. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: HeadersLike;
  /** The parsed JSON body, or null for an empty body (204). */
  body: unknown;
}

export interface HttpClientConfig {
  username: string;
  secret: string;
  baseUrl: string;
  timeoutMs: number;
  retry?: RetryOptions;
  fetch?: FetchLike;
  userAgent: string;
  logger?: (event: RequestLogEvent) => void;
}

/** Error codes of connections that were never opened: the request did not leave this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);

const defaultFetch: FetchLike = async (url, init) => {
  const res = await nodeFetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    signal: init.signal as unknown as NonNullable<Parameters<typeof nodeFetch>[1]>['signal'],
    // Redirects would re-send the Authorization header elsewhere; TaskRouter does not redirect.
    redirect: 'manual',
  });
  return res;
};

/** The kind of credential a username is, for messages. */
export function credentialKind(username: string): string {
  if (/^AC/.test(username)) return 'Account SID';
  if (/^SK/.test(username)) return 'API Key SID';
  return 'username';
}

interface AttemptFailure {
  failure: 'timeout' | 'network';
  sent: boolean;
  errorCode?: string;
  cause?: unknown;
  /** The timeout that expired (for timeouts). */
  timeoutMs?: number;
  detail: string;
}

function isAttemptFailure(value: unknown): value is AttemptFailure {
  return typeof value === 'object' && value !== null && 'failure' in value;
}

export class HttpClient {
  readonly #authorization: string;
  readonly #secret: string;
  readonly username: string;
  readonly baseUrl: URL;
  readonly timeoutMs: number;
  readonly retry: ResolvedRetryOptions;
  readonly #fetch: FetchLike;
  readonly userAgent: string;
  readonly #logger?: (event: RequestLogEvent) => void;

  constructor(config: HttpClientConfig) {
    this.username = config.username;
    this.#secret = config.secret;
    this.#authorization = 'Basic ' + Buffer.from(`${config.username}:${config.secret}`, 'utf8').toString('base64');
    let base: URL;
    try {
      base = new URL(config.baseUrl);
    } catch {
      throw new TypeError(`baseUrl is not a valid absolute URL: "${config.baseUrl}"`);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new TypeError(`baseUrl must use http or https (got "${base.protocol}")`);
    }
    if (base.username || base.password) {
      throw new TypeError('baseUrl must not contain credentials; pass them to the TaskRouterClient constructor');
    }
    this.baseUrl = base;
    if (!Number.isFinite(config.timeoutMs) || config.timeoutMs <= 0) {
      throw new RangeError(`timeoutMs must be a positive number of milliseconds (got ${config.timeoutMs})`);
    }
    this.timeoutMs = config.timeoutMs;
    this.retry = resolveRetryOptions(config.retry);
    this.#fetch = config.fetch ?? defaultFetch;
    this.userAgent = config.userAgent;
    if (config.logger) this.#logger = config.logger;
  }

  /** Removes the secret from text that came from elsewhere (a server body, a library message). */
  redact(text: string): string {
    return this.#secret.length >= 4 ? text.split(this.#secret).join('[redacted]') : text;
  }

  /**
   * Resolves a path or a `next_page_url` against the base URL. An absolute URL on another origin is re-based onto
   * the configured base (its path and query are kept), so credentials are only ever sent to the configured host.
   */
  resolveUrl(pathOrUrl: string, query?: readonly [string, string][]): URL {
    let url: URL;
    if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)) {
      const given = new URL(pathOrUrl);
      url = new URL(given.pathname + given.search, this.baseUrl.origin);
    } else {
      if (!pathOrUrl.startsWith('/')) throw new TypeError(`request path must start with "/" (got "${pathOrUrl}")`);
      const prefix = this.baseUrl.pathname.replace(/\/+$/, '');
      url = new URL(prefix + pathOrUrl, this.baseUrl.origin);
    }
    for (const [k, v] of query ?? []) url.searchParams.append(k, v);
    return url;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const url = this.resolveUrl(req.path, req.query);
    const path = url.pathname;
    const method = req.method;
    const signal = req.signal;
    const headers: Record<string, string> = {
      Authorization: this.#authorization,
      Accept: 'application/json',
      'User-Agent': this.userAgent,
      ...req.headers,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['Content-Type'] = 'application/json';
    } else if (req.form !== undefined) {
      body = new URLSearchParams(req.form as [string, string][]).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const safeToRepeat = method === 'GET' || method === 'DELETE' || req.idempotent === true;
    const { maxAttempts, maxElapsedMs, now } = this.retry;
    const started = now();
    let ambiguousEarlier = false;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new RequestAbortedError(method, path, 'request');
      const attemptStarted = now();
      let outcome: { status: number; headers: HeadersLike; text: string } | AttemptFailure;
      try {
        // Each attempt gets the configured timeout, cut to what remains of the total budget.
        const remaining = maxElapsedMs - (attemptStarted - started);
        const timeoutMs = Math.max(1, Math.min(this.timeoutMs, remaining));
        outcome = await this.#attempt(url.toString(), { method, headers, body }, signal, timeoutMs);
      } catch (e) {
        if (e instanceof RequestAbortedError) throw new RequestAbortedError(method, path, 'request');
        if (!isAttemptFailure(e)) throw e;
        outcome = e;
      }

      let error: Error;
      let retryable: boolean;
      let retryAfterMs: number | undefined;
      if (isAttemptFailure(outcome)) {
        retryable = !outcome.sent || safeToRepeat;
        if (outcome.sent) ambiguousEarlier = true;
        error = this.#failureError(outcome, method, path, attempt, retryable);
      } else {
        const { status } = outcome;
        if (status >= 200 && status < 300) {
          this.#log({ method, path, attempt, status, durationMs: now() - attemptStarted });
          return { status, headers: outcome.headers, body: this.#parseBody(outcome.text, status, method, path) };
        }
        if (status === 404 && method === 'DELETE' && ambiguousEarlier) {
          // An earlier attempt of this same DELETE may have succeeded before its answer was lost.
          this.#log({ method, path, attempt, status, durationMs: now() - attemptStarted });
          return { status: 204, headers: outcome.headers, body: null };
        }
        retryAfterMs = parseRetryAfter(outcome.headers.get('retry-after'), now());
        error = this.#apiError(status, outcome.text, method, path, retryAfterMs);
        retryable = status === 429 || (status >= 500 && safeToRepeat);
        if (status >= 500) ambiguousEarlier = true;
      }

      const status = isAttemptFailure(outcome) ? undefined : outcome.status;
      const failureText = isAttemptFailure(outcome) ? outcome.detail : undefined;
      const logBase = {
        method,
        path,
        attempt,
        ...(status !== undefined ? { status } : {}),
        ...(failureText !== undefined ? { error: failureText } : {}),
      };
      if (!retryable || attempt >= maxAttempts) {
        this.#log({ ...logBase, durationMs: now() - attemptStarted });
        throw error;
      }
      const delay = retryAfterMs ?? backoffDelay(attempt - 1, this.retry);
      if (now() - started + delay > maxElapsedMs) {
        this.#log({ ...logBase, durationMs: now() - attemptStarted });
        throw error;
      }
      this.#log({ ...logBase, retryInMs: delay, durationMs: now() - attemptStarted });
      await this.#wait(delay, signal, method, path);
    }
  }

  async #wait(ms: number, signal: AbortSignal | undefined, method: string, path: string): Promise<void> {
    if (signal?.aborted) throw new RequestAbortedError(method, path, 'backoff');
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new RequestAbortedError(method, path, 'backoff'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Keep an unobserved rejection from being reported when the sleep wins.
    aborted.catch(() => undefined);
    try {
      await Promise.race([this.retry.sleep(ms, signal), aborted]);
    } catch (e) {
      if (signal?.aborted) throw new RequestAbortedError(method, path, 'backoff');
      throw e;
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  async #attempt(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<{ status: number; headers: HeadersLike; text: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const fetchInit: FetchInit = { method: init.method, headers: init.headers, signal: controller.signal };
      if (init.body !== undefined) fetchInit.body = init.body;
      const res = await this.#fetch(url, fetchInit);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text };
    } catch (e) {
      if (signal?.aborted) throw new RequestAbortedError(init.method, new URL(url).pathname, 'request');
      if (timedOut) {
        const failure: AttemptFailure = {
          failure: 'timeout',
          sent: true,
          timeoutMs,
          detail: `timed out after ${timeoutMs} ms`,
        };
        throw failure;
      }
      const code = errorCode(e);
      const failure: AttemptFailure = {
        failure: 'network',
        sent: code === undefined || !NOT_SENT_CODES.has(code),
        cause: e,
        detail: code ?? (e instanceof Error ? e.message : String(e)),
      };
      if (code !== undefined) failure.errorCode = code;
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #failureError(f: AttemptFailure, method: string, path: string, attempts: number, retryable: boolean): Error {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    const notResent =
      f.sent && !retryable
        ? ' The request may have been processed by the server, so it was not sent again; check whether it took' +
          ' effect before repeating it.'
        : '';
    if (f.failure === 'timeout') {
      return new TimeoutError(
        `${method} ${path} timed out after ${f.timeoutMs ?? this.timeoutMs} ms${tries}.${notResent}`,
        method,
        path,
        {
          timeoutMs: f.timeoutMs ?? this.timeoutMs,
          mayHaveBeenProcessed: f.sent,
        },
      );
    }
    const reason = this.redact(describeNetworkError(f.cause, f.errorCode));
    const where = f.sent ? '' : ` (could not connect to ${this.baseUrl.host})`;
    const info: { mayHaveBeenProcessed: boolean; errorCode?: string; cause?: unknown } = {
      mayHaveBeenProcessed: f.sent,
    };
    if (f.errorCode !== undefined) info.errorCode = f.errorCode;
    if (f.cause !== undefined) info.cause = f.cause;
    return new NetworkError(
      `Network error on ${method} ${path}${where}: ${reason}${tries}.${notResent}`,
      method,
      path,
      info,
    );
  }

  #apiError(
    status: number,
    text: string,
    method: string,
    path: string,
    retryAfterMs: number | undefined,
  ): TwilioApiError {
    const parsed = parseErrorBody(status, this.redact(text));
    if (status === 401 || parsed.code === 20003) {
      return new AuthenticationError(status, parsed, method, path, {
        kind: credentialKind(this.username),
        sid: this.username,
      });
    }
    if (status === 412) return new ConflictError(status, parsed, method, path);
    return new TwilioApiError(status, parsed, method, path, retryAfterMs !== undefined ? { retryAfterMs } : undefined);
  }

  #parseBody(text: string, status: number, method: string, path: string): unknown {
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TwilioApiError(
        status,
        {
          code: null,
          message: `${method} ${path} answered HTTP ${status} with a body that is not JSON`,
          moreInfo: null,
          rawBody: this.redact(text).slice(0, 500),
        },
        method,
        path,
      );
    }
  }

  #log(event: RequestLogEvent): void {
    if (!this.#logger) return;
    try {
      this.#logger(event);
    } catch {
      // A failing logger must not break requests.
    }
  }
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const rec = e as { code?: unknown; errno?: unknown; cause?: unknown };
  if (typeof rec.code === 'string' && /^E[A-Z_]+$/.test(rec.code)) return rec.code;
  if (typeof rec.errno === 'string' && /^E[A-Z_]+$/.test(rec.errno)) return rec.errno;
  if (rec.cause !== undefined && rec.cause !== e) return errorCode(rec.cause);
  return undefined;
}

function describeNetworkError(cause: unknown, code: string | undefined): string {
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection closed while sending',
    ETIMEDOUT: 'connection timed out',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
  };
  if (code !== undefined && known[code]) return `${known[code]} (${code})`;
  if (cause instanceof Error) {
    // node-fetch messages look like "request to <url> failed, reason: <reason>"; keep only the reason.
    const m = /reason: (.*)$/.exec(cause.message);
    return m?.[1] ?? cause.message;
  }
  return String(cause);
}
