/**
 * Errors thrown by the TaskRouter REST client.
 *
 * Every error names the HTTP method and the URL path it concerns (never the host's credentials: the client sends
 * them in the Authorization header only, so URLs never contain them). The secret is never part of any message.
 */
import { STATUS_CODES } from 'node:http';

/** Base class of every error this client throws on purpose. */
export class TaskRouterClientError extends Error {
  /** The HTTP method of the request that failed, e.g. `POST`. */
  readonly method: string;
  /** The URL path of the request that failed, e.g. `/v1/Workspaces/WS.../Workers` (no query string). */
  readonly path: string;

  constructor(message: string, method: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.method = method;
    this.path = path;
  }
}

/** What Twilio said about a failed request, parsed from any of the body shapes it uses. */
export interface ApiErrorBody {
  /** Twilio's error code (e.g. 20404), or null when the body carried none. */
  code: number | null;
  message: string;
  /** The documentation URL for the code (`more_info`, or `type` in RFC 9457 bodies), or null. */
  moreInfo: string | null;
  /** The `details` object of legacy bodies, or the extension members of RFC 9457 bodies, when present. */
  details?: unknown;
  /** RFC 9457 `title`, when the body used that shape. */
  title?: string;
  /** The raw body text when it was not JSON (trimmed to 500 characters). */
  rawBody?: string;
}

/** The API answered with an error status (4xx/5xx). */
export class TwilioApiError extends TaskRouterClientError {
  /** The HTTP status code. */
  readonly status: number;
  /** Twilio's error code (e.g. 20404 not found, 20001 bad request, 20003 authentication), or null. */
  readonly code: number | null;
  /** Twilio's documentation URL for the code, or null. */
  readonly moreInfo: string | null;
  /** Extra details sent by Twilio, if any. */
  readonly details?: unknown;
  /** RFC 9457 title, if the body used that shape. */
  readonly title?: string;
  /** The raw body when it was not JSON. */
  readonly rawBody?: string;
  /** The Retry-After delay the server asked for, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(
    status: number,
    body: ApiErrorBody,
    method: string,
    path: string,
    extra?: { retryAfterMs?: number; message?: string },
  ) {
    super(extra?.message ?? body.message, method, path);
    this.status = status;
    this.code = body.code;
    this.moreInfo = body.moreInfo;
    if (body.details !== undefined) this.details = body.details;
    if (body.title !== undefined) this.title = body.title;
    if (body.rawBody !== undefined) this.rawBody = body.rawBody;
    if (extra?.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }
}

/**
 * The resource changed since the caller read it: HTTP 412 for an `If-Match` mismatch (tasks, workers,
 * reservations), or the client-side check of {@link TaskRouterClient.updateWorkflowIfUnchanged}.
 */
export class ConflictError extends TwilioApiError {
  /** For the workflow check: the `dateUpdated` the caller expected. */
  readonly expectedDateUpdated?: Date;
  /** For the workflow check: the workflow's `dateUpdated` found on the server (null when it had none). */
  readonly actualDateUpdated?: Date | null;

  constructor(
    status: number,
    body: ApiErrorBody,
    method: string,
    path: string,
    extra?: { expectedDateUpdated?: Date; actualDateUpdated?: Date | null; message?: string },
  ) {
    super(status, body, method, path, extra?.message !== undefined ? { message: extra.message } : undefined);
    if (extra?.expectedDateUpdated !== undefined) this.expectedDateUpdated = extra.expectedDateUpdated;
    if (extra?.actualDateUpdated !== undefined) this.actualDateUpdated = extra.actualDateUpdated;
  }
}

/** Twilio rejected the credentials (HTTP 401, or error code 20003). The message names the SID, never the secret. */
export class AuthenticationError extends TwilioApiError {
  /** Which kind of credential was used: `Account SID`, `API Key SID` or `username`. */
  readonly credentialKind: string;
  /** The SID (username) that was used. Never the secret. */
  readonly credentialSid: string;

