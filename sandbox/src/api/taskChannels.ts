/** Task channels (fetched by SID or unique name); each worker gets a worker channel per task channel. */
import type { App, Request, Route } from '../app';
import { badRequest, notFound } from '../errors';
import { resourceEvent, wsPath } from '../events';
import { friendlyNameParam } from '../params';
import { taskChannelJson } from '../serialize';
import { newSid, type TaskChannelRec, type WorkspaceRec } from '../state';
import { created, listReply, noContent, ok, touchAndNow } from './common';
import { addWorkerChannel } from './workers';

function findChannel(ws: WorkspaceRec, req: Request): TaskChannelRec {
  const key = req.pathParams.Sid;
  for (const c of ws.taskChannels.values()) if (c.sid === key || c.unique_name === key) return c;
  throw notFound(req.path);
}

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const friendlyName = friendlyNameParam(req.body, true)!;
  const uniqueName = req.body.required('UniqueName');
  const optimized = req.body.bool('ChannelOptimizedRouting');
  for (const c of ws.taskChannels.values()) {
    if (c.unique_name === uniqueName) {
      throw badRequest(`TaskChannel with UniqueName ${uniqueName} already exists in Workspace ${ws.sid}`);
    }
  }
  const now = touchAndNow(app);
  const c: TaskChannelRec = {
    sid: newSid('TC'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    unique_name: uniqueName,
    channel_optimized_routing: optimized ?? null,
  };
  ws.taskChannels.set(c.sid, c);
  for (const k of ws.workers.values()) addWorkerChannel(app, ws, k.sid, c.sid, now);
  resourceEvent(
    app,
    ws,
    'task-channel.created',
    `TaskChannel ${uniqueName} created`,
    'task_channel',
    c.sid,
    `${wsPath(ws)}/TaskChannels/${c.sid}`,
  );
  return created(taskChannelJson(app.out(req, ws), c));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  return ok(taskChannelJson(app.out(req, ws), findChannel(ws, req)));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const c = findChannel(ws, req);
  const friendlyName = friendlyNameParam(req.body, false);
  const optimized = req.body.bool('ChannelOptimizedRouting');
  const now = touchAndNow(app);
  if (friendlyName !== undefined) c.friendly_name = friendlyName;
  if (optimized !== undefined) c.channel_optimized_routing = optimized;
  c.date_updated = now;
  return ok(taskChannelJson(app.out(req, ws), c));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const c = findChannel(ws, req);
  const used = [...ws.tasks.values()].filter(
    (t) => t.task_channel_sid === c.sid && t.assignment_status !== 'canceled' && t.assignment_status !== 'completed',
  ).length;
  if (used > 0)
    throw badRequest(`TaskChannel ${c.sid} (${c.unique_name}) cannot be deleted: ${used} active Task(s) use it`);
  ws.taskChannels.delete(c.sid);
  for (const [sid, wc] of ws.workerChannels) if (wc.task_channel_sid === c.sid) ws.workerChannels.delete(sid);
  app.touch();
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const out = app.out(req, ws);
  return listReply(req, 'channels', [...ws.taskChannels.values()], (c) => taskChannelJson(out, c), []);
}

export const taskChannelRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/TaskChannels', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/TaskChannels', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/TaskChannels/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/TaskChannels/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/TaskChannels/{Sid}', handler: remove },
];
