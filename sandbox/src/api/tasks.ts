/** Tasks: created into a workflow (routed at once), updated with If-Match, listed with TaskRouter's filters. */
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import { routeNewTask, setTaskStatus, taskTransitionProblem } from '../engine';
import { taskEvent } from '../events';
import { attributesParam } from '../params';
import { taskJson } from '../serialize';
import { newSid, type TaskRec, type TaskStatus, type WorkspaceRec } from '../state';
import { checkIfMatch, created, etag, listReply, noContent, ok, taskChannelParam, touchAndNow } from './common';
import { sortByOrdering } from './ordering';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'pending',
  'reserved',
  'assigned',
  'canceled',
  'completed',
  'wrapping',
];
const MAX_PRIORITY = 2 ** 31 - 1;
const MAX_TIMEOUT = 1209600;

function virtualStartParam(app: App, req: Request): number | undefined {
  const v = req.body.date('VirtualStartTime');
  if (v === undefined) return undefined;
  if (v > app.now()) throw badRequest('VirtualStartTime cannot be in the future');
  if (v < Date.UTC(1900, 0, 1)) throw badRequest('VirtualStartTime cannot be before the year 1900');
  return v;
}

function workflowFor(ws: WorkspaceRec, sid: string | undefined, queueSid: string | undefined): string | null {
  if (sid !== undefined) {
    if (!ws.workflows.has(sid)) throw badRequest(`WorkflowSid ${sid} is not a Workflow of Workspace ${ws.sid}`);
    return sid;
  }
  if (queueSid !== undefined) return null;
  if (ws.workflows.size === 1) return [...ws.workflows.keys()][0];
  if (ws.workflows.size === 0) {
    throw badRequest(`Workspace ${ws.sid} has no Workflow: create one, or give WorkflowSid or TaskQueueSid`);
  }
  throw badRequest(`WorkflowSid is required: Workspace ${ws.sid} has ${ws.workflows.size} Workflows`);
}

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const b = req.body;
  const attrRaw = b.string('Attributes');
  const attributes = attrRaw === undefined || attrRaw === '' ? '{}' : attributesParam('Attributes', attrRaw);
  const priority = b.int('Priority', 0, MAX_PRIORITY);
  const timeout = b.int('Timeout', 1, MAX_TIMEOUT);
  const channelSid = taskChannelParam(ws, 'TaskChannel', b.string('TaskChannel') || 'default');
  const queueSid = b.sid('TaskQueueSid', 'WQ');
  if (queueSid !== undefined && !ws.taskQueues.has(queueSid)) {
    throw badRequest(`TaskQueueSid ${queueSid} is not a TaskQueue of Workspace ${ws.sid}`);
  }
  const workflowSid = workflowFor(ws, b.sid('WorkflowSid', 'WW'), queueSid);
  const virtualStart = virtualStartParam(app, req);
  const routingTarget = b.string('RoutingTarget') || null;
  if (routingTarget !== null && !/^(WK|WQ|WW)[0-9a-fA-F]{32}$/.test(routingTarget)) {
    throw badRequest(`RoutingTarget must be a Worker, TaskQueue or Workflow SID, got '${routingTarget}'`);
  }
  const ignoreCapacityParam = b.looseBool('IgnoreCapacity');
  const now = touchAndNow(app);
  const t: TaskRec = {
    sid: newSid('WT'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    attributes,
    assignment_status: 'pending',
    priority: priority ?? 0,
    requested_priority: priority ?? null,
    reason: null,
    timeout: timeout ?? 86400,
    workflow_sid: workflowSid,
    task_queue_sid: null,
    task_queue_entered_date: null,
    task_channel_sid: channelSid,
    virtual_start_time: virtualStart ?? now,
    routing_target: routingTarget,
    ignore_capacity: routingTarget?.startsWith('WK') ? (ignoreCapacityParam ?? true) : (ignoreCapacityParam ?? false),
    version: 0,
    routing: null,
    declined: [],
  };
  ws.tasks.set(t.sid, t);
  taskEvent(app, ws, t, 'task.created', `Task ${t.sid} created`);
  if (workflowSid) routeNewTask(app, ws, t);
  else if (queueSid) {
    t.task_queue_sid = queueSid;
    t.task_queue_entered_date = now;
    taskEvent(app, ws, t, 'task-queue.entered', `Task ${t.sid} entered TaskQueue ${queueSid}`);
  }
  return created(taskJson(app.out(req, ws), t), etag(t.version));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  const t = app.find(ws.tasks, req.pathParams.Sid, req);
  return ok(taskJson(app.out(req, ws), t), etag(t.version));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const t = app.find(ws.tasks, req.pathParams.Sid, req);
  checkIfMatch(req, t.version, t.sid);
  const b = req.body;
  const attrRaw = b.string('Attributes');
  const attributes = attrRaw === undefined ? undefined : attributesParam('Attributes', attrRaw === '' ? '{}' : attrRaw);
  const status = b.enumValue('AssignmentStatus', TASK_STATUSES);
  const reason = b.string('Reason');
  const priority = b.int('Priority', 0, MAX_PRIORITY);
  const channelRaw = b.string('TaskChannel');
  const channelSid = channelRaw ? taskChannelParam(ws, 'TaskChannel', channelRaw) : undefined;
  const virtualStart = virtualStartParam(app, req);
  if (status !== undefined) {
    const problem = taskTransitionProblem(t, status);
    if (problem) throw badRequest(problem);
  }
  const finished = t.assignment_status === 'canceled' || t.assignment_status === 'completed';
  if (finished && (attributes !== undefined || priority !== undefined || channelSid !== undefined)) {
    throw badRequest(`Task ${t.sid} is ${t.assignment_status} and can no longer be changed`);
  }
  const now = touchAndNow(app);
  let changed = false;
  let reroute = false;
  if (attributes !== undefined && attributes !== t.attributes) {
    t.attributes = attributes;
    changed = true;
    reroute = t.assignment_status === 'pending';
  }
  if (priority !== undefined) {
    t.requested_priority = priority;
    t.priority = priority;
    changed = true;
  }
  if (channelSid !== undefined && channelSid !== t.task_channel_sid) {
    t.task_channel_sid = channelSid;
    changed = true;
  }
  if (virtualStart !== undefined) {
    t.virtual_start_time = virtualStart;
    changed = true;
  }
  if (status !== undefined) {
    const problem = setTaskStatus(app, ws, t, status, reason ?? null);
    if (problem) throw badRequest(problem);
  } else if (reason !== undefined) {
    t.reason = reason;
    changed = true;
  }
  if (changed) {
    t.version++;
    t.date_updated = now;
    taskEvent(app, ws, t, 'task.updated', `Task ${t.sid} updated`);
  }
  if (reroute && t.workflow_sid) routeNewTask(app, ws, t);
  return ok(taskJson(app.out(req, ws), t), etag(t.version));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const t = app.find(ws.tasks, req.pathParams.Sid, req);
  checkIfMatch(req, t.version, t.sid);
  taskEvent(app, ws, t, 'task.deleted', `Task ${t.sid} deleted`);
  ws.tasks.delete(t.sid);
  for (const [sid, r] of ws.reservations) if (r.task_sid === t.sid) ws.reservations.delete(sid);
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const q = req.query;
  const priority = q.int('Priority');
  const statuses = q.list('AssignmentStatus').map((s) => {
    const found = TASK_STATUSES.find((v) => v === s.toLowerCase());
    if (!found) throw badRequest(`AssignmentStatus must be one of ${TASK_STATUSES.join(', ')}, got '${s}'`);
    return found;
  });
  const workflowSid = q.sid('WorkflowSid', 'WW');
  const workflowName = q.string('WorkflowName');
  const queueSid = q.sid('TaskQueueSid', 'WQ');
  const queueName = q.string('TaskQueueName');
  const expression = q.string('EvaluateTaskAttributes');
  const routingTarget = q.string('RoutingTarget');
  const hasAddons = q.has('HasAddons') ? q.bool('HasAddons') : undefined;
  if (expression !== undefined) {
    const problem = app.checkExpression(expression, 'filter');
    if (problem) throw badRequest(`EvaluateTaskAttributes is not a valid expression: ${problem}`);
  }
  let items = [...ws.tasks.values()].filter((t) => {
    if (priority !== undefined && t.priority !== priority) return false;
    if (statuses.length > 0 && !statuses.includes(t.assignment_status)) return false;
    if (workflowSid !== undefined && t.workflow_sid !== workflowSid) return false;
    if (workflowName !== undefined && ws.workflows.get(t.workflow_sid ?? '')?.friendly_name !== workflowName)
      return false;
    if (queueSid !== undefined && t.task_queue_sid !== queueSid) return false;
    if (queueName !== undefined && ws.taskQueues.get(t.task_queue_sid ?? '')?.friendly_name !== queueName) return false;
    if (routingTarget !== undefined && t.routing_target !== routingTarget) return false;
    if (hasAddons === true) return false;
    if (expression !== undefined) {
      let attrs: Record<string, unknown> = {};
      try {
        attrs = JSON.parse(t.attributes) as Record<string, unknown>;
      } catch {
        // Stored attributes were validated; keep the empty object if not.
      }
      if (!app.evaluate(expression, { scope: 'filter', task: attrs, now: () => new Date(app.now()) })) return false;
    }
    return true;
  });
  const ordering = q.string('Ordering');
  if (ordering) {
    const lower = ordering.toLowerCase();
    if (lower.includes('datecreated') && lower.includes('virtualstarttime')) {
      throw badRequest('Ordering cannot combine DateCreated and VirtualStartTime');
    }
    items = sortByOrdering(items, ordering, {
      DateCreated: (t) => t.seq,
      Priority: (t) => t.priority,
      VirtualStartTime: (t) => t.virtual_start_time,
    });
  }
  const out = app.out(req, ws);
  return listReply(
    req,
    'tasks',
    items,
    (t) => taskJson(out, t),
    [
      'Priority',
      'AssignmentStatus',
      'WorkflowSid',
      'WorkflowName',
      'TaskQueueSid',
      'TaskQueueName',
      'EvaluateTaskAttributes',
      'RoutingTarget',
      'Ordering',
      'HasAddons',
    ],
    ordering ? undefined : (t) => t.seq,
  );
}

export const taskRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Tasks', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Tasks', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}', handler: remove },
];
