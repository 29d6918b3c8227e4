/** Resource JSON exactly as the TaskRouter v1 API answers it (snake_case, absolute URLs, ISO dates). */
import type {
  ActivityRec,
  EventRec,
  ReservationRec,
  TaskChannelRec,
  TaskQueueRec,
  TaskRec,
  WorkerChannelRec,
  WorkerRec,
  WorkflowRec,
  WorkspaceRec,
} from './state';

/** Twilio's ISO 8601 form: seconds precision, `Z`. */
export function isoDate(ms: number): string;
export function isoDate(ms: number | null | undefined): string | null;
export function isoDate(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Out {
  /** `http://host:port` of the request. */
  base: string;
  accountSid: string;
  ws: WorkspaceRec;
  now: number;
}

export function wsUrl(o: { base: string; ws: { sid: string } }): string {
  return `${o.base}/v1/Workspaces/${o.ws.sid}`;
}

export function workspaceJson(base: string, accountSid: string, ws: WorkspaceRec): Record<string, unknown> {
  const url = `${base}/v1/Workspaces/${ws.sid}`;
  const name = (sid: string | null) => (sid ? (ws.activities.get(sid)?.friendly_name ?? null) : null);
  return {
    account_sid: accountSid,
    date_created: isoDate(ws.date_created),
    date_updated: isoDate(ws.date_updated),
    default_activity_name: name(ws.default_activity_sid),
    default_activity_sid: ws.default_activity_sid,
    event_callback_url: ws.event_callback_url,
    events_filter: ws.events_filter,
    friendly_name: ws.friendly_name,
    multi_task_enabled: ws.multi_task_enabled,
    sid: ws.sid,
    timeout_activity_name: name(ws.timeout_activity_sid),
    timeout_activity_sid: ws.timeout_activity_sid,
    prioritize_queue_order: ws.prioritize_queue_order,
    url,
    links: {
      activities: `${url}/Activities`,
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
      task_queues: `${url}/TaskQueues`,
      tasks: `${url}/Tasks`,
      workers: `${url}/Workers`,
      workflows: `${url}/Workflows`,
      task_channels: `${url}/TaskChannels`,
      events: `${url}/Events`,
    },
  };
}

export function activityJson(o: Out, a: ActivityRec): Record<string, unknown> {
  const w = wsUrl(o);
  return {
    account_sid: o.accountSid,
    available: a.available,
    date_created: isoDate(a.date_created),
    date_updated: isoDate(a.date_updated),
    friendly_name: a.friendly_name,
    sid: a.sid,
    workspace_sid: o.ws.sid,
    url: `${w}/Activities/${a.sid}`,
    links: { workspace: w },
  };
}

export function taskQueueJson(o: Out, q: TaskQueueRec): Record<string, unknown> {
  const w = wsUrl(o);
  const url = `${w}/TaskQueues/${q.sid}`;
  const name = (sid: string | null) => (sid ? (o.ws.activities.get(sid)?.friendly_name ?? null) : null);
  const links: Record<string, string> = {};
  if (q.assignment_activity_sid) links.assignment_activity = `${w}/Activities/${q.assignment_activity_sid}`;
  if (q.reservation_activity_sid) links.reservation_activity = `${w}/Activities/${q.reservation_activity_sid}`;
  Object.assign(links, {
    workspace: w,
    statistics: `${url}/Statistics`,
    real_time_statistics: `${url}/RealTimeStatistics`,
    cumulative_statistics: `${url}/CumulativeStatistics`,
    list_statistics: `${w}/TaskQueues/Statistics`,
    bulk_real_time_statistics: `${w}/TaskQueues/RealTimeStatistics`,
  });
  return {
    account_sid: o.accountSid,
    assignment_activity_sid: q.assignment_activity_sid,
    assignment_activity_name: name(q.assignment_activity_sid),
    date_created: isoDate(q.date_created),
    date_updated: isoDate(q.date_updated),
    friendly_name: q.friendly_name,
    max_reserved_workers: q.max_reserved_workers,
    reservation_activity_sid: q.reservation_activity_sid,
    reservation_activity_name: name(q.reservation_activity_sid),
    sid: q.sid,
    target_workers: q.target_workers,
    task_order: q.task_order,
    url,
    workspace_sid: o.ws.sid,
    links,
  };
}

export function workerJson(o: Out, k: WorkerRec, withAttributes = true): Record<string, unknown> {
  const w = wsUrl(o);
  const url = `${w}/Workers/${k.sid}`;
  const activity = o.ws.activities.get(k.activity_sid);
  return {
    account_sid: o.accountSid,
    activity_name: activity?.friendly_name ?? null,
    activity_sid: k.activity_sid,
    attributes: withAttributes ? k.attributes : null,
    available: activity?.available ?? false,
    date_created: isoDate(k.date_created),
    date_status_changed: isoDate(k.date_status_changed),
    date_updated: isoDate(k.date_updated),
    friendly_name: k.friendly_name,
    sid: k.sid,
    workspace_sid: o.ws.sid,
    url,
    links: {
      channels: `${url}/Channels`,
      activity: `${w}/Activities/${k.activity_sid}`,
      workspace: w,
      statistics: `${w}/Workers/Statistics`,
      real_time_statistics: `${w}/Workers/RealTimeStatistics`,
      cumulative_statistics: `${w}/Workers/CumulativeStatistics`,
      worker_statistics: `${url}/Statistics`,
      worker_channels: `${url}/Channels`,
      reservations: `${url}/Reservations`,
    },
  };
}

export function workflowJson(o: Out, f: WorkflowRec): Record<string, unknown> {
  const w = wsUrl(o);
  const url = `${w}/Workflows/${f.sid}`;
  return {
    account_sid: o.accountSid,
    assignment_callback_url: f.assignment_callback_url,
    configuration: f.configuration,
    date_created: isoDate(f.date_created),
    date_updated: isoDate(f.date_updated),
    document_content_type: 'application/json',
    fallback_assignment_callback_url: f.fallback_assignment_callback_url,
    friendly_name: f.friendly_name,
    sid: f.sid,
    task_reservation_timeout: f.task_reservation_timeout,
    workspace_sid: o.ws.sid,
    url,
    links: {
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

export function taskAge(t: TaskRec, now: number): number {
  return Math.max(0, Math.floor((now - t.date_created) / 1000));
}

export function taskJson(o: Out, t: TaskRec, withAttributes = true): Record<string, unknown> {
  const w = wsUrl(o);
  const url = `${w}/Tasks/${t.sid}`;
  const queue = t.task_queue_sid ? o.ws.taskQueues.get(t.task_queue_sid) : undefined;
  const workflow = t.workflow_sid ? o.ws.workflows.get(t.workflow_sid) : undefined;
  const channel = o.ws.taskChannels.get(t.task_channel_sid);
  const links: Record<string, string> = {};
  if (t.task_queue_sid) links.task_queue = `${w}/TaskQueues/${t.task_queue_sid}`;
  if (t.workflow_sid) links.workflow = `${w}/Workflows/${t.workflow_sid}`;
  links.workspace = w;
  links.reservations = `${url}/Reservations`;
  return {
    account_sid: o.accountSid,
    age: taskAge(t, o.now),
    assignment_status: t.assignment_status,
    attributes: withAttributes ? t.attributes : null,
    addons: '{}',
    date_created: isoDate(t.date_created),
    date_updated: isoDate(t.date_updated),
    task_queue_entered_date: isoDate(t.task_queue_entered_date),
    priority: t.priority,
    reason: t.reason,
    sid: t.sid,
    task_queue_sid: t.task_queue_sid,
    task_queue_friendly_name: queue?.friendly_name ?? null,
    task_channel_sid: t.task_channel_sid,
    task_channel_unique_name: channel?.unique_name ?? null,
    timeout: t.timeout,
    workflow_sid: t.workflow_sid,
    workflow_friendly_name: workflow?.friendly_name ?? null,
    workspace_sid: o.ws.sid,
    url,
    links,
    virtual_start_time: isoDate(t.virtual_start_time),
    ignore_capacity: t.ignore_capacity,
    routing_target: t.routing_target,
  };
}

export function taskChannelJson(o: Out, c: TaskChannelRec): Record<string, unknown> {
  const w = wsUrl(o);
  return {
    account_sid: o.accountSid,
    date_created: isoDate(c.date_created),
    date_updated: isoDate(c.date_updated),
    friendly_name: c.friendly_name,
    sid: c.sid,
    unique_name: c.unique_name,
    workspace_sid: o.ws.sid,
    channel_optimized_routing: c.channel_optimized_routing,
    url: `${w}/TaskChannels/${c.sid}`,
    links: { workspace: w },
  };
}

export function workerChannelJson(o: Out, c: WorkerChannelRec, assignedTasks: number): Record<string, unknown> {
  const w = wsUrl(o);
  const channel = o.ws.taskChannels.get(c.task_channel_sid);
  const free = c.configured_capacity > 0 ? Math.max(0, c.configured_capacity - assignedTasks) : 0;
  const percentage = c.configured_capacity > 0 && c.available ? Math.floor((free * 100) / c.configured_capacity) : 0;
  return {
    account_sid: o.accountSid,
    assigned_tasks: assignedTasks,
    available: c.available,
    available_capacity_percentage: percentage,
    configured_capacity: c.configured_capacity,
    date_created: isoDate(c.date_created),
    date_updated: isoDate(c.date_updated),
    sid: c.sid,
    task_channel_sid: c.task_channel_sid,
    task_channel_unique_name: channel?.unique_name ?? null,
    worker_sid: c.worker_sid,
    workspace_sid: o.ws.sid,
    url: `${w}/Workers/${c.worker_sid}/Channels/${c.sid}`,
  };
}

/** A reservation seen from its task (`via: 'task'`) or its worker. */
export function reservationJson(o: Out, r: ReservationRec, via: 'task' | 'worker'): Record<string, unknown> {
  const w = wsUrl(o);
  const worker = o.ws.workers.get(r.worker_sid);
  const url =
    via === 'task'
      ? `${w}/Tasks/${r.task_sid}/Reservations/${r.sid}`
      : `${w}/Workers/${r.worker_sid}/Reservations/${r.sid}`;
  return {
    account_sid: o.accountSid,
    date_created: isoDate(r.date_created),
    date_updated: isoDate(r.date_updated),
    reservation_status: r.reservation_status,
    sid: r.sid,
    task_sid: r.task_sid,
    worker_name: worker?.friendly_name ?? null,
    worker_sid: r.worker_sid,
    workspace_sid: o.ws.sid,
    url,
    links: {
      task: `${w}/Tasks/${r.task_sid}`,
      worker: `${w}/Workers/${r.worker_sid}`,
      workspace: w,
    },
  };
}

export function eventJson(o: Out, e: EventRec): Record<string, unknown> {
  const w = wsUrl(o);
  return {
    account_sid: o.accountSid,
    actor_sid: e.actor_sid,
    actor_type: e.actor_type,
    actor_url: e.actor_url_path ? `${o.base}${e.actor_url_path}` : null,
    description: e.description,
    event_data: e.event_data,
    event_date: isoDate(e.event_date),
    event_date_ms: e.event_date,
    event_type: e.event_type,
    resource_sid: e.resource_sid,
    resource_type: e.resource_type,
    resource_url: e.resource_url_path ? `${o.base}${e.resource_url_path}` : null,
    sid: e.sid,
    source: e.source,
    source_ip_address: e.source_ip_address,
    url: `${w}/Events/${e.sid}`,
    workspace_sid: o.ws.sid,
  };
}
