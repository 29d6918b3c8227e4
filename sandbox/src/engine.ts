/**
 * Routing inside the sandbox: a new task goes through its workflow (server/src/routing decides filter, target and
 * eligible workers), waits in its queue and is reserved to available eligible workers; reservations are accepted,
 * rejected, time out or are canceled; target timeouts, `skip_if` and the task TTL move tasks along on the sandbox
 * clock. One clock timer is armed for the next deadline after every change.
 */
import {
  countWorkers,
  eligibleWorkers,
  enterWorkflow,
  matchesQueue,
  parseRoutingConfig,
  resolveTarget,
  targetDeadline,
  targetsAt,
  type RoutingConfig,
  type RoutingTarget,
  type RoutingWorker,
} from '../../server/src/routing';
import type { App } from './app';
import type { ClockTimer } from './clock';
import { reservationEvent, taskEvent, workerEvent } from './events';
import { taskAge } from './serialize';
import {
  newSid,
  type ReservationRec,
  type ReservationStatus,
  type TaskQueueRec,
  type TaskRec,
  type WorkerRec,
  type WorkflowRec,
  type WorkspaceRec,
} from './state';

const OCCUPYING: ReadonlySet<ReservationStatus> = new Set(['pending', 'accepted', 'wrapping']);

function parseAttributes(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const configCache = new WeakMap<WorkflowRec, { text: string; config: RoutingConfig | undefined }>();

export function workflowConfig(wf: WorkflowRec): RoutingConfig | undefined {
  const cached = configCache.get(wf);
  if (cached && cached.text === wf.configuration) return cached.config;
  const config = parseRoutingConfig(wf.configuration).config;
  configCache.set(wf, { text: wf.configuration, config });
  return config;
}

/** Reservations that hold a worker's capacity on a channel (all channels when `channelSid` is undefined). */
export function occupying(ws: WorkspaceRec, workerSid: string, channelSid?: string): number {
  let n = 0;
  for (const r of ws.reservations.values()) {
    if (r.worker_sid !== workerSid || !OCCUPYING.has(r.reservation_status)) continue;
    if (channelSid !== undefined && ws.tasks.get(r.task_sid)?.task_channel_sid !== channelSid) continue;
    n++;
  }
  return n;
}

export function routingWorker(ws: WorkspaceRec, k: WorkerRec): RoutingWorker {
  const activity = ws.activities.get(k.activity_sid);
  const channels: NonNullable<RoutingWorker['channels']> = {};
  for (const wc of ws.workerChannels.values()) {
    if (wc.worker_sid !== k.sid) continue;
    const tc = ws.taskChannels.get(wc.task_channel_sid);
    if (!tc) continue;
    const assigned = occupying(ws, k.sid, tc.sid);
    const free = Math.max(0, wc.configured_capacity - assigned);
    channels[tc.unique_name] = {
      configured_capacity: wc.configured_capacity,
      assigned_tasks: assigned,
      available_capacity_percentage:
        wc.configured_capacity > 0 && wc.available ? Math.floor((free * 100) / wc.configured_capacity) : 0,
    };
  }
  return {
    sid: k.sid,
    friendlyName: k.friendly_name,
    activitySid: k.activity_sid,
    activityName: activity?.friendly_name ?? '',
    available: activity?.available ?? false,
    attributes: parseAttributes(k.attributes),
    channels,
  };
}

/** Whether the worker can take one more task of the channel now. */
export function hasCapacity(ws: WorkspaceRec, k: WorkerRec, channelSid: string): boolean {
  const activity = ws.activities.get(k.activity_sid);
  if (!activity?.available) return false;
  if (!ws.multi_task_enabled) return occupying(ws, k.sid) === 0;
  for (const wc of ws.workerChannels.values()) {
    if (wc.worker_sid === k.sid && wc.task_channel_sid === channelSid) {
      return wc.available && occupying(ws, k.sid, channelSid) < wc.configured_capacity;
    }
  }
  return false;
}

/** Workers of the workspace matching a queue's `target_workers`. */
export function queueWorkers(app: App, ws: WorkspaceRec, q: TaskQueueRec): RoutingWorker[] {
  const out: RoutingWorker[] = [];
  for (const k of ws.workers.values()) {
    const rw = routingWorker(ws, k);
    if (matchesQueue({ sid: q.sid, targetWorkers: q.target_workers }, rw, app.evaluate)) out.push(rw);
  }
  return out;
}

function nowFn(app: App): () => Date {
  return () => new Date(app.now());
}

function setQueue(app: App, ws: WorkspaceRec, t: TaskRec, target: RoutingTarget, moved: boolean): void {
  const previous = t.task_queue_sid;
  if (target.priority !== undefined) t.priority = target.priority;
  else if (t.requested_priority !== null) t.priority = t.requested_priority;
  if (previous !== target.queue) {
    t.task_queue_sid = target.queue;
    t.task_queue_entered_date = app.now();
    t.date_updated = app.now();
    if (moved && previous) {
      taskEvent(app, ws, t, 'task-queue.moved', `Task ${t.sid} moved from TaskQueue ${previous} to ${target.queue}`, {
        task_queue_target_expression: target.expression ?? null,
      });
    }
    taskEvent(app, ws, t, 'task-queue.entered', `Task ${t.sid} entered TaskQueue ${target.queue}`);
  }
}

/** Sends a new task through its workflow. Without a workflow (or a matching filter) the task stays unqueued. */
export function routeNewTask(app: App, ws: WorkspaceRec, t: TaskRec): void {
  const wf = t.workflow_sid ? ws.workflows.get(t.workflow_sid) : undefined;
  if (!wf) return;
  const config = workflowConfig(wf);
  if (!config) return;
  const attrs = parseAttributes(t.attributes);
  const age = taskAge(t, app.now());
  const entry = enterWorkflow(
    config,
    attrs,
    age,
    (queueSid) => counts(app, ws, queueSid),
    app.evaluate,
    nowFn(app),
    (target) => canAssignNow(app, ws, t, target),
  );
  taskEvent(app, ws, t, 'workflow.entered', `Task ${t.sid} entered Workflow ${wf.sid}`);
  if (!entry) {
    t.routing = null;
    return;
  }
  const { match, resolution: res } = entry;
  t.routing = res.position;
  if (!res.target) {
    cancelTask(app, ws, t, 'Workflow Timeout', 'workflow.timeout');
    return;
  }
  taskEvent(app, ws, t, 'workflow.target-matched', `Task ${t.sid} matched a target of Workflow ${wf.sid}`, {
    workflow_filter_name: match.name ?? null,
    workflow_filter_target_index: res.position.target,
  });
  setQueue(app, ws, t, res.target, false);
}

/** Whether a reservation for `t` at `target` could be created right now (then its `skip_if` does not apply). */
function canAssignNow(app: App, ws: WorkspaceRec, t: TaskRec, target: RoutingTarget): boolean {
  const q = ws.taskQueues.get(target.queue);
  return q !== undefined && assignableWorkers(app, ws, t, q, target).length > 0;
}

function counts(app: App, ws: WorkspaceRec, queueSid: string) {
  const q = ws.taskQueues.get(queueSid);
  return countWorkers(q ? queueWorkers(app, ws, q) : []);
}

function setWorkerActivity(app: App, ws: WorkspaceRec, k: WorkerRec, activitySid: string | null | undefined): void {
  if (!activitySid || activitySid === k.activity_sid || !ws.activities.has(activitySid)) return;
  const previous = k.activity_sid;
  k.activity_sid = activitySid;
  k.date_status_changed = app.now();
  k.date_updated = app.now();
  k.version++;
  workerEvent(
    app,
    ws,
    k,
    'worker.activity.update',
    `Worker ${k.friendly_name} updated to ${ws.activities.get(activitySid)?.friendly_name} Activity`,
    {
      worker_previous_activity_sid: previous,
    },
  );
}

export function changeWorkerActivity(app: App, ws: WorkspaceRec, k: WorkerRec, activitySid: string): void {
  setWorkerActivity(app, ws, k, activitySid);
}

function endPendingReservations(
  app: App,
  ws: WorkspaceRec,
  t: TaskRec,
  status: ReservationStatus,
  except?: string,
): void {
  for (const r of ws.reservations.values()) {
    if (r.task_sid !== t.sid || r.sid === except || r.reservation_status !== 'pending') continue;
    setReservationStatus(app, ws, r, status);
  }
}

function setReservationStatus(app: App, ws: WorkspaceRec, r: ReservationRec, status: ReservationStatus): void {
  r.reservation_status = status;
  r.date_updated = app.now();
  r.version++;
  reservationEvent(
    app,
    ws,
    r,
    `reservation.${status === 'wrapping' ? 'wrapup' : status}`,
    `Reservation ${r.sid} ${status}`,
  );
}

export function cancelTask(app: App, ws: WorkspaceRec, t: TaskRec, reason: string, eventType?: string): void {
  if (eventType) taskEvent(app, ws, t, eventType, `Task ${t.sid} ${reason}`);
  t.assignment_status = 'canceled';
  t.reason = reason;
  t.date_updated = app.now();
  t.version++;
  endPendingReservations(app, ws, t, 'canceled');
  taskEvent(app, ws, t, 'task.canceled', `Task ${t.sid} canceled: ${reason}`);
}

/** The task's state after its last pending reservation ended. */
function backToPendingIfUnreserved(app: App, ws: WorkspaceRec, t: TaskRec): void {
  if (t.assignment_status !== 'reserved') return;
  for (const r of ws.reservations.values()) if (r.task_sid === t.sid && r.reservation_status === 'pending') return;
  t.assignment_status = 'pending';
  t.date_updated = app.now();
  t.version++;
}

/** A reservation update through the API. Returns an error message when the transition is not allowed. */
export function updateReservation(
  app: App,
  ws: WorkspaceRec,
  r: ReservationRec,
  status: ReservationStatus,
  workerActivitySid: string | undefined,
): string | undefined {
  const t = ws.tasks.get(r.task_sid);
  const k = ws.workers.get(r.worker_sid);
  if (!t || !k) return `Reservation ${r.sid} no longer has its task or worker`;
  const from = r.reservation_status;
  const queue = r.task_queue_sid ? ws.taskQueues.get(r.task_queue_sid) : undefined;
  if (status === from) return undefined;
  switch (status) {
    case 'accepted':
      if (from !== 'pending') return `Reservation ${r.sid} is ${from}; only a pending reservation can be accepted`;
      setReservationStatus(app, ws, r, 'accepted');
      endPendingReservations(app, ws, t, 'rescinded', r.sid);
      t.assignment_status = 'assigned';
      t.date_updated = app.now();
      t.version++;
      taskEvent(app, ws, t, 'task.updated', `Task ${t.sid} assigned to ${k.friendly_name}`);
      setWorkerActivity(app, ws, k, workerActivitySid ?? queue?.assignment_activity_sid);
      return undefined;
    case 'rejected':
      if (from !== 'pending') return `Reservation ${r.sid} is ${from}; only a pending reservation can be rejected`;
      setReservationStatus(app, ws, r, 'rejected');
      if (!t.declined.includes(k.sid)) t.declined.push(k.sid);
      backToPendingIfUnreserved(app, ws, t);
      setWorkerActivity(app, ws, k, workerActivitySid);
      return undefined;
    case 'wrapping':
      if (from !== 'accepted') return `Reservation ${r.sid} is ${from}; only an accepted reservation can wrap up`;
      setReservationStatus(app, ws, r, 'wrapping');
      setTaskStatus(app, ws, t, 'wrapping', t.reason);
      setWorkerActivity(app, ws, k, workerActivitySid);
      return undefined;
    case 'completed':
      if (from !== 'accepted' && from !== 'wrapping') {
        return `Reservation ${r.sid} is ${from}; only an accepted or wrapping reservation can be completed`;
      }
      setReservationStatus(app, ws, r, 'completed');
      if (t.assignment_status === 'assigned' || t.assignment_status === 'wrapping') {
        t.assignment_status = 'completed';
        t.reason = t.reason ?? 'Reservation completed';
        t.date_updated = app.now();
        t.version++;
        taskEvent(app, ws, t, 'task.completed', `Task ${t.sid} completed`);
      }
      setWorkerActivity(app, ws, k, workerActivitySid);
      return undefined;
    default:
      return `ReservationStatus ${status} cannot be set through the API; use accepted, rejected, wrapping or completed`;
  }
}

/** Why a task cannot move to `status` through the API, or undefined when it can. */
export function taskTransitionProblem(t: TaskRec, status: TaskRec['assignment_status']): string | undefined {
  const from = t.assignment_status;
  if (status === from) return undefined;
  switch (status) {
    case 'canceled':
      return from === 'pending' || from === 'reserved'
        ? undefined
        : `Task ${t.sid} is ${from}; only a pending or reserved task can be canceled`;
    case 'wrapping':
      return from === 'assigned' ? undefined : `Task ${t.sid} is ${from}; only an assigned task can move to wrapping`;
    case 'completed':
      return from === 'assigned' || from === 'wrapping'
        ? undefined
        : `Task ${t.sid} is ${from}; only an assigned or wrapping task can be completed`;
    default:
      return `AssignmentStatus ${status} cannot be set on a ${from} task; use canceled, wrapping or completed`;
  }
}

/** A task status change through the API. Returns an error message when the transition is not allowed. */
export function setTaskStatus(
  app: App,
  ws: WorkspaceRec,
  t: TaskRec,
  status: TaskRec['assignment_status'],
  reason: string | null,
): string | undefined {
  const from = t.assignment_status;
  if (status === from) return undefined;
  const accepted = [...ws.reservations.values()].filter(
    (r) => r.task_sid === t.sid && (r.reservation_status === 'accepted' || r.reservation_status === 'wrapping'),
  );
  switch (status) {
    case 'canceled':
      if (from !== 'pending' && from !== 'reserved') {
        return `Task ${t.sid} is ${from}; only a pending or reserved task can be canceled`;
      }
      cancelTask(app, ws, t, reason ?? 'Task canceled');
      return undefined;
    case 'wrapping':
      if (from !== 'assigned') return `Task ${t.sid} is ${from}; only an assigned task can move to wrapping`;
      t.assignment_status = 'wrapping';
      if (reason !== null) t.reason = reason;
      t.date_updated = app.now();
      t.version++;
      for (const r of accepted) if (r.reservation_status === 'accepted') setReservationStatus(app, ws, r, 'wrapping');
      taskEvent(app, ws, t, 'task.wrapup', `Task ${t.sid} wrapping up`);
      return undefined;
    case 'completed':
      if (from !== 'assigned' && from !== 'wrapping') {
        return `Task ${t.sid} is ${from}; only an assigned or wrapping task can be completed`;
      }
      t.assignment_status = 'completed';
      t.reason = reason;
      t.date_updated = app.now();
      t.version++;
      for (const r of accepted) setReservationStatus(app, ws, r, 'completed');
      taskEvent(app, ws, t, 'task.completed', `Task ${t.sid} completed`);
      return undefined;
    default:
      return `AssignmentStatus ${status} cannot be set on a ${from} task; use canceled, wrapping or completed`;
  }
}

/** Rejects a worker's pending reservations (RejectPendingReservations on a move to an unavailable activity). */
export function rejectPendingReservations(app: App, ws: WorkspaceRec, k: WorkerRec): void {
  for (const r of ws.reservations.values()) {
    if (r.worker_sid !== k.sid || r.reservation_status !== 'pending') continue;
    updateReservation(app, ws, r, 'rejected', undefined);
  }
}

function reserve(app: App, ws: WorkspaceRec, t: TaskRec, k: WorkerRec, wf: WorkflowRec | undefined): void {
  const now = app.now();
  const r: ReservationRec = {
    sid: newSid('WR'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    task_sid: t.sid,
    worker_sid: k.sid,
    reservation_status: 'pending',
    task_queue_sid: t.task_queue_sid,
    workflow_sid: wf?.sid ?? null,
    version: 0,
  };
  ws.reservations.set(r.sid, r);
  if (t.assignment_status === 'pending') {
    t.assignment_status = 'reserved';
    t.date_updated = now;
    t.version++;
  }
  reservationEvent(app, ws, r, 'reservation.created', `Reservation ${r.sid} created for Worker ${k.friendly_name}`);
  const q = t.task_queue_sid ? ws.taskQueues.get(t.task_queue_sid) : undefined;
  setWorkerActivity(app, ws, k, q?.reservation_activity_sid);
}

/** Moves every active task of the workspace along (timeouts) and makes the reservations that are possible now. */
export function processWorkspace(app: App, ws: WorkspaceRec): void {
  const now = app.now();
  const active = [...ws.tasks.values()].filter(
    (t) => t.assignment_status === 'pending' || t.assignment_status === 'reserved',
  );
  const pendingByTask = pendingReservationsByTask(ws);
  for (const t of active) {
    const age = taskAge(t, now);
    // Task TTL.
    if (now >= t.date_created + t.timeout * 1000) {
      cancelTask(app, ws, t, 'Task TTL Exceeded');
      continue;
    }
    const wf = t.workflow_sid ? ws.workflows.get(t.workflow_sid) : undefined;
    // Reservation timeouts.
    if (t.assignment_status === 'reserved') {
      const limit = (wf?.task_reservation_timeout ?? 120) * 1000;
      for (const r of pendingByTask.get(t.sid) ?? []) {
        if (r.reservation_status !== 'pending' || now < r.date_created + limit) continue;
        setReservationStatus(app, ws, r, 'timeout');
        if (!t.declined.includes(r.worker_sid)) t.declined.push(r.worker_sid);
        const k = ws.workers.get(r.worker_sid);
        if (k) setWorkerActivity(app, ws, k, ws.timeout_activity_sid);
      }
      backToPendingIfUnreserved(app, ws, t);
    }
    // Target timeouts.
    if (t.assignment_status === 'pending' && wf && t.routing) {
      const config = workflowConfig(wf);
      if (!config) continue;
      const targets = targetsAt(config, t.routing.filter);
      const deadline = targetDeadline(targets, t.routing.target);
      if (deadline === undefined || age < deadline) continue;
      const attrs = parseAttributes(t.attributes);
      const res = resolveTarget(targets, t.routing, age, (q) => counts(app, ws, q), app.evaluate, {
        task: attrs,
        now: nowFn(app),
        assignable: (target) => canAssignNow(app, ws, t, target),
      });
      if (res.position.target !== t.routing.target) {
        t.routing = res.position;
        t.version++;
        if (!res.target) {
          cancelTask(app, ws, t, 'Workflow Timeout', 'workflow.timeout');
          continue;
        }
        taskEvent(app, ws, t, 'workflow.target-matched', `Task ${t.sid} moved to target ${res.position.target}`, {
          workflow_filter_target_index: res.position.target,
        });
        setQueue(app, ws, t, res.target, true);
      }
    }
  }
  assign(app, ws);
}

function currentTarget(ws: WorkspaceRec, t: TaskRec): { target: RoutingTarget; wf: WorkflowRec } | undefined {
  const wf = t.workflow_sid ? ws.workflows.get(t.workflow_sid) : undefined;
  if (!wf || !t.routing) return undefined;
  const config = workflowConfig(wf);
  if (!config) return undefined;
  const target = targetsAt(config, t.routing.filter)[t.routing.target];
  return target ? { target, wf } : undefined;
}

/**
 * The workers a reservation for task `t` at `target` (in queue `q`) could go to right now, in the order they would be
 * offered it: available, with capacity on the task's channel, not declined before, matching the queue and the target.
 */
function assignableWorkers(
  app: App,
  ws: WorkspaceRec,
  t: TaskRec,
  q: TaskQueueRec,
  target: RoutingTarget,
  cache: Map<string, RoutingWorker> = new Map(),
): RoutingWorker[] {
  const known = t.routing_target?.startsWith('WK') ? t.routing_target : undefined;
  const pool = known
    ? [...ws.workers.values()].filter((k) => k.sid === known)
    : [...ws.workers.values()].filter((k) => ws.activities.get(k.activity_sid)?.available);
  const candidates = pool.filter(
    (k) =>
      !t.declined.includes(k.sid) &&
      ((known !== undefined && t.ignore_capacity === true) || hasCapacity(ws, k, t.task_channel_sid)),
  );
  if (candidates.length === 0) return [];
  const routingCandidates = candidates.map((k) => {
    let rw = cache.get(k.sid);
    if (!rw) {
      rw = routingWorker(ws, k);
      cache.set(k.sid, rw);
    }
    return rw;
  });
  const eligible = eligibleWorkers({
    target,
    // A task routed to a known worker skips the queue's target_workers.
    queue: { sid: q.sid, targetWorkers: known ? '1==1' : q.target_workers },
    task: parseAttributes(t.attributes),
    workers: routingCandidates,
    evaluate: app.evaluate,
    now: nowFn(app),
  });
  // Without order_by, the worker idle the longest goes first.
  return target.orderBy
    ? eligible
    : eligible
        .slice()
        .sort(
          (a, b) =>
            (ws.workers.get(a.sid)?.date_status_changed ?? 0) - (ws.workers.get(b.sid)?.date_status_changed ?? 0),
        );
}

function assign(app: App, ws: WorkspaceRec): void {
  // Workers that could take something now; without any, there is nothing to do.
  const anyFree = [...ws.workers.values()].some((k) => ws.activities.get(k.activity_sid)?.available);
  const pending = [...ws.tasks.values()].filter((t) => t.assignment_status === 'pending' && t.task_queue_sid);
  if (!anyFree && !pending.some((t) => t.routing_target?.startsWith('WK') && t.ignore_capacity)) return;
  if (pending.length === 0) return;
  const queueOrder = (t: TaskRec) => ws.taskQueues.get(t.task_queue_sid ?? '')?.task_order ?? 'FIFO';
  pending.sort((a, b) => {
    if (b.priority !== a.priority) return b.priority - a.priority;
    const ea = a.task_queue_entered_date ?? a.date_created;
    const eb = b.task_queue_entered_date ?? b.date_created;
    const lifo = queueOrder(a) === 'LIFO' && queueOrder(b) === 'LIFO';
    return lifo ? eb - ea || b.seq - a.seq : ea - eb || a.seq - b.seq;
  });
  const freeRouting = new Map<string, RoutingWorker>();
  for (const t of pending) {
    const q = ws.taskQueues.get(t.task_queue_sid ?? '');
    if (!q) continue;
    const cur = currentTarget(ws, t);
    const target: RoutingTarget = cur?.target ?? { queue: q.sid };
    const ordered = assignableWorkers(app, ws, t, q, target, freeRouting);
    const max = Math.max(1, q.max_reserved_workers);
    for (const rw of ordered.slice(0, max)) {
      const k = ws.workers.get(rw.sid);
      if (!k) continue;
      reserve(app, ws, t, k, cur?.wf);
      freeRouting.delete(k.sid);
    }
  }
}

function pendingReservationsByTask(ws: WorkspaceRec): Map<string, ReservationRec[]> {
  const out = new Map<string, ReservationRec[]>();
  for (const r of ws.reservations.values()) {
    if (r.reservation_status !== 'pending') continue;
    const list = out.get(r.task_sid);
    if (list) list.push(r);
    else out.set(r.task_sid, [r]);
  }
  return out;
}

/** The earliest moment (ms) anything time-based happens in the workspace, if any. */
export function nextDeadline(ws: WorkspaceRec): number | undefined {
  let next: number | undefined;
  const consider = (ms: number) => {
    if (next === undefined || ms < next) next = ms;
  };
  const pendingByTask = pendingReservationsByTask(ws);
  for (const t of ws.tasks.values()) {
    if (t.assignment_status !== 'pending' && t.assignment_status !== 'reserved') continue;
    consider(t.date_created + t.timeout * 1000);
    // A reserved task stays at its target until its reservations end (processWorkspace moves only pending tasks), so
    // its target timeout is no deadline: counting it would re-arm a timer for a moment already past, again and again.
    const wf = t.workflow_sid ? ws.workflows.get(t.workflow_sid) : undefined;
    const config = wf && t.assignment_status === 'pending' ? workflowConfig(wf) : undefined;
    if (config && t.routing) {
      const deadline = targetDeadline(targetsAt(config, t.routing.filter), t.routing.target);
      if (deadline !== undefined) consider(t.date_created + deadline * 1000);
    }
    if (t.assignment_status === 'reserved') {
      const limit = (wf?.task_reservation_timeout ?? 120) * 1000;
      for (const r of pendingByTask.get(t.sid) ?? []) consider(r.date_created + limit);
    }
  }
  return next;
}

/** How long the scheduler waits before it tries again after the data file could not be written. */
const WRITE_RETRY_MS = 1000;

/** Keeps one clock timer armed for the next deadline of any workspace. */
export class Scheduler {
  private timer: ClockTimer | undefined;
  private armedFor: number | undefined;

  constructor(private readonly app: App) {}

  /** Processes every workspace, writes the state if it changed, and re-arms the timer. */
  run(): void {
    for (const ws of this.app.state.workspaces.values()) processWorkspace(this.app, ws);
    this.app.commit();
    this.arm();
  }

  arm(): void {
    let next: number | undefined;
    for (const ws of this.app.state.workspaces.values()) {
      const d = nextDeadline(ws);
      if (d !== undefined && (next === undefined || d < next)) next = d;
    }
    if (next === this.armedFor && this.timer) return;
    this.stop();
    if (next === undefined) return;
    this.armedFor = next;
    this.timer = this.app.clock.setTimer(
      () => {
        this.timer = undefined;
        this.armedFor = undefined;
        try {
          this.run();
        } catch {
          // The data file could not be written and the state went back to what is on disk: try again in a while
          // (re-arming for a deadline already past would retry in a tight loop while the disk stays full).
          this.retryLater();
        }
      },
      Math.max(0, next - this.app.now()),
    );
  }

  private retryLater(): void {
    this.stop();
    this.timer = this.app.clock.setTimer(() => {
      this.timer = undefined;
      try {
        this.run();
      } catch {
        this.retryLater();
      }
    }, WRITE_RETRY_MS);
  }

  stop(): void {
    if (this.timer) this.app.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }
}
