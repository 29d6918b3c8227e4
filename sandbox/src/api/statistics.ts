/**
 * Statistics of the workspace, workflows, task queues and workers. Real-time figures come from the current state;
 * cumulative figures are counted from the recorded events inside the requested window (default: last 15 minutes).
 */
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import { queueWorkers } from '../engine';
import { isoDate, taskAge } from '../serialize';
import type { EventRec, TaskRec, WorkspaceRec } from '../state';
import { listReply, ok } from './common';
import { channelSidOf, timeWindow } from './events';

type Json = Record<string, unknown>;
const ACTIVE = new Set(['pending', 'reserved', 'assigned', 'wrapping']);

interface Scope {
  ws: WorkspaceRec;
  channel?: string;
  queueSid?: string;
  workflowSid?: string;
  workerSid?: string;
}

function inScope(e: EventRec, s: Scope): boolean {
  if (s.channel !== undefined && e.task_channel !== s.channel) return false;
  if (s.queueSid !== undefined && e.task_queue_sid !== s.queueSid) return false;
  if (s.workflowSid !== undefined && e.workflow_sid !== s.workflowSid) return false;
  if (s.workerSid !== undefined && e.worker_sid !== s.workerSid) return false;
  return true;
}

function activeTasks(s: Scope): TaskRec[] {
  return [...s.ws.tasks.values()].filter(
    (t) =>
      ACTIVE.has(t.assignment_status) &&
      (s.channel === undefined || t.task_channel_sid === s.channel) &&
      (s.queueSid === undefined || t.task_queue_sid === s.queueSid) &&
      (s.workflowSid === undefined || t.workflow_sid === s.workflowSid),
  );
}

function duration(values: number[]): Json {
  const total = values.reduce((a, b) => a + b, 0);
  return {
    avg: values.length ? Math.round(total / values.length) : 0,
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 0,
    total,
  };
}

function splitByWaitTime(req: Request, accepted: number[], canceled: number[]): Json | null {
  const raw = req.query.string('SplitByWaitTime');
  if (raw === undefined || raw.trim() === '') return null;
  const out: Json = {};
  for (const part of raw.split(',')) {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 0)
      throw badRequest(`SplitByWaitTime must be a comma-separated list of seconds, got '${raw}'`);
    out[String(n)] = {
      above: {
        tasks_canceled: canceled.filter((v) => v > n).length,
        reservations_accepted: accepted.filter((v) => v > n).length,
      },
      below: {
        tasks_canceled: canceled.filter((v) => v <= n).length,
        reservations_accepted: accepted.filter((v) => v <= n).length,
      },
    };
  }
  return out;
}

function cumulative(app: App, req: Request, s: Scope, kind: 'workspace' | 'workflow' | 'queue'): Json {
  const { start, end } = timeWindow(app, req.query);
  const events = s.ws.events.filter((e) => e.event_date >= start && e.event_date <= end && inScope(e, s));
  const count = (type: string) => events.filter((e) => e.event_type === type).length;
  const ageOf = (e: EventRec) => Number(e.event_data.task_age ?? 0);
  const acceptedAges = events.filter((e) => e.event_type === 'reservation.accepted').map(ageOf);
  const canceledAges = events.filter((e) => e.event_type === 'task.canceled').map(ageOf);
  const body: Json = {
    account_sid: app.accountSid,
    avg_task_acceptance_time: acceptedAges.length
      ? Math.round(acceptedAges.reduce((a, b) => a + b, 0) / acceptedAges.length)
      : 0,
    start_time: isoDate(start),
    end_time: isoDate(end),
    reservations_created: count('reservation.created'),
    reservations_accepted: count('reservation.accepted'),
    reservations_rejected: count('reservation.rejected'),
    reservations_timed_out: count('reservation.timeout'),
    reservations_canceled: count('reservation.canceled'),
    reservations_rescinded: count('reservation.rescinded'),
    split_by_wait_time: splitByWaitTime(req, acceptedAges, canceledAges),
    wait_duration_until_accepted: duration(acceptedAges),
    wait_duration_until_canceled: duration(canceledAges),
    tasks_canceled: count('task.canceled'),
    tasks_completed: count('task.completed'),
    tasks_deleted: count('task.deleted'),
    tasks_moved: count('task-queue.moved'),
    workspace_sid: s.ws.sid,
  };
  if (kind === 'workspace') {
    body.tasks_created = count('task.created');
    body.tasks_timed_out_in_workflow = count('workflow.timeout');
  } else if (kind === 'workflow') {
    body.tasks_entered = count('workflow.entered');
    body.tasks_timed_out_in_workflow = count('workflow.timeout');
    body.workflow_sid = s.workflowSid;
  } else {
    body.tasks_entered = count('task-queue.entered');
    body.task_queue_sid = s.queueSid;
    const inQueue = events
      .filter((e) => e.event_type === 'reservation.accepted')
      .map((e) => {
        const entered = Date.parse(String(e.event_data.task_queue_entered_date ?? ''));
        return Number.isNaN(entered) ? 0 : Math.max(0, Math.floor((e.event_date - entered) / 1000));
      });
    body.wait_duration_in_queue_until_accepted = duration(inQueue);
  }
  return body;
}

