/** Task queues: unique friendly names, `target_workers` checked by the expression parser, deletion rules. */
import { matchesQueue } from '../../../server/src/routing';
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import { routingWorker, workflowConfig } from '../engine';
import { resourceEvent, wsPath } from '../events';
import { attributesParam, friendlyNameParam } from '../params';
import { taskQueueJson } from '../serialize';
import { newSid, type TaskQueueRec, type WorkspaceRec } from '../state';
import { activityParam, created, listReply, noContent, ok, touchAndNow } from './common';
import { sortByOrdering } from './ordering';
import { queuesUsedByWorkflow } from './workflows';

function checkName(app: App, ws: WorkspaceRec, name: string, self?: TaskQueueRec): void {
  for (const q of ws.taskQueues.values()) {
    if (q !== self && q.friendly_name === name) {
      throw badRequest(`Queue named ${name} already exists for workspace ${ws.sid} for account ${app.accountSid}`);
    }
  }
}

function targetWorkersParam(app: App, req: Request): string | null | undefined {
  const raw = req.body.string('TargetWorkers');
  if (raw === undefined) return undefined;
  if (raw.trim() === '') return null;
  const problem = app.checkExpression(raw, 'targetWorkers');
  if (problem) throw badRequest(`TargetWorkers is not a valid expression: ${problem}`);
  return raw;
}

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const friendlyName = friendlyNameParam(req.body, true)!;
  const targetWorkers = targetWorkersParam(app, req);
  const max = req.body.int('MaxReservedWorkers', 1, 50);
  const order = req.body.enumValue('TaskOrder', ['FIFO', 'LIFO'] as const);
  const reservation = activityParam(ws, 'ReservationActivitySid', req.body.sid('ReservationActivitySid', 'WA'));
  const assignment = activityParam(ws, 'AssignmentActivitySid', req.body.sid('AssignmentActivitySid', 'WA'));
  checkName(app, ws, friendlyName);
  const now = touchAndNow(app);
  const q: TaskQueueRec = {
    sid: newSid('WQ'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    target_workers: targetWorkers === undefined ? '1==1' : targetWorkers,
    max_reserved_workers: max ?? 1,
    task_order: order ?? 'FIFO',
    reservation_activity_sid: reservation ?? null,
    assignment_activity_sid: assignment ?? null,
  };
  ws.taskQueues.set(q.sid, q);
  resourceEvent(
    app,
    ws,
    'task-queue.created',
    `TaskQueue ${friendlyName} created`,
    'task_queue',
    q.sid,
    `${wsPath(ws)}/TaskQueues/${q.sid}`,
  );
  return created(taskQueueJson(app.out(req, ws), q));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  return ok(taskQueueJson(app.out(req, ws), app.find(ws.taskQueues, req.pathParams.Sid, req)));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const q = app.find(ws.taskQueues, req.pathParams.Sid, req);
  const friendlyName = friendlyNameParam(req.body, false);
  const targetWorkers = targetWorkersParam(app, req);
  const max = req.body.int('MaxReservedWorkers', 1, 50);
  const order = req.body.enumValue('TaskOrder', ['FIFO', 'LIFO'] as const);
  const reservation = activityParam(ws, 'ReservationActivitySid', req.body.sid('ReservationActivitySid', 'WA'));
  const assignment = activityParam(ws, 'AssignmentActivitySid', req.body.sid('AssignmentActivitySid', 'WA'));
  if (friendlyName !== undefined) checkName(app, ws, friendlyName, q);
  const now = touchAndNow(app);
  if (friendlyName !== undefined) q.friendly_name = friendlyName;
  if (targetWorkers !== undefined) q.target_workers = targetWorkers;
  if (max !== undefined) q.max_reserved_workers = max;
  if (order) q.task_order = order;
  if (reservation) q.reservation_activity_sid = reservation;
  if (assignment) q.assignment_activity_sid = assignment;
  q.date_updated = now;
  resourceEvent(
    app,
    ws,
    'task-queue.updated',
    `TaskQueue ${q.friendly_name} updated`,
    'task_queue',
    q.sid,
    `${wsPath(ws)}/TaskQueues/${q.sid}`,
  );
  return ok(taskQueueJson(app.out(req, ws), q));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const q = app.find(ws.taskQueues, req.pathParams.Sid, req);
  const waiting = [...ws.tasks.values()].filter(
    (t) => t.task_queue_sid === q.sid && t.assignment_status !== 'canceled' && t.assignment_status !== 'completed',
  ).length;
  if (waiting > 0) {
    throw badRequest(`TaskQueue ${q.sid} (${q.friendly_name}) cannot be deleted: it has ${waiting} pending Task(s)`);
  }
  for (const wf of ws.workflows.values()) {
    const config = workflowConfig(wf);
    if (config && queuesUsedByWorkflow(config).includes(q.sid)) {
      throw badRequest(`TaskQueue ${q.sid} (${q.friendly_name}) cannot be deleted: Workflow ${wf.sid} routes to it`);
    }
  }
  ws.taskQueues.delete(q.sid);
  resourceEvent(
    app,
    ws,
    'task-queue.deleted',
    `TaskQueue ${q.friendly_name} deleted`,
    'task_queue',
    q.sid,
    `${wsPath(ws)}/TaskQueues/${q.sid}`,
  );
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const name = req.query.string('FriendlyName');
  const evaluateRaw = req.query.string('EvaluateWorkerAttributes');
  const workerSid = req.query.sid('WorkerSid', 'WK');
  let items = [...ws.taskQueues.values()].filter((q) => name === undefined || q.friendly_name === name);
  if (evaluateRaw !== undefined) {
    const attributes = JSON.parse(attributesParam('EvaluateWorkerAttributes', evaluateRaw)) as Record<string, unknown>;
    const probe = { sid: '', friendlyName: '', activitySid: '', activityName: '', available: true, attributes };
    items = items.filter((q) => matchesQueue({ sid: q.sid, targetWorkers: q.target_workers }, probe, app.evaluate));
  }
  if (workerSid !== undefined) {
    const k = ws.workers.get(workerSid);
    if (!k) throw badRequest(`WorkerSid ${workerSid} is not a Worker of Workspace ${ws.sid}`);
    const rw = routingWorker(ws, k);
    items = items.filter((q) => matchesQueue({ sid: q.sid, targetWorkers: q.target_workers }, rw, app.evaluate));
  }
  const ordering = req.query.string('Ordering');
  const sorted = ordering
    ? sortByOrdering(items, ordering, {
        DateCreated: (q) => q.seq,
        FriendlyName: (q) => q.friendly_name.toLowerCase(),
      })
    : undefined;
  const out = app.out(req, ws);
  return listReply(
    req,
    'task_queues',
    sorted ?? items,
    (q) => taskQueueJson(out, q),
    ['FriendlyName', 'EvaluateWorkerAttributes', 'WorkerSid', 'Ordering'],
    sorted ? undefined : (q) => q.seq,
  );
}

export const taskQueueRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/TaskQueues', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/TaskQueues', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}', handler: remove },
];
