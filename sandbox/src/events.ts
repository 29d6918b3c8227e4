/** Builders for the events TaskRouter records (event types and `event_data` fields as its Event resource shows). */
import type { App } from './app';
import { isoDate } from './serialize';
import type { ReservationRec, TaskRec, WorkerRec, WorkspaceRec } from './state';

export function wsPath(ws: WorkspaceRec): string {
  return `/v1/Workspaces/${ws.sid}`;
}

export function taskEventData(app: App, ws: WorkspaceRec, t: TaskRec): Record<string, unknown> {
  const queue = t.task_queue_sid ? ws.taskQueues.get(t.task_queue_sid) : undefined;
  const workflow = t.workflow_sid ? ws.workflows.get(t.workflow_sid) : undefined;
  const channel = ws.taskChannels.get(t.task_channel_sid);
  return {
    workspace_sid: ws.sid,
    workspace_name: ws.friendly_name,
    task_sid: t.sid,
    task_attributes: t.attributes,
    task_age: Math.max(0, Math.floor((app.now() - t.date_created) / 1000)),
    task_priority: t.priority,
    task_assignment_status: t.assignment_status,
    task_canceled_reason: t.assignment_status === 'canceled' ? t.reason : null,
    task_completed_reason: t.assignment_status === 'completed' ? t.reason : null,
    task_date_created: isoDate(t.date_created),
    task_queue_sid: t.task_queue_sid,
    task_queue_name: queue?.friendly_name ?? null,
    task_queue_entered_date: isoDate(t.task_queue_entered_date),
    workflow_sid: t.workflow_sid,
    workflow_name: workflow?.friendly_name ?? null,
    task_channel_sid: t.task_channel_sid,
    task_channel_unique_name: channel?.unique_name ?? null,
  };
}

export function workerEventData(ws: WorkspaceRec, k: WorkerRec): Record<string, unknown> {
  const activity = ws.activities.get(k.activity_sid);
  return {
    workspace_sid: ws.sid,
    workspace_name: ws.friendly_name,
    worker_sid: k.sid,
    worker_name: k.friendly_name,
    worker_attributes: k.attributes,
    worker_activity_sid: k.activity_sid,
    worker_activity_name: activity?.friendly_name ?? null,
  };
}

/** The resource an event is about. */
interface EventResource {
  type: string;
  sid: string;
  path: string;
}

/** Records an event with the envelope every workspace event shares; `fields` adds the resource-specific SIDs. */
function recordWorkspaceEvent(
  app: App,
  ws: WorkspaceRec,
  type: string,
  description: string,
  resource: EventResource,
  eventData: Record<string, unknown>,
  fields: Record<string, unknown> = {},
): void {
  app.recordEvent(ws, {
    event_type: type,
    description,
    actor_sid: ws.sid,
    actor_type: 'workspace',
    actor_url_path: wsPath(ws),
    resource_sid: resource.sid,
    resource_type: resource.type,
    resource_url_path: resource.path,
    event_data: eventData,
    ...fields,
  });
}

export function taskEvent(
  app: App,
  ws: WorkspaceRec,
  t: TaskRec,
  type: string,
  description: string,
  extra: Record<string, unknown> = {},
): void {
  recordWorkspaceEvent(
    app,
    ws,
    type,
    description,
    { type: 'task', sid: t.sid, path: `${wsPath(ws)}/Tasks/${t.sid}` },
    { ...taskEventData(app, ws, t), ...extra },
    {
      task_sid: t.sid,
      ...(t.task_queue_sid ? { task_queue_sid: t.task_queue_sid } : {}),
      ...(t.workflow_sid ? { workflow_sid: t.workflow_sid } : {}),
      task_channel: t.task_channel_sid,
    },
  );
}

export function workerEvent(
  app: App,
  ws: WorkspaceRec,
  k: WorkerRec,
  type: string,
  description: string,
  extra: Record<string, unknown> = {},
): void {
  recordWorkspaceEvent(
    app,
    ws,
    type,
    description,
    { type: 'worker', sid: k.sid, path: `${wsPath(ws)}/Workers/${k.sid}` },
    { ...workerEventData(ws, k), ...extra },
    { worker_sid: k.sid },
  );
}

export function reservationEvent(
  app: App,
  ws: WorkspaceRec,
  r: ReservationRec,
  type: string,
  description: string,
): void {
  const task = ws.tasks.get(r.task_sid);
  const worker = ws.workers.get(r.worker_sid);
  recordWorkspaceEvent(
    app,
    ws,
    type,
    description,
    { type: 'reservation', sid: r.sid, path: `${wsPath(ws)}/Tasks/${r.task_sid}/Reservations/${r.sid}` },
    {
      ...(task ? taskEventData(app, ws, task) : {}),
      ...(worker ? workerEventData(ws, worker) : {}),
      reservation_sid: r.sid,
      reservation_status: r.reservation_status,
    },
    {
      task_sid: r.task_sid,
      worker_sid: r.worker_sid,
      reservation_sid: r.sid,
      ...(r.task_queue_sid ? { task_queue_sid: r.task_queue_sid } : {}),
      ...(r.workflow_sid ? { workflow_sid: r.workflow_sid } : {}),
      ...(task ? { task_channel: task.task_channel_sid } : {}),
    },
  );
}

/** An event about a configuration resource (activity, queue, workflow, channel, workspace). */
export function resourceEvent(
  app: App,
  ws: WorkspaceRec,
  type: string,
  description: string,
  resourceType: string,
  sid: string,
  path: string,
  data: Record<string, unknown> = {},
): void {
  recordWorkspaceEvent(
    app,
    ws,
    type,
    description,
    { type: resourceType, sid, path },
    { workspace_sid: ws.sid, workspace_name: ws.friendly_name, ...data },
    {
      ...(resourceType === 'task_queue' ? { task_queue_sid: sid } : {}),
      ...(resourceType === 'workflow' ? { workflow_sid: sid } : {}),
    },
  );
}
