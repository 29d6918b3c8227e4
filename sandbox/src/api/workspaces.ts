/** Workspaces: create (default activities, task channels, the FIFO template), fetch, update, delete, list. */
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import { resourceEvent } from '../events';
import { friendlyNameParam } from '../params';
import { workspaceJson } from '../serialize';
import {
  newSid,
  type ActivityRec,
  type TaskChannelRec,
  type TaskQueueRec,
  type WorkflowRec,
  type WorkspaceRec,
} from '../state';
import { activityParam, created, listReply, noContent, ok, touchAndNow } from './common';

/** Activities TaskRouter puts in every new workspace; the first is the default and the timeout activity. */
export const DEFAULT_ACTIVITIES: readonly { name: string; available: boolean }[] = [
  { name: 'Offline', available: false },
  { name: 'Available', available: true },
  { name: 'Unavailable', available: false },
];

/** Task channels of a new workspace. */
export const DEFAULT_TASK_CHANNELS: readonly { unique: string; name: string }[] = [
  { unique: 'default', name: 'Default' },
  { unique: 'voice', name: 'Voice' },
  { unique: 'chat', name: 'Chat' },
  { unique: 'sms', name: 'SMS' },
  { unique: 'video', name: 'Video' },
  { unique: 'email', name: 'Email' },
];

export const FIFO_QUEUE_NAME = 'Sample Queue';
export const FIFO_WORKFLOW_NAME = 'Default Fifo Workflow';

