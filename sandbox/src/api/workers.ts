/** Workers (unique case-insensitive names, JSON-object attributes, If-Match) and their worker channels. */
import { matchesQueue, workerContext } from '../../../server/src/routing';
import type { App, Request, Route } from '../app';
import { badRequest, notFound } from '../errors';
import { changeWorkerActivity, occupying, rejectPendingReservations, routingWorker } from '../engine';
import { workerEvent } from '../events';
import { attributesParam, friendlyNameParam } from '../params';
import { workerChannelJson, workerJson } from '../serialize';
import { newSid, type WorkerChannelRec, type WorkerRec, type WorkspaceRec } from '../state';
import { activityParam, checkIfMatch, created, etag, listReply, noContent, ok, touchAndNow } from './common';
import { sortByOrdering } from './ordering';

export function addWorkerChannel(app: App, ws: WorkspaceRec, workerSid: string, channelSid: string, now: number): void {
  const wc: WorkerChannelRec = {
    sid: newSid('WC'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    worker_sid: workerSid,
    task_channel_sid: channelSid,
    configured_capacity: 1,
    available: true,
  };
  ws.workerChannels.set(wc.sid, wc);
}

function checkName(ws: WorkspaceRec, name: string, self?: WorkerRec): void {
  const lower = name.toLowerCase();
  for (const k of ws.workers.values()) {
    if (k !== self && k.friendly_name.toLowerCase() === lower) {
      throw badRequest(
        `Worker with FriendlyName ${name} already exists in Workspace ${ws.sid} (names are case-insensitive)`,
      );
    }
  }
}

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const friendlyName = friendlyNameParam(req.body, true)!;
  const activitySid =
    activityParam(ws, 'ActivitySid', req.body.sid('ActivitySid', 'WA')) ?? ws.default_activity_sid ?? undefined;
  if (!activitySid) throw badRequest(`ActivitySid is required: Workspace ${ws.sid} has no default activity`);
  const attrRaw = req.body.string('Attributes');
  const attributes = attrRaw === undefined || attrRaw === '' ? '{}' : attributesParam('Attributes', attrRaw);
  checkName(ws, friendlyName);
  const now = touchAndNow(app);
  const k: WorkerRec = {
    sid: newSid('WK'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    activity_sid: activitySid,
    attributes,
    date_status_changed: now,
    version: 0,
  };
  ws.workers.set(k.sid, k);
  for (const c of ws.taskChannels.values()) addWorkerChannel(app, ws, k.sid, c.sid, now);
  workerEvent(app, ws, k, 'worker.created', `Worker ${friendlyName} created`);
  return created(workerJson(app.out(req, ws), k), etag(k.version));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  const k = app.find(ws.workers, req.pathParams.Sid, req);
  return ok(workerJson(app.out(req, ws), k), etag(k.version));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const k = app.find(ws.workers, req.pathParams.Sid, req);
  checkIfMatch(req, k.version, k.sid);
  const friendlyName = friendlyNameParam(req.body, false);
  const activitySid = activityParam(ws, 'ActivitySid', req.body.sid('ActivitySid', 'WA'));
  const attrRaw = req.body.string('Attributes');
  const attributes = attrRaw === undefined ? undefined : attributesParam('Attributes', attrRaw === '' ? '{}' : attrRaw);
  const rejectPending = req.body.bool('RejectPendingReservations') ?? false;
  if (rejectPending && (!activitySid || ws.activities.get(activitySid)?.available)) {
    throw badRequest('RejectPendingReservations is only valid with an ActivitySid whose activity is unavailable');
  }
  if (friendlyName !== undefined) checkName(ws, friendlyName, k);
  const now = touchAndNow(app);
  let changed = false;
  if (friendlyName !== undefined && friendlyName !== k.friendly_name) {
    k.friendly_name = friendlyName;
    changed = true;
  }
  if (attributes !== undefined && attributes !== k.attributes) {
    k.attributes = attributes;
    changed = true;
    workerEvent(app, ws, k, 'worker.attributes.update', `Worker ${k.friendly_name} attributes updated`);
  }
  if (changed) {
    k.version++;
    k.date_updated = now;
  }
  if (activitySid !== undefined && activitySid !== k.activity_sid) {
    changeWorkerActivity(app, ws, k, activitySid);
    if (rejectPending) rejectPendingReservations(app, ws, k);
  }
  return ok(workerJson(app.out(req, ws), k), etag(k.version));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const k = app.find(ws.workers, req.pathParams.Sid, req);
  checkIfMatch(req, k.version, k.sid);
  const busy = occupying(ws, k.sid);
  if (busy > 0) {
    throw badRequest(
      `Worker ${k.sid} (${k.friendly_name}) cannot be deleted: it has ${busy} pending or active reservation(s)`,
    );
  }
  ws.workers.delete(k.sid);
  for (const [sid, wc] of ws.workerChannels) if (wc.worker_sid === k.sid) ws.workerChannels.delete(sid);
  workerEvent(app, ws, k, 'worker.deleted', `Worker ${k.friendly_name} deleted`);
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const q = req.query;
  const activityName = q.string('ActivityName');
  const activitySid = q.sid('ActivitySid', 'WA');
  const available = q.looseBool('Available');
  const friendlyName = q.string('FriendlyName');
  const expression = q.string('TargetWorkersExpression');
  const queueSid = q.sid('TaskQueueSid', 'WQ');
  const queueName = q.string('TaskQueueName');
  if (expression !== undefined) {
    const problem = app.checkExpression(expression, 'targetWorkers');
    if (problem) throw badRequest(`TargetWorkersExpression is not a valid expression: ${problem}`);
  }
  let queue: { sid: string; targetWorkers: string | null } | undefined;
  if (queueSid !== undefined || queueName !== undefined) {
    const found = [...ws.taskQueues.values()].find(
      (tq) =>
        (queueSid === undefined || tq.sid === queueSid) && (queueName === undefined || tq.friendly_name === queueName),
    );
    // No such queue: no worker is eligible for it.
    queue = found ? { sid: found.sid, targetWorkers: found.target_workers } : { sid: '', targetWorkers: null };
  }
  let items = [...ws.workers.values()].filter((k) => {
    const activity = ws.activities.get(k.activity_sid);
    if (activitySid !== undefined && k.activity_sid !== activitySid) return false;
    if (activityName !== undefined && activity?.friendly_name !== activityName) return false;
    if (available !== undefined && (activity?.available ?? false) !== available) return false;
    if (friendlyName !== undefined && k.friendly_name.toLowerCase() !== friendlyName.toLowerCase()) return false;
    if (expression !== undefined || queue) {
      const rw = routingWorker(ws, k);
      if (queue && !matchesQueue(queue, rw, app.evaluate)) return false;
      if (
        expression !== undefined &&
        !app.evaluate(expression, { scope: 'targetWorkers', worker: workerContext(rw) })
      ) {
        return false;
      }
    }
    return true;
  });
  const ordering = q.string('Ordering');
  if (ordering) {
    items = sortByOrdering(items, ordering, {
      DateCreated: (k) => k.seq,
      DateUpdated: (k) => k.date_updated,
      DateStatusChanged: (k) => k.date_status_changed,
      FriendlyName: (k) => k.friendly_name.toLowerCase(),
    });
  }
  const out = app.out(req, ws);
  return listReply(
    req,
    'workers',
    items,
    (k) => workerJson(out, k),
    [
      'ActivityName',
      'ActivitySid',
      'Available',
      'FriendlyName',
      'TargetWorkersExpression',
      'TaskQueueName',
      'TaskQueueSid',
      'Ordering',
    ],
    ordering ? undefined : (k) => k.seq,
  );
}

function findWorkerChannel(app: App, ws: WorkspaceRec, req: Request): WorkerChannelRec {
  const worker = app.find(ws.workers, req.pathParams.WorkerSid, req);
  const key = req.pathParams.Sid;
  for (const wc of ws.workerChannels.values()) {
    if (wc.worker_sid !== worker.sid) continue;
    const tc = ws.taskChannels.get(wc.task_channel_sid);
    if (wc.sid === key || wc.task_channel_sid === key || tc?.unique_name === key) return wc;
  }
  throw notFound(req.path);
}

function listChannels(app: App, req: Request) {
  const ws = app.workspace(req);
  const worker = app.find(ws.workers, req.pathParams.WorkerSid, req);
  const items = [...ws.workerChannels.values()].filter((wc) => wc.worker_sid === worker.sid);
  const out = app.out(req, ws);
  return listReply(
    req,
    'channels',
    items,
    (wc) => workerChannelJson(out, wc, occupying(ws, wc.worker_sid, wc.task_channel_sid)),
    [],
  );
}

function fetchChannel(app: App, req: Request) {
  const ws = app.workspace(req);
  const wc = findWorkerChannel(app, ws, req);
  return ok(workerChannelJson(app.out(req, ws), wc, occupying(ws, wc.worker_sid, wc.task_channel_sid)));
}

function updateChannel(app: App, req: Request) {
  const ws = app.workspace(req);
  const wc = findWorkerChannel(app, ws, req);
  const capacity = req.body.int('Capacity', 0, 1000);
  const available = req.body.bool('Available');
  const now = touchAndNow(app);
  const worker = ws.workers.get(wc.worker_sid)!;
  if (capacity !== undefined && capacity !== wc.configured_capacity) {
    wc.configured_capacity = capacity;
    workerEvent(app, ws, worker, 'worker.capacity.update', `Worker ${worker.friendly_name} capacity updated`, {
      worker_channel_task_channel_sid: wc.task_channel_sid,
      worker_channel_capacity: capacity,
    });
  }
  if (available !== undefined && available !== wc.available) {
    wc.available = available;
    workerEvent(
      app,
      ws,
      worker,
      'worker.channel.availability.update',
      `Worker ${worker.friendly_name} channel availability updated`,
      {
        worker_channel_task_channel_sid: wc.task_channel_sid,
        worker_channel_available: available,
      },
    );
  }
  wc.date_updated = now;
  return ok(workerChannelJson(app.out(req, ws), wc, occupying(ws, wc.worker_sid, wc.task_channel_sid)));
}

export const workerRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Workers', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Workers', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}', handler: remove },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels', handler: listChannels },
  {
    method: 'GET',
    template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}',
    handler: fetchChannel,
  },
  {
    method: 'POST',
    template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels/{Sid}',
    handler: updateChannel,
  },
];