  constructor(
    status: number,
    body: ApiErrorBody,
    method: string,
    path: string,
    credential: { kind: string; sid: string },
  ) {
    const detail = body.message ? ` Twilio said: ${body.message}` : '';
    const code = body.code !== null ? `, code ${body.code}` : '';
    super(status, body, method, path, {
      message:
        `Authentication failed for ${method} ${path} (HTTP ${status}${code}) using ${credential.kind} ` +
        `${credential.sid}. Check that this SID and its secret belong together and are still valid.${detail}`,
    });
    this.credentialKind = credential.kind;
    this.credentialSid = credential.sid;
  }
}

/** The request could not reach Twilio or the connection broke before a complete answer arrived. */
export class NetworkError extends TaskRouterClientError {
  /** True when the request may have reached the server (so a POST may have been processed). */
  readonly mayHaveBeenProcessed: boolean;
  /** The system error code, e.g. `ECONNREFUSED`, when known. */
  readonly errorCode?: string;

  constructor(
    message: string,
    method: string,
    path: string,
    info: { mayHaveBeenProcessed: boolean; errorCode?: string; cause?: unknown },
  ) {
    super(message, method, path, { cause: info.cause });
    this.mayHaveBeenProcessed = info.mayHaveBeenProcessed;
    if (info.errorCode !== undefined) this.errorCode = info.errorCode;
  }
}

/** No complete answer arrived within the client's `timeoutMs`. */
export class TimeoutError extends TaskRouterClientError {
  readonly timeoutMs: number;
  /** True when the request may have been processed (always true once it was sent). */
  readonly mayHaveBeenProcessed: boolean;

  constructor(
    message: string,
    method: string,
    path: string,
    info: { timeoutMs: number; mayHaveBeenProcessed: boolean },
  ) {
    super(message, method, path);
    this.timeoutMs = info.timeoutMs;
    this.mayHaveBeenProcessed = info.mayHaveBeenProcessed;
  }
}

/** The caller's AbortSignal fired. `name` is `AbortError`, like the platform's abort errors. */
export class RequestAbortedError extends TaskRouterClientError {
  constructor(method: string, path: string, during: 'request' | 'backoff') {
    super(
      during === 'backoff'
        ? `${method} ${path} was cancelled while waiting to retry.`
        : `${method} ${path} was cancelled.` +
            (method === 'POST' ? ' The request may already have been processed by the server.' : ''),
      method,
      path,
    );
    this.name = 'AbortError';
  }
}

const MAX_RAW = 500;

function asCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function statusLine(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

/**
 * Parses an error body: the legacy `{code, message, more_info, status, details?}` shape, the RFC 9457
 * `{type, title, status, detail, code?, instance?}` shape, or anything else (non-JSON text, HTML, empty).
 */
export function parseErrorBody(status: number, text: string): ApiErrorBody {
  const trimmed = text.trim();
  let json: unknown;
  if (trimmed.startsWith('{')) {
    try {
      json = JSON.parse(trimmed);
    } catch {
      json = undefined;
    }
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>;
    const isProblem = ('title' in obj || 'detail' in obj || 'type' in obj) && !('more_info' in obj);
    if (isProblem) {
      const type = asString(obj.type);
      const title = asString(obj.title);
      const message = asString(obj.detail) ?? title ?? asString(obj.message) ?? statusLine(status);
      const known = new Set(['type', 'title', 'status', 'detail', 'code', 'message']);
      const extensions = Object.fromEntries(Object.entries(obj).filter(([k]) => !known.has(k)));
      const body: ApiErrorBody = {
        code: asCode(obj.code),
        message,
        moreInfo: type && type !== 'about:blank' ? type : null,
      };
      if (title !== undefined) body.title = title;
      if (Object.keys(extensions).length > 0) body.details = extensions;
      return body;
    }
    const body: ApiErrorBody = {
      code: asCode(obj.code),
      message: asString(obj.message) ?? asString(obj.detail) ?? statusLine(status),
      moreInfo: asString(obj.more_info) ?? null,
    };
    if (obj.details !== undefined && obj.details !== null) body.details = obj.details;
    return body;
  }
  if (trimmed.length === 0) return { code: null, message: statusLine(status), moreInfo: null };
  const plain = trimmed
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const snippet = plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
  return {
    code: null,
    message: snippet ? `${statusLine(status)}: ${snippet}` : statusLine(status),
    moreInfo: null,
    rawBody: trimmed.slice(0, MAX_RAW),
  };
}