function activityStatistics(ws: WorkspaceRec, workerSids?: Set<string>): Json[] {
  return [...ws.activities.values()].map((a) => ({
    sid: a.sid,
    friendly_name: a.friendly_name,
    workers: [...ws.workers.values()].filter((k) => k.activity_sid === a.sid && (!workerSids || workerSids.has(k.sid)))
      .length,
  }));
}

function taskRealtime(app: App, s: Scope): Json {
  const tasks = activeTasks(s);
  const now = app.now();
  const waiting = tasks.filter((t) => t.assignment_status === 'pending' || t.assignment_status === 'reserved');
  let longest: TaskRec | undefined;
  for (const t of waiting) if (!longest || t.date_created < longest.date_created) longest = t;
  const byStatus: Json = { reserved: 0, pending: 0, assigned: 0, wrapping: 0 };
  const byPriority: Record<string, number> = {};
  for (const t of tasks) {
    byStatus[t.assignment_status] = (byStatus[t.assignment_status] as number) + 1;
    byPriority[String(t.priority)] = (byPriority[String(t.priority)] ?? 0) + 1;
  }
  return {
    longest_task_waiting_age: longest ? taskAge(longest, now) : 0,
    longest_task_waiting_sid: longest?.sid ?? null,
    tasks_by_priority: byPriority,
    tasks_by_status: byStatus,
    total_tasks: tasks.length,
  };
}

function workspaceRealtime(app: App, s: Scope): Json {
  return {
    account_sid: app.accountSid,
    activity_statistics: activityStatistics(s.ws),
    ...taskRealtime(app, s),
    total_workers: s.ws.workers.size,
    workspace_sid: s.ws.sid,
  };
}

function queueRealtime(app: App, s: Scope): Json {
  const q = s.ws.taskQueues.get(s.queueSid!)!;
  const eligible = queueWorkers(app, s.ws, q);
  const rt = taskRealtime(app, s);
  const waiting = activeTasks(s).filter((t) => t.assignment_status === 'pending' || t.assignment_status === 'reserved');
  let relative: TaskRec | undefined;
  for (const t of waiting) {
    const entered = t.task_queue_entered_date ?? t.date_created;
    if (!relative || entered < (relative.task_queue_entered_date ?? relative.date_created)) relative = t;
  }
  return {
    account_sid: app.accountSid,
    activity_statistics: activityStatistics(s.ws, new Set(eligible.map((w) => w.sid))),
    ...rt,
    longest_relative_task_age_in_queue: relative
      ? Math.max(0, Math.floor((app.now() - (relative.task_queue_entered_date ?? relative.date_created)) / 1000))
      : 0,
    longest_relative_task_sid_in_queue: relative?.sid ?? null,
    task_queue_sid: q.sid,
    total_available_workers: eligible.filter((w) => w.available).length,
    total_eligible_workers: eligible.length,
    workspace_sid: s.ws.sid,
  };
}

