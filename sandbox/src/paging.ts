/**
 * List paging as Twilio does it: `PageSize` 1..1000 (default 50), `meta` with absolute page URLs and opaque
 * `PageToken`s in `next_page_url` / `previous_page_url`.
 *
 * A token for lists in creation order remembers the last item's creation sequence, so items created or deleted while
 * a client pages through do not shift later pages. Lists with a custom order use an offset token.
 */
import { ApiError, badRequest } from './errors';
import type { Params } from './params';

export interface PageMeta {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

interface Token {
  /** Items after this creation sequence number. */
  s?: number;
  /** Items before this creation sequence number (previous page). */
  b?: number;
  /** Offset into the list. */
  o?: number;
}

function encodeToken(t: Token): string {
  return 'PT' + Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(raw: string): Token {
  try {
    if (!raw.startsWith('PT')) throw new Error('prefix');
    const t = JSON.parse(Buffer.from(raw.slice(2), 'base64url').toString('utf8')) as Token;
    if (typeof t !== 'object' || t === null) throw new Error('shape');
    for (const v of [t.s, t.b, t.o])
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) throw new Error('value');
    return t;
  } catch {
    throw badRequest(`PageToken '${raw}' is not a token this API issued; follow next_page_url`);
  }
}

export function pageSizeOf(query: Params): number {
  const raw = query.string('PageSize');
  if (raw === undefined) return 50;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`PageSize must be an integer between 1 and 1000, got '${raw}'`);
  const n = Number(raw);
  if (n < 1 || n > 1000) throw badRequest(`PageSize must be between 1 and 1000, got ${n}`);
  return n;
}

export interface PageRequest {
  /** Absolute URL of the list, without query. */
  listUrl: string;
  query: Params;
  /** The query parameters that are filters (kept in every page URL), in order. */
  filterNames: readonly string[];
}

/**
 * Cuts one page out of `items`. `seqOf` gives each item's creation sequence when the list is in creation order
 * (ascending); leave it undefined for custom orders.
 */
export function paginate<T>(
  req: PageRequest,
  key: string,
  items: readonly T[],
  seqOf: ((item: T) => number) | undefined,
): { page: T[]; meta: PageMeta } {
  const { query } = req;
  const pageSize = pageSizeOf(query);
  const pageRaw = query.string('Page');
  let pageNumber = 0;
  if (pageRaw !== undefined) {
    if (!/^\d+$/.test(pageRaw.trim())) throw badRequest(`Page must be a non-negative integer, got '${pageRaw}'`);
    pageNumber = Number(pageRaw);
  }
  const tokenRaw = query.string('PageToken');
  if (pageNumber > 0 && !tokenRaw) {
    throw new ApiError(
      400,
      20001,
      'Page without PageToken is not supported: absolute paging is deprecated, follow next_page_url',
    );
  }
  let start = 0;
  if (tokenRaw) {
    const t = decodeToken(tokenRaw);
    if (t.o !== undefined) start = t.o;
    else if (t.s !== undefined && seqOf) {
      const after = t.s;
      start = items.findIndex((it) => seqOf(it) > after);
      if (start < 0) start = items.length;
    } else if (t.b !== undefined && seqOf) {
      const before = t.b;
      let end = items.findIndex((it) => seqOf(it) >= before);
      if (end < 0) end = items.length;
      start = Math.max(0, end - pageSize);
    } else {
      throw badRequest(`PageToken '${tokenRaw}' does not fit this list; follow next_page_url`);
    }
  }
  const page = items.slice(start, start + pageSize);
  const hasNext = start + pageSize < items.length;

  const filters: [string, string][] = [];
  for (const name of req.filterNames) for (const v of query.listRaw(name)) filters.push([name, v]);
  const urlWith = (page: number, token?: string): string => {
    const qs = new URLSearchParams(filters);
    qs.append('PageSize', String(pageSize));
    qs.append('Page', String(page));
    if (token) qs.append('PageToken', token);
    return `${req.listUrl}?${qs.toString()}`;
  };
  let next: string | null = null;
  if (hasNext) {
    const token =
      seqOf && page.length > 0
        ? encodeToken({ s: seqOf(page[page.length - 1]) })
        : encodeToken({ o: start + pageSize });
    next = urlWith(pageNumber + 1, token);
  }
  let previous: string | null = null;
  if (start > 0 && pageNumber > 0) {
    const token =
      seqOf && page.length > 0 ? encodeToken({ b: seqOf(page[0]) }) : encodeToken({ o: Math.max(0, start - pageSize) });
    previous = urlWith(pageNumber - 1, token);
  }
  return {
    page,
    meta: {
      page: pageNumber,
      page_size: pageSize,
      first_page_url: urlWith(0),
      previous_page_url: previous,
      url: urlWith(pageNumber, tokenRaw),
      next_page_url: next,
      key,
    },
  };
}
