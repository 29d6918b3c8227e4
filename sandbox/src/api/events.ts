/** Events: read-only, filtered by time window and by the resources they concern; oldest first. */
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import type { Params } from '../params';
import { eventJson } from '../serialize';
import type { EventRec, WorkspaceRec } from '../state';
import { listReply, ok } from './common';

/** The window of `StartDate` / `EndDate` / `Minutes` (default: the last 15 minutes). */
export function timeWindow(app: App, q: Params): { start: number; end: number } {
  const end = q.date('EndDate') ?? app.now();
  const minutes = q.int('Minutes', 1, 43200 * 12);
  const startDate = q.date('StartDate');
  const start = startDate ?? end - (minutes ?? 15) * 60_000;
  if (start > end) throw badRequest('StartDate must be before EndDate');
  return { start, end };
}

export function channelSidOf(ws: WorkspaceRec, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (const c of ws.taskChannels.values()) if (c.sid === value || c.unique_name === value) return c.sid;
  throw badRequest(`TaskChannel '${value}' is not a TaskChannel SID or unique name of Workspace ${ws.sid}`);
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const q = req.query;
  const { start, end } = timeWindow(app, q);
  const eventType = q.string('EventType');
  const reservationSid = q.sid('ReservationSid', 'WR');
  const queueSid = q.sid('TaskQueueSid', 'WQ');
  const taskSid = q.sid('TaskSid', 'WT');
  const workerSid = q.sid('WorkerSid', 'WK');
  const workflowSid = q.sid('WorkflowSid', 'WW');
  const channel = channelSidOf(ws, q.string('TaskChannel'));
  const sid = q.sid('Sid', 'EV');
  const items = ws.events.filter(
    (e: EventRec) =>
      e.event_date >= start &&
      e.event_date <= end &&
      (eventType === undefined || e.event_type === eventType) &&
      (reservationSid === undefined || e.reservation_sid === reservationSid) &&
      (queueSid === undefined || e.task_queue_sid === queueSid) &&
      (taskSid === undefined || e.task_sid === taskSid) &&
      (workerSid === undefined || e.worker_sid === workerSid) &&
      (workflowSid === undefined || e.workflow_sid === workflowSid) &&
      (channel === undefined || e.task_channel === channel) &&
      (sid === undefined || e.sid === sid),
  );
  const out = app.out(req, ws);
  return listReply(req, 'events', items, (e) => eventJson(out, e), [
    'EndDate',
    'EventType',
    'Minutes',
    'ReservationSid',
    'StartDate',
    'TaskQueueSid',
    'TaskSid',
    'WorkerSid',
    'WorkflowSid',
    'TaskChannel',
    'Sid',
  ]);
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  const sid = req.pathParams.Sid;
  const e = ws.events.find((ev) => ev.sid === sid);
  return ok(eventJson(app.out(req, ws), app.find(new Map(e ? [[e.sid, e]] : []), sid, req)));
}

export const eventRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Events', handler: list },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Events/{Sid}', handler: fetch },
];
