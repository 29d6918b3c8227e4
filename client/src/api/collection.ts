/**
 * Generic collections: a list endpoint plus instance operations (`get`, `update`, `delete`, `create`).
 */
import type { HttpClient, HttpRequest, HttpResponse, RequestOptions } from './http';
import { ListEndpoint, type ListParams, type Page, type PagingParams } from './paging';
import { encodeParams } from './params';
import { JSON_FIELDS } from './requests';

/** Options of an update or delete of a resource that supports optimistic concurrency (tasks, workers). */
export interface ConditionalRequestOptions extends RequestOptions {
  /** Sent as the `If-Match` header: the `etag` of the version you read. A mismatch rejects with a ConflictError. */
  ifMatch?: string;
}

export interface Collection<T, C, U, L> {
  create(params: C, opts?: RequestOptions): Promise<T>;
  get(sid: string, opts?: RequestOptions): Promise<T>;
  update(sid: string, params: U, opts?: ConditionalRequestOptions): Promise<T>;
  delete(sid: string, opts?: ConditionalRequestOptions): Promise<void>;
  page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>>;
  pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>>;
  /** Lazy: fetches page by page as iteration proceeds. */
  list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T>;
}

/** A sub-resource list with get and update only (reservations, worker channels). */
export interface ReadUpdateCollection<T, U, L> {
  get(sid: string, opts?: RequestOptions): Promise<T>;
  update(sid: string, params: U, opts?: ConditionalRequestOptions): Promise<T>;
  page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>>;
  pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>>;
  list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T>;
}

/** A read-only list (events). */
export interface ReadOnlyCollection<T, L> {
  get(sid: string, opts?: RequestOptions): Promise<T>;
  page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>>;
  pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>>;
  list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T>;
}

export interface CollectionConfig<T> {
  http: HttpClient;
  /** Name used in messages, e.g. `workers`. */
  name: string;
  /** The list path, e.g. `/v1/Workspaces/WS.../Workers`. */
  path: string;
  /** The key of the items in list bodies. */
  key: string;
  /** Maps one JSON object (and the response's ETag when there is one) to the resource. */
  map: (json: unknown, etag: string | null) => T;
  createFields?: Readonly<Record<string, true>>;
  createRequired?: readonly string[];
  updateFields?: Readonly<Record<string, true>>;
  listFilters: Readonly<Record<string, true>>;
  /** Whether updates and deletes accept If-Match. */
  ifMatch: boolean;
  /** Name of the API's concurrency helper to suggest when If-Match is not supported. */
  ifMatchHint?: string;
}

/** Checks a SID argument and encodes it for a path. */
export function sidSegment(operation: string, what: string, sid: unknown): string {
  if (typeof sid !== 'string' || sid.trim() === '') {
    throw new TypeError(`${operation}: ${what} must be a non-empty string (got ${JSON.stringify(sid) ?? String(sid)})`);
  }
  return encodeURIComponent(sid);
}

export class ResourceCollection<T, C extends object, U extends object, L extends object> implements Collection<
  T,
  C,
  U,
  L
> {
  readonly #list: ListEndpoint<T, L>;

  constructor(private readonly config: CollectionConfig<T>) {
    this.#list = listEndpointFor<T, L>(config);
  }

  async create(params: C, opts?: RequestOptions): Promise<T> {
    const operation = `${this.config.name}.create`;
    if (!this.config.createFields) throw new TypeError(`${operation}: this resource cannot be created`);
    const form = encodeParams(
      { operation, fields: this.config.createFields, required: this.config.createRequired ?? [], json: JSON_FIELDS },
      params,
    );
    const res = await this.#send({ method: 'POST', path: this.config.path, form }, opts, false);
    return this.config.map(res.body, res.headers.get('etag'));
  }

  async get(sid: string, opts?: RequestOptions): Promise<T> {
    const path = `${this.config.path}/${sidSegment(`${this.config.name}.get`, 'sid', sid)}`;
    const res = await this.#send({ method: 'GET', path }, opts, false);
    return this.config.map(res.body, res.headers.get('etag'));
  }

  async update(sid: string, params: U, opts?: ConditionalRequestOptions): Promise<T> {
    const operation = `${this.config.name}.update`;
    if (!this.config.updateFields) throw new TypeError(`${operation}: this resource cannot be updated`);
    const path = `${this.config.path}/${sidSegment(operation, 'sid', sid)}`;
    const form = encodeParams({ operation, fields: this.config.updateFields, json: JSON_FIELDS }, params);
    const res = await this.#send({ method: 'POST', path, form }, opts, true, operation);
    return this.config.map(res.body, res.headers.get('etag'));
  }

  async delete(sid: string, opts?: ConditionalRequestOptions): Promise<void> {
    const operation = `${this.config.name}.delete`;
    const path = `${this.config.path}/${sidSegment(operation, 'sid', sid)}`;
    await this.#send({ method: 'DELETE', path }, opts, true, operation);
  }

  page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>> {
    return this.#list.page(params, opts);
  }

  pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>> {
    return this.#list.pageAt(nextPageUrl, opts);
  }

  list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T> {
    return this.#list.list(params, opts);
  }

  #send(
    req: HttpRequest,
    opts: ConditionalRequestOptions | undefined,
    conditional: boolean,
    operation?: string,
  ): Promise<HttpResponse> {
    return sendWith(
      this.config.http,
      req,
      opts,
      conditional && this.config.ifMatch,
      operation,
      this.config.ifMatchHint,
    );
  }
}