/** Seconds each worker spent in each activity inside the window, replayed from activity events. */
function activityDurations(app: App, req: Request, ws: WorkspaceRec, workerSids: string[]): Json[] {
  const { start, end } = timeWindow(app, req.query);
  const perActivity = new Map<string, number[]>();
  for (const a of ws.activities.keys()) perActivity.set(a, []);
  for (const sid of workerSids) {
    const worker = ws.workers.get(sid);
    if (!worker) continue;
    const changes = ws.events.filter(
      (e) => e.worker_sid === sid && (e.event_type === 'worker.activity.update' || e.event_type === 'worker.created'),
    );
    const totals = new Map<string, number>();
    let from = Math.max(start, worker.date_created);
    const before = changes.filter((e) => e.event_date <= from).pop();
    const firstAfter = changes.find((e) => e.event_date > from);
    let current = String(
      before?.event_data.worker_activity_sid ??
        firstAfter?.event_data.worker_previous_activity_sid ??
        worker.activity_sid,
    );
    for (const e of changes) {
      if (e.event_date <= from || e.event_date > end) continue;
      totals.set(current, (totals.get(current) ?? 0) + (e.event_date - from));
      from = e.event_date;
      current = String(e.event_data.worker_activity_sid);
    }
    if (end > from) totals.set(current, (totals.get(current) ?? 0) + (end - from));
    for (const [activity, ms] of totals) perActivity.get(activity)?.push(Math.floor(ms / 1000));
  }
  return [...ws.activities.values()].map((a) => ({
    sid: a.sid,
    friendly_name: a.friendly_name,
    ...duration(perActivity.get(a.sid) ?? []),
  }));
}

function workerCumulative(app: App, req: Request, s: Scope, workerSids: string[]): Json {
  const c = cumulative(app, req, s, 'workspace');
  return {
    reservations_created: c.reservations_created,
    reservations_accepted: c.reservations_accepted,
    reservations_rejected: c.reservations_rejected,
    reservations_timed_out: c.reservations_timed_out,
    reservations_canceled: c.reservations_canceled,
    reservations_rescinded: c.reservations_rescinded,
    activity_durations: activityDurations(app, req, s.ws, workerSids),
    start_time: c.start_time,
    end_time: c.end_time,
  };
}

function scope(app: App, req: Request): Scope {
  const ws = app.workspace(req);
  return { ws, channel: channelSidOf(ws, req.query.string('TaskChannel')) };
}

function withUrl(req: Request, body: Json): Json {
  return { ...body, url: `${req.base}${req.path}` };
}

function pick(body: Json, keys: string[]): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => keys.includes(k)));
}

/** The fields of the `cumulative` / `realtime` blocks of each Statistics resource, as the description shows them. */
const RESERVATION_COUNTS = [
  'reservations_accepted',
  'reservations_canceled',
  'reservations_created',
  'reservations_rejected',
  'reservations_rescinded',
  'reservations_timed_out',
];
const WORKSPACE_CUMULATIVE = [
  'avg_task_acceptance_time',
  'start_time',
  'end_time',
  ...RESERVATION_COUNTS,
  'tasks_canceled',
  'tasks_created',
  'tasks_deleted',
  'tasks_moved',
  'tasks_timed_out_in_workflow',
];
const WORKSPACE_REALTIME = [
  'activity_statistics',
  'longest_task_waiting_age',
  'longest_task_waiting_sid',
  'tasks_by_status',
  'total_tasks',
  'total_workers',
];
const QUEUE_CUMULATIVE = [
  'avg_task_acceptance_time',
  'start_time',
  'end_time',
  ...RESERVATION_COUNTS,
  'tasks_canceled',
  'tasks_deleted',
  'tasks_entered',
  'tasks_moved',
];
const QUEUE_REALTIME = [
  'activity_statistics',
  'longest_task_waiting_age',
  'longest_task_waiting_sid',
  'tasks_by_status',
  'total_available_workers',
  'total_eligible_workers',
  'total_tasks',
];
const WORKFLOW_CUMULATIVE = [
  'avg_task_acceptance_time',
  'start_time',
  'end_time',
  'reservations_accepted',
  'reservations_rejected',
  'reservations_timed_out',
  'tasks_canceled',
  'tasks_entered',
  'tasks_moved',
  'tasks_timed_out_in_workflow',
];
const WORKFLOW_REALTIME = ['longest_task_waiting_age', 'longest_task_waiting_sid', 'tasks_by_status', 'total_tasks'];

