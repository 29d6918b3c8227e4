/**
 * Paging: a list body has its items under the resource's key (`workers`, `task_queues`, `channels`, ...) and a
 * `meta` object whose `next_page_url` is null on the last page. The client only follows `next_page_url` (absolute
 * `Page=` paging is deprecated by Twilio). `list()` is lazy: it fetches the next page only when iteration reaches it.
 */
import type { HttpClient, RequestOptions } from './http';
import { encodeParams, type ParamSpec } from './params';

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** The `meta.next_page_url` of this page, or null on the last page. */
  nextPageUrl: string | null;
  hasNextPage: boolean;
  /** Fetches the next page, or resolves null on the last page. Uses the signal of the call that made this page. */
  nextPage(opts?: RequestOptions): Promise<Page<T> | null>;
}

export interface PagingParams {
  /** Items per page, 1..1000 (the API's default is 50). */
  pageSize?: number;
}

export interface ListParams extends PagingParams {
  /** Stop after this many items (pages are still fetched one at a time). */
  limit?: number;
}

export interface ListEndpointConfig<T> {
  http: HttpClient;
  /** Name used in messages, e.g. `workers`. */
  name: string;
  path: string;
  /** The key of the items in the list body, e.g. `task_queues`. */
  key: string;
  filters: ParamSpec['fields'];
  map: (json: unknown) => T;
}

export const MAX_PAGE_SIZE = 1000;

function checkPageSize(operation: string, pageSize: unknown): number | undefined {
  if (pageSize === undefined) return undefined;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(
      `${operation}: pageSize must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${String(pageSize)})`,
    );
  }
  return pageSize;
}

function checkLimit(operation: string, limit: unknown): number | undefined {
  if (limit === undefined) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`${operation}: limit must be a whole number >= 0 (got ${String(limit)})`);
  }
  return limit;
}

/** A read-only list endpoint: `page`, `pageAt` and `list`. */
export class ListEndpoint<T, L extends object> {
  constructor(private readonly config: ListEndpointConfig<T>) {}

  /** Fetches the first page matching `params`. */
  async page(params?: L & PagingParams, opts?: RequestOptions): Promise<Page<T>> {
    const operation = `${this.config.name}.page`;
    const { pageSize, ...filters } = (params ?? {}) as L & PagingParams;
    const size = checkPageSize(operation, pageSize);
    const query = encodeParams({ operation, fields: this.config.filters, json: ['evaluateWorkerAttributes'] }, filters);
    if (size !== undefined) query.push(['PageSize', String(size)]);
    return this.#fetchPage(this.config.path, query, opts);
  }

  /** Fetches the page at a `next_page_url` (absolute or a path; always sent to the client's own base URL). */
  async pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<T>> {
    if (typeof nextPageUrl !== 'string' || nextPageUrl === '') {
      throw new TypeError(`${this.config.name}.pageAt: nextPageUrl must be a non-empty string`);
    }
    return this.#fetchPage(nextPageUrl, undefined, opts);
  }

  /**
   * Iterates over every item matching `params`, fetching one page at a time and only when iteration needs it.
   * Without `pageSize`, a `limit` under 1000 is also used as the page size.
   */
  async *list(params?: L & ListParams, opts?: RequestOptions): AsyncIterableIterator<T> {
    const operation = `${this.config.name}.list`;
    const { limit, ...rest } = (params ?? {}) as L & ListParams;
    const max = checkLimit(operation, limit);
    if (max === 0) return;
    const pageParams = { ...rest } as L & PagingParams;
    if (pageParams.pageSize === undefined && max !== undefined) pageParams.pageSize = Math.min(max, MAX_PAGE_SIZE);
    let page: Page<T> | null = await this.page(pageParams, opts);
    let yielded = 0;
    // Page URLs already followed: a server that loops would otherwise make this iterate forever.
    const seen = new Set<string>();
    while (page) {
      for (const item of page.items) {
        yield item;
        yielded++;
        if (max !== undefined && yielded >= max) return;
      }
      if (!page.hasNextPage || page.items.length === 0) return;
      if (page.nextPageUrl !== null && seen.has(page.nextPageUrl)) {
        throw new Error(`${operation}: the server sent the same next_page_url twice (${page.nextPageUrl}); stopping`);
      }
      if (page.nextPageUrl !== null) seen.add(page.nextPageUrl);
      page = await page.nextPage(opts);
    }
  }

  async #fetchPage(pathOrUrl: string, query: [string, string][] | undefined, opts?: RequestOptions): Promise<Page<T>> {
    const req: Parameters<HttpClient['request']>[0] = { method: 'GET', path: pathOrUrl };
    if (query) req.query = query;
    if (opts?.signal) req.signal = opts.signal;
    const res = await this.config.http.request(req);
    const body = res.body as { meta?: { next_page_url?: unknown; key?: unknown } } & Record<string, unknown>;
    if (body === null || typeof body !== 'object') {
      throw new TypeError(`${this.config.name}: the list response has no JSON object body`);
    }
    const key =
      typeof body.meta?.key === 'string' && Array.isArray(body[body.meta.key]) ? body.meta.key : this.config.key;
    const raw = body[key];
    if (!Array.isArray(raw)) {
      throw new TypeError(`${this.config.name}: the list response has no "${this.config.key}" array`);
    }
    const next = body.meta?.next_page_url;
    const nextPageUrl = typeof next === 'string' && next !== '' ? next : null;
    const items = raw.map((item) => this.config.map(item));
    const signalOpts = opts;
    return {
      items,
      nextPageUrl,
      hasNextPage: nextPageUrl !== null,
      nextPage: (nextOpts?: RequestOptions) =>
        nextPageUrl === null ? Promise.resolve(null) : this.pageAt(nextPageUrl, nextOpts ?? signalOpts),
    };
  }
}