/** Sends a request with the call's options: signal, idempotent, and If-Match where the resource supports it. */
export function sendWith(
  http: HttpClient,
  req: HttpRequest,
  opts: ConditionalRequestOptions | undefined,
  ifMatchAllowed: boolean,
  operation?: string,
  hint?: string,
): Promise<HttpResponse> {
  const full: HttpRequest = { ...req };
  if (opts?.signal) full.signal = opts.signal;
  if (opts?.idempotent) full.idempotent = true;
  if (opts?.ifMatch !== undefined) {
    if (!ifMatchAllowed) {
      throw new TypeError(
        `${operation ?? req.method}: If-Match is not supported by this resource` + (hint ? `; ${hint}` : ''),
      );
    }
    if (typeof opts.ifMatch !== 'string' || opts.ifMatch === '') {
      throw new TypeError(`${operation ?? req.method}: ifMatch must be a non-empty string (an etag)`);
    }
    full.headers = { ...full.headers, 'If-Match': opts.ifMatch };
  }
  return http.request(full);
}

export interface SubCollectionConfig<T> {
  http: HttpClient;
  name: string;
  path: string;
  key: string;
  map: (json: unknown, etag: string | null) => T;
  listFilters: Readonly<Record<string, true>>;
  updateFields?: Readonly<Record<string, true>>;
  ifMatch: boolean;
}

/** The list side of a collection: items from list bodies carry no ETag. */
function listEndpointFor<T, L extends object>(
  config: SubCollectionConfig<T> | CollectionConfig<T>,
): ListEndpoint<T, L> {
  return new ListEndpoint<T, L>({
    http: config.http,
    name: config.name,
    path: config.path,
    key: config.key,
    filters: config.listFilters,
    map: (json) => config.map(json, null),
  });
}

/** Reservations, worker channels and events: list, get and (when `updateFields` is set) update. */
export class SubCollection<T, U extends object, L extends object>
  implements ReadUpdateCollection<T, U, L>, ReadOnlyCollection<T, L>
{
  readonly #list: ListEndpoint<T, L>;

  constructor(private readonly config: SubCollectionConfig<T>) {
    this.#list = listEndpointFor<T, L>(config);
  }

  async get(sid: string, opts?: RequestOptions): Promise<T> {
    const path = `${this.config.path}/${sidSegment(`${this.config.name}.get`, 'sid', sid)}`;
    const res = await sendWith(this.config.http, { method: 'GET', path }, opts, false);
    return this.config.map(res.body, res.headers.get('etag'));
  }

  async update(sid: string, params: U, opts?: ConditionalRequestOptions): Promise<T> {
    const operation = `${this.config.name}.update`;
    if (!this.config.updateFields) throw new TypeError(`${operation}: this resource cannot be updated`);
    const path = `${this.config.path}/${sidSegment(operation, 'sid', sid)}`;
    const form = encodeParams({ operation, fields: this.config.updateFields }, params);
    const res = await sendWith(this.config.http, { method: 'POST', path, form }, opts, this.config.ifMatch, operation);
    return this.config.map(res.body, res.headers.get('etag'));
  }

  page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>> {
    return this.#list.page(params, opts);
  }

  pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>> {
    return this.#list.pageAt(nextPageUrl, opts);
  }

  list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T> {
    return this.#list.list(params, opts);
  }
}
