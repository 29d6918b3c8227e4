/**
 * Resource types of the TaskRouter v1 API, in camelCase like Twilio's Node SDK.
 *
 * Conversion rules (decided here, tested in test/unit/api):
 * - Top-level snake_case names become camelCase (`friendly_name` -> `friendlyName`); unknown fields added to the
 *   API later are converted the same way and kept.
 * - Date-time fields become `Date` objects (as the Node SDK does); a missing or unreadable date becomes `null`.
 * - Nested objects (`links`, statistics objects, `event_data`) are kept exactly as the API returns them (snake_case
 *   keys), as the Node SDK does.
 * - `attributes` and `configuration` stay the JSON strings the API returns; use {@link parseAttributes} to read them.
 * - Tasks, workers and reservations also carry `etag`: the response's ETag header (not an API field), which a later
 *   update or delete can send as `ifMatch`.
 */

/** `links` of a resource: names of sub-resources to their absolute URLs. */
export type Links = Record<string, string>;

export interface Workspace {
  sid: string;
  accountSid: string;
  friendlyName: string;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  defaultActivityName: string | null;
  defaultActivitySid: string | null;
  eventCallbackUrl: string | null;
  eventsFilter: string | null;
  multiTaskEnabled: boolean | null;
  timeoutActivityName: string | null;
  timeoutActivitySid: string | null;
  prioritizeQueueOrder: 'FIFO' | 'LIFO' | null;
  url: string;
  links: Links;
}

export interface Activity {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  available: boolean | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string;
  links: Links;
}

export type TaskOrder = 'FIFO' | 'LIFO';

export interface TaskQueue {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  assignmentActivitySid: string | null;
  assignmentActivityName: string | null;
  reservationActivitySid: string | null;
  reservationActivityName: string | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  maxReservedWorkers: number;
  targetWorkers: string | null;
  taskOrder: TaskOrder;
  url: string;
  links: Links;
}

export interface Worker {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  activityName: string | null;
  activitySid: string | null;
  /** The worker's attributes as the JSON string the API returns. */
  attributes: string;
  available: boolean | null;
  dateCreated: Date | null;
  dateStatusChanged: Date | null;
  dateUpdated: Date | null;
  url: string;
  links: Links;
  /** The ETag response header, for `ifMatch` on a later update or delete; null when the server sent none. */
  etag: string | null;
}

export interface Workflow {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  assignmentCallbackUrl: string | null;
  fallbackAssignmentCallbackUrl: string | null;
  /** The workflow configuration as the JSON string the API returns. */
  configuration: string;
  documentContentType: string | null;
  taskReservationTimeout: number;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string;
  links: Links;
}

export type TaskAssignmentStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';

export interface Task {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  age: number;
  assignmentStatus: TaskAssignmentStatus;
  /** The task's attributes as the JSON string the API returns. */
  attributes: string;
  addons: string | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  taskQueueEnteredDate: Date | null;
  priority: number;
  reason: string | null;
  taskQueueSid: string | null;
  taskQueueFriendlyName: string | null;
  taskChannelSid: string | null;
  taskChannelUniqueName: string | null;
  timeout: number;
  workflowSid: string | null;
  workflowFriendlyName: string | null;
  virtualStartTime: Date | null;
  ignoreCapacity: boolean | null;
  routingTarget: string | null;
  url: string;
  links: Links;
  /** The ETag response header, for `ifMatch` on a later update or delete; null when the server sent none. */
  etag: string | null;
}

export interface TaskChannel {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  uniqueName: string;
  channelOptimizedRouting: boolean | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string;
  links: Links;
}

export type ReservationStatus =
  'pending' | 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded' | 'wrapping' | 'completed';

/** A reservation, seen from its task (`/Tasks/WT.../Reservations`) or from its worker (`/Workers/WK.../Reservations`). */
export interface Reservation {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  taskSid: string;
  workerSid: string;
  workerName: string | null;
  reservationStatus: ReservationStatus;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string;
  links: Links;
  /** The ETag response header when the server sent one (fetch/update), else null. */
  etag: string | null;
}

export interface WorkerChannel {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  workerSid: string;
  taskChannelSid: string;
  taskChannelUniqueName: string;
  assignedTasks: number;
  available: boolean | null;
  availableCapacityPercentage: number;
  configuredCapacity: number;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  url: string;
}

export interface TaskRouterEvent {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  actorSid: string | null;
  actorType: string | null;
  actorUrl: string | null;
  description: string | null;
  /** The event's data object as the API returns it (snake_case keys). */
  eventData: unknown;
  eventDate: Date | null;
  eventDateMs: number | null;
  eventType: string;
  resourceSid: string | null;
  resourceType: string | null;
  resourceUrl: string | null;
  source: string | null;
  sourceIpAddress: string | null;
  url: string;
}

/** A count of workers in one activity, as real-time statistics return it. */
export interface ActivityStatistic {
  sid: string;
  friendly_name: string;
  workers: number;
}

/** Task counts by assignment status, as real-time statistics return them. */
export type TasksByStatus = Partial<Record<TaskAssignmentStatus, number>>;

interface StatisticsBase {
  accountSid: string;
  workspaceSid: string;
  url: string;
}