function newWorkspace(app: App, friendlyName: string, now: number): WorkspaceRec {
  return {
    sid: newSid('WS'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    event_callback_url: null,
    events_filter: null,
    multi_task_enabled: true,
    default_activity_sid: null,
    timeout_activity_sid: null,
    prioritize_queue_order: 'FIFO',
    activities: new Map(),
    taskQueues: new Map(),
    workers: new Map(),
    workflows: new Map(),
    tasks: new Map(),
    taskChannels: new Map(),
    workerChannels: new Map(),
    reservations: new Map(),
    events: [],
  };
}

function urlParam(req: Request, name: string): string | undefined {
  const v = req.body.string(name);
  if (v === undefined || v === '') return v;
  if (!/^https?:\/\/\S+$/i.test(v)) throw badRequest(`${name} must be an absolute http(s) URL, got '${v}'`);
  return v;
}

function create(app: App, req: Request) {
  const friendlyName = friendlyNameParam(req.body, true)!;
  const template = req.body.enumValue('Template', ['NONE', 'FIFO'] as const) ?? 'NONE';
  const order = req.body.enumValue('PrioritizeQueueOrder', ['FIFO', 'LIFO'] as const);
  const multi = req.body.bool('MultiTaskEnabled');
  const callback = urlParam(req, 'EventCallbackUrl');
  const eventsFilter = req.body.string('EventsFilter');
  for (const ws of app.state.workspaces.values()) {
    if (ws.friendly_name === friendlyName) {
      throw badRequest(`Workspace named ${friendlyName} already exists for account ${app.accountSid}`);
    }
  }
  const now = touchAndNow(app);
  const ws = newWorkspace(app, friendlyName, now);
  if (order) ws.prioritize_queue_order = order;
  if (multi !== undefined) ws.multi_task_enabled = multi;
  if (callback !== undefined) ws.event_callback_url = callback === '' ? null : callback;
  if (eventsFilter !== undefined) ws.events_filter = eventsFilter;
  for (const a of DEFAULT_ACTIVITIES) {
    const rec: ActivityRec = {
      sid: newSid('WA'),
      seq: app.state.nextSeq(),
      date_created: now,
      date_updated: now,
      friendly_name: a.name,
      available: a.available,
    };
    ws.activities.set(rec.sid, rec);
  }
  const offline = [...ws.activities.values()][0].sid;
  ws.default_activity_sid = offline;
  ws.timeout_activity_sid = offline;
  for (const c of DEFAULT_TASK_CHANNELS) {
    const rec: TaskChannelRec = {
      sid: newSid('TC'),
      seq: app.state.nextSeq(),
      date_created: now,
      date_updated: now,
      friendly_name: c.name,
      unique_name: c.unique,
      channel_optimized_routing: null,
    };
    ws.taskChannels.set(rec.sid, rec);
  }
  if (template === 'FIFO') {
    const queue: TaskQueueRec = {
      sid: newSid('WQ'),
      seq: app.state.nextSeq(),
      date_created: now,
      date_updated: now,
      friendly_name: FIFO_QUEUE_NAME,
      target_workers: '1==1',
      max_reserved_workers: 1,
      task_order: 'FIFO',
      reservation_activity_sid: null,
      assignment_activity_sid: null,
    };
    ws.taskQueues.set(queue.sid, queue);
    const workflow: WorkflowRec = {
      sid: newSid('WW'),
      seq: app.state.nextSeq(),
      date_created: now,
      date_updated: now,
      friendly_name: FIFO_WORKFLOW_NAME,
      configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
      assignment_callback_url: null,
      fallback_assignment_callback_url: null,
      task_reservation_timeout: 120,
    };
    ws.workflows.set(workflow.sid, workflow);
  }
  app.state.workspaces.set(ws.sid, ws);
  resourceEvent(
    app,
    ws,
    'workspace.created',
    `Workspace ${friendlyName} created`,
    'workspace',
    ws.sid,
    `/v1/Workspaces/${ws.sid}`,
  );
  return created(workspaceJson(req.base, app.accountSid, ws));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req, 'Sid');
  return ok(workspaceJson(req.base, app.accountSid, ws));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req, 'Sid');
  const friendlyName = friendlyNameParam(req.body, false);
  const defaultActivity = activityParam(ws, 'DefaultActivitySid', req.body.sid('DefaultActivitySid', 'WA'));
  const timeoutActivity = activityParam(ws, 'TimeoutActivitySid', req.body.sid('TimeoutActivitySid', 'WA'));
  const order = req.body.enumValue('PrioritizeQueueOrder', ['FIFO', 'LIFO'] as const);
  const multi = req.body.bool('MultiTaskEnabled');
  const callback = urlParam(req, 'EventCallbackUrl');
  const eventsFilter = req.body.string('EventsFilter');
  if (friendlyName !== undefined && friendlyName !== ws.friendly_name) {
    for (const other of app.state.workspaces.values()) {
      if (other !== ws && other.friendly_name === friendlyName) {
        throw badRequest(`Workspace named ${friendlyName} already exists for account ${app.accountSid}`);
      }
    }
  }
  const now = touchAndNow(app);
  if (friendlyName !== undefined) ws.friendly_name = friendlyName;
  if (defaultActivity) ws.default_activity_sid = defaultActivity;
  if (timeoutActivity) ws.timeout_activity_sid = timeoutActivity;
  if (order) ws.prioritize_queue_order = order;
  if (multi !== undefined) ws.multi_task_enabled = multi;
  if (callback !== undefined) ws.event_callback_url = callback === '' ? null : callback;
  if (eventsFilter !== undefined) ws.events_filter = eventsFilter === '' ? null : eventsFilter;
  ws.date_updated = now;
  return ok(workspaceJson(req.base, app.accountSid, ws));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req, 'Sid');
  app.state.workspaces.delete(ws.sid);
  app.touch();
  return noContent();
}

function list(app: App, req: Request) {
  const name = req.query.string('FriendlyName');
  const items = [...app.state.workspaces.values()].filter((ws) => name === undefined || ws.friendly_name === name);
  return listReply(req, 'workspaces', items, (ws) => workspaceJson(req.base, app.accountSid, ws), ['FriendlyName']);
}

export const workspaceRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces', handler: list },
  { method: 'POST', template: '/v1/Workspaces', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{Sid}', handler: remove },
];
