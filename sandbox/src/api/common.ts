/** Helpers shared by the resource handlers. */
import type { App, Reply, Request } from '../app';
import { badRequest, preconditionFailed } from '../errors';
import { paginate } from '../paging';
import type { WorkspaceRec } from '../state';

export function listReply<T>(
  req: Request,
  key: string,
  items: readonly T[],
  toJson: (item: T) => Record<string, unknown>,
  filterNames: readonly string[],
  seqOf: ((item: T) => number) | undefined = (item) => (item as { seq: number }).seq,
): Reply {
  const { page, meta } = paginate(
    { listUrl: `${req.base}${req.path}`, query: req.query, filterNames },
    key,
    items,
    seqOf,
  );
  return { status: 200, body: { [key]: page.map(toJson), meta } };
}

export function ok(body: Record<string, unknown>, headers?: Record<string, string>): Reply {
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

export function created(body: Record<string, unknown>, headers?: Record<string, string>): Reply {
  return { status: 201, body, ...(headers ? { headers } : {}) };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function etag(version: number): Record<string, string> {
  return { ETag: `"${version}"` };
}

/** Checks `If-Match` against a resource version (412 on mismatch). `*` matches anything. */
export function checkIfMatch(req: Request, version: number, sid: string): void {
  const raw = req.headers['if-match'];
  if (raw === undefined) return;
  const values = (Array.isArray(raw) ? raw.join(',') : raw)
    .split(',')
    .map((v) => v.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  if (values.includes('*') || values.includes(String(version))) return;
  throw preconditionFailed(sid);
}

/** Resolves an activity SID of the workspace for a parameter, or a 400 naming the parameter. */
export function activityParam(ws: WorkspaceRec, name: string, sid: string | undefined): string | undefined {
  if (sid === undefined || sid === '') return undefined;
  if (!ws.activities.has(sid)) throw badRequest(`${name} ${sid} is not an Activity of Workspace ${ws.sid}`);
  return sid;
}

/** A task channel by SID or unique name, or a 400 naming the parameter. */
export function taskChannelParam(ws: WorkspaceRec, name: string, value: string): string {
  for (const c of ws.taskChannels.values()) if (c.sid === value || c.unique_name === value) return c.sid;
  throw badRequest(`${name} '${value}' is not a TaskChannel SID or unique name of Workspace ${ws.sid}`);
}

export function touchAndNow(app: App): number {
  app.touch();
  return app.now();
}