/** `/Workspaces/WS.../RealTimeStatistics` */
export interface WorkspaceRealTimeStatistics extends StatisticsBase {
  activityStatistics: ActivityStatistic[] | null;
  longestTaskWaitingAge: number;
  longestTaskWaitingSid: string | null;
  tasksByPriority: Record<string, number> | null;
  tasksByStatus: TasksByStatus | null;
  totalTasks: number;
  totalWorkers: number;
}

interface CumulativeCounts {
  avgTaskAcceptanceTime: number;
  startTime: Date | null;
  endTime: Date | null;
  reservationsCreated: number;
  reservationsAccepted: number;
  reservationsRejected: number;
  reservationsTimedOut: number;
  reservationsCanceled: number;
  reservationsRescinded: number;
  splitByWaitTime: Record<string, unknown> | null;
  waitDurationUntilAccepted: Record<string, unknown> | null;
  waitDurationUntilCanceled: Record<string, unknown> | null;
  tasksCanceled: number;
  tasksCompleted: number;
  tasksDeleted: number;
  tasksMoved: number;
}

/** `/Workspaces/WS.../CumulativeStatistics` */
export interface WorkspaceCumulativeStatistics extends StatisticsBase, CumulativeCounts {
  tasksCreated: number;
  tasksTimedOutInWorkflow: number;
}

/** The combined `/Statistics` resources: `realtime` and `cumulative` objects as the API returns them (snake_case). */
export interface WorkspaceStatistics extends StatisticsBase {
  realtime: Record<string, unknown> | null;
  cumulative: Record<string, unknown> | null;
}

export interface WorkflowRealTimeStatistics extends StatisticsBase {
  workflowSid: string;
  longestTaskWaitingAge: number;
  longestTaskWaitingSid: string | null;
  tasksByPriority: Record<string, number> | null;
  tasksByStatus: TasksByStatus | null;
  totalTasks: number;
}

export interface WorkflowCumulativeStatistics extends StatisticsBase, CumulativeCounts {
  workflowSid: string;
  tasksEntered: number;
  tasksTimedOutInWorkflow: number;
}

export interface WorkflowStatistics extends WorkspaceStatistics {
  workflowSid: string;
}

export interface TaskQueueRealTimeStatistics extends StatisticsBase {
  taskQueueSid: string;
  activityStatistics: ActivityStatistic[] | null;
  longestTaskWaitingAge: number;
  longestTaskWaitingSid: string | null;
  longestRelativeTaskAgeInQueue: number;
  longestRelativeTaskSidInQueue: string | null;
  tasksByPriority: Record<string, number> | null;
  tasksByStatus: TasksByStatus | null;
  totalAvailableWorkers: number;
  totalEligibleWorkers: number;
  totalTasks: number;
}

export interface TaskQueueCumulativeStatistics extends StatisticsBase, CumulativeCounts {
  taskQueueSid: string;
  tasksEntered: number;
  waitDurationInQueueUntilAccepted: Record<string, unknown> | null;
}

export interface TaskQueueStatistics extends WorkspaceStatistics {
  taskQueueSid: string;
}

/** One item of `/TaskQueues/Statistics` (a list: items have no `url`). */
export interface TaskQueuesStatistics {
  accountSid: string;
  workspaceSid: string;
  taskQueueSid: string;
  realtime: Record<string, unknown> | null;
  cumulative: Record<string, unknown> | null;
}

/** `/Workers/WK.../Statistics`: cumulative statistics of one worker. */
export interface WorkerInstanceStatistics extends StatisticsBase {
  workerSid: string;
  cumulative: Record<string, unknown> | null;
}

/** `/Workers/Statistics`: statistics of all workers. */
export interface WorkersStatistics extends StatisticsBase {
  realtime: Record<string, unknown> | null;
  cumulative: Record<string, unknown> | null;
}

export interface WorkersRealTimeStatistics extends StatisticsBase {
  activityStatistics: ActivityStatistic[] | null;
  totalWorkers: number;
}

export interface WorkersCumulativeStatistics extends StatisticsBase {
  startTime: Date | null;
  endTime: Date | null;
  activityDurations: Record<string, unknown>[] | null;
  reservationsCreated: number;
  reservationsAccepted: number;
  reservationsRejected: number;
  reservationsTimedOut: number;
  reservationsCanceled: number;
  reservationsRescinded: number;
}

/** API fields holding ISO 8601 date-times. */
const DATE_FIELDS = new Set([
  'date_created',
  'date_updated',
  'date_status_changed',
  'task_queue_entered_date',
  'virtual_start_time',
  'event_date',
  'start_time',
  'end_time',
]);

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Parses an API date-time; null for missing or unreadable values. */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Converts one API object to its camelCase resource form (see the rules at the top of this file).
 * Throws a TypeError when `json` is not an object.
 */
export function toResource<T>(json: unknown, what: string, etag?: string | null): T {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TypeError(`expected a ${what} object in the response, got ${json === null ? 'null' : typeof json}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    out[camelCase(key)] = DATE_FIELDS.has(key) ? parseDate(value) : value;
  }
  if (etag !== undefined) out.etag = etag;
  return out as T;
}

/**
 * Parses a JSON attributes string (of a task or a worker) into an object. Throws a SyntaxError that says which
 * resource had unreadable attributes.
 */
export function parseAttributes(resource: { sid: string; attributes: string }): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(resource.attributes);
  } catch (e) {
    throw new SyntaxError(`attributes of ${resource.sid} are not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SyntaxError(`attributes of ${resource.sid} are not a JSON object`);
  }
  return value as Record<string, unknown>;
}