function queueStats(app: App, req: Request, s: Scope): Json {
  const cum = cumulative(app, req, s, 'queue');
  const rt = queueRealtime(app, s);
  return {
    account_sid: app.accountSid,
    cumulative: pick(cum, QUEUE_CUMULATIVE),
    realtime: pick(rt, QUEUE_REALTIME),
    task_queue_sid: s.queueSid,
    workspace_sid: s.ws.sid,
  };
}

function queueScope(app: App, req: Request): Scope {
  const s = scope(app, req);
  const q = app.find(s.ws.taskQueues, req.pathParams.TaskQueueSid, req);
  return { ...s, queueSid: q.sid };
}

function workflowScope(app: App, req: Request): Scope {
  const s = scope(app, req);
  const wf = app.find(s.ws.workflows, req.pathParams.WorkflowSid, req);
  return { ...s, workflowSid: wf.sid };
}

function workersOf(app: App, req: Request, s: Scope): string[] {
  const queueSid = req.query.sid('TaskQueueSid', 'WQ');
  const queueName = req.query.string('TaskQueueName');
  const name = req.query.string('FriendlyName');
  let sids = [...s.ws.workers.values()]
    .filter((k) => name === undefined || k.friendly_name.toLowerCase() === name.toLowerCase())
    .map((k) => k.sid);
  if (queueSid !== undefined || queueName !== undefined) {
    const q = [...s.ws.taskQueues.values()].find(
      (tq) =>
        (queueSid === undefined || tq.sid === queueSid) && (queueName === undefined || tq.friendly_name === queueName),
    );
    const eligible = new Set(q ? queueWorkers(app, s.ws, q).map((w) => w.sid) : []);
    sids = sids.filter((sid) => eligible.has(sid));
  }
  return sids;
}

const W = '/v1/Workspaces/{WorkspaceSid}';

export const statisticsRoutes: Route[] = [
  {
    method: 'GET',
    template: `${W}/Statistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      const rt = workspaceRealtime(app, s);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          cumulative: pick(cumulative(app, req, s, 'workspace'), WORKSPACE_CUMULATIVE),
          realtime: pick(rt, WORKSPACE_REALTIME),
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/RealTimeStatistics`,
    handler: (app, req) => ok(withUrl(req, workspaceRealtime(app, scope(app, req)))),
  },
  {
    method: 'GET',
    template: `${W}/CumulativeStatistics`,
    handler: (app, req) => ok(withUrl(req, cumulative(app, req, scope(app, req), 'workspace'))),
  },
  {
    method: 'GET',
    template: `${W}/Workflows/{WorkflowSid}/Statistics`,
    handler: (app, req) => {
      const s = workflowScope(app, req);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          cumulative: pick(cumulative(app, req, s, 'workflow'), WORKFLOW_CUMULATIVE),
          realtime: pick(taskRealtime(app, s), WORKFLOW_REALTIME),
          workflow_sid: s.workflowSid,
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workflows/{WorkflowSid}/RealTimeStatistics`,
    handler: (app, req) => {
      const s = workflowScope(app, req);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          ...taskRealtime(app, s),
          workflow_sid: s.workflowSid,
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workflows/{WorkflowSid}/CumulativeStatistics`,
    handler: (app, req) => ok(withUrl(req, cumulative(app, req, workflowScope(app, req), 'workflow'))),
  },
  {
    method: 'GET',
    template: `${W}/TaskQueues/{TaskQueueSid}/Statistics`,
    handler: (app, req) => ok(withUrl(req, queueStats(app, req, queueScope(app, req)))),
  },
  {
    method: 'GET',
    template: `${W}/TaskQueues/{TaskQueueSid}/RealTimeStatistics`,
    handler: (app, req) => ok(withUrl(req, queueRealtime(app, queueScope(app, req)))),
  },
  {
    method: 'GET',
    template: `${W}/TaskQueues/{TaskQueueSid}/CumulativeStatistics`,
    handler: (app, req) => ok(withUrl(req, cumulative(app, req, queueScope(app, req), 'queue'))),
  },
  {
    method: 'GET',
    template: `${W}/TaskQueues/Statistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      const name = req.query.string('FriendlyName');
      const queues = [...s.ws.taskQueues.values()].filter((q) => name === undefined || q.friendly_name === name);
      return listReplyStats(
        app,
        req,
        s,
        queues.map((q) => q.sid),
      );
    },
  },
  {
    method: 'POST',
    template: `${W}/TaskQueues/RealTimeStatistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      let sids: unknown = req.body.list('TaskQueueSids');
      if (req.json !== undefined) {
        const j = req.json as Record<string, unknown>;
        sids = j.TaskQueueSids ?? j.task_queue_sids;
      }
      if (!Array.isArray(sids) || sids.length === 0) throw badRequest('TaskQueueSids must list 1 to 50 TaskQueue SIDs');
      if (sids.length > 50) throw badRequest(`TaskQueueSids lists ${sids.length} TaskQueues; the maximum is 50`);
      const data = sids.map((sid) => {
        if (typeof sid !== 'string' || !s.ws.taskQueues.has(sid)) {
          throw badRequest(`TaskQueueSids: ${String(sid)} is not a TaskQueue of Workspace ${s.ws.sid}`);
        }
        const rt = queueRealtime(app, { ...s, queueSid: sid });
        delete rt.account_sid;
        delete rt.workspace_sid;
        return rt;
      });
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          workspace_sid: s.ws.sid,
          task_queue_data: data,
          task_queue_response_count: data.length,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workers/Statistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      const sids = workersOf(app, req, s);
      return ok(
        withUrl(req, {
          realtime: { total_workers: sids.length, activity_statistics: activityStatistics(s.ws, new Set(sids)) },
          cumulative: workerCumulative(app, req, s, sids),
          account_sid: app.accountSid,
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workers/RealTimeStatistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          activity_statistics: activityStatistics(s.ws),
          total_workers: s.ws.workers.size,
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workers/CumulativeStatistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          ...workerCumulative(app, req, s, [...s.ws.workers.keys()]),
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
  {
    method: 'GET',
    template: `${W}/Workers/{WorkerSid}/Statistics`,
    handler: (app, req) => {
      const s = scope(app, req);
      const k = app.find(s.ws.workers, req.pathParams.WorkerSid, req);
      return ok(
        withUrl(req, {
          account_sid: app.accountSid,
          cumulative: workerCumulative(app, req, { ...s, workerSid: k.sid }, [k.sid]),
          worker_sid: k.sid,
          workspace_sid: s.ws.sid,
        }),
      );
    },
  },
];

function listReplyStats(app: App, req: Request, s: Scope, queueSids: string[]) {
  const items = queueSids.map((sid) => s.ws.taskQueues.get(sid)!);
  return listReply(req, 'task_queues_statistics', items, (q) => queueStats(app, req, { ...s, queueSid: q.sid }), [
    'EndDate',
    'FriendlyName',
    'Minutes',
    'StartDate',
    'TaskChannel',
    'SplitByWaitTime',
  ]);
}
