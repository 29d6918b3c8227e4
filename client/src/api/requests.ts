/**
 * Parameters of each operation, in camelCase. Each is sent under the API's PascalCase name (see params.ts), e.g.
 * `targetWorkers` as `TargetWorkers`. The `FieldSet` constants list the names each operation accepts; TypeScript
 * checks that they match the interfaces exactly.
 */
import type { FieldSet } from './params';
import type { ReservationStatus, TaskAssignmentStatus, TaskOrder } from './resources';

/** A JSON document given either as the string to send or as a value to serialize. */
export type JsonParam = string | Record<string, unknown>;
/** A date-time given as a Date or as an ISO 8601 string. */
export type DateParam = Date | string;

// ---------------------------------------------------------------- workspaces
export interface WorkspaceCreateParams {
  friendlyName: string;
  eventCallbackUrl?: string;
  /** Comma-separated event types to send to the callback. */
  eventsFilter?: string;
  multiTaskEnabled?: boolean;
  /** `FIFO` also creates a queue and a workflow routing every task to it; `NONE` (default) does not. */
  template?: 'FIFO' | 'NONE' | string;
  prioritizeQueueOrder?: 'FIFO' | 'LIFO';
}
export interface WorkspaceUpdateParams {
  defaultActivitySid?: string;
  eventCallbackUrl?: string;
  eventsFilter?: string;
  friendlyName?: string;
  multiTaskEnabled?: boolean;
  timeoutActivitySid?: string;
  prioritizeQueueOrder?: 'FIFO' | 'LIFO';
}
export interface WorkspaceListParams {
  friendlyName?: string;
}
export const WORKSPACE_CREATE: FieldSet<WorkspaceCreateParams> = {
  friendlyName: true,
  eventCallbackUrl: true,
  eventsFilter: true,
  multiTaskEnabled: true,
  template: true,
  prioritizeQueueOrder: true,
};
export const WORKSPACE_UPDATE: FieldSet<WorkspaceUpdateParams> = {
  defaultActivitySid: true,
  eventCallbackUrl: true,
  eventsFilter: true,
  friendlyName: true,
  multiTaskEnabled: true,
  timeoutActivitySid: true,
  prioritizeQueueOrder: true,
};
export const WORKSPACE_LIST: FieldSet<WorkspaceListParams> = { friendlyName: true };

// ---------------------------------------------------------------- activities
export interface ActivityCreateParams {
  friendlyName: string;
  /** Whether workers in this activity can receive tasks. Cannot be changed after creation. */
  available?: boolean;
}
export interface ActivityUpdateParams {
  friendlyName?: string;
}
export interface ActivityListParams {
  friendlyName?: string;
  /** `true` or `false`. */
  available?: boolean | string;
}
export const ACTIVITY_CREATE: FieldSet<ActivityCreateParams> = { friendlyName: true, available: true };
export const ACTIVITY_UPDATE: FieldSet<ActivityUpdateParams> = { friendlyName: true };
export const ACTIVITY_LIST: FieldSet<ActivityListParams> = { friendlyName: true, available: true };

// ---------------------------------------------------------------- task queues
export interface TaskQueueCreateParams {
  friendlyName: string;
  /** Expression selecting the workers of the queue; `1==1` by default. */
  targetWorkers?: string;
  /** 1..50. */
  maxReservedWorkers?: number;
  taskOrder?: TaskOrder;
  reservationActivitySid?: string;
  assignmentActivitySid?: string;
}
export type TaskQueueUpdateParams = Partial<TaskQueueCreateParams>;
export interface TaskQueueListParams {
  friendlyName?: string;
  /** Returns the queues a worker with these attributes (a JSON object string) would belong to. */
  evaluateWorkerAttributes?: JsonParam;
  workerSid?: string;
  ordering?: string;
}
export const TASK_QUEUE_CREATE: FieldSet<TaskQueueCreateParams> = {
  friendlyName: true,
  targetWorkers: true,
  maxReservedWorkers: true,
  taskOrder: true,
  reservationActivitySid: true,
  assignmentActivitySid: true,
};
export const TASK_QUEUE_UPDATE: FieldSet<TaskQueueUpdateParams> = TASK_QUEUE_CREATE;
export const TASK_QUEUE_LIST: FieldSet<TaskQueueListParams> = {
  friendlyName: true,
  evaluateWorkerAttributes: true,
  workerSid: true,
  ordering: true,
};

// ---------------------------------------------------------------- workers
export interface WorkerCreateParams {
  /** Unique in the workspace (case-insensitive). */
  friendlyName: string;
  activitySid?: string;
  /** A JSON object (string, or an object that is serialized), at most 4096 characters. */
  attributes?: JsonParam;
}
export interface WorkerUpdateParams {
  activitySid?: string;
  attributes?: JsonParam;
  friendlyName?: string;
  rejectPendingReservations?: boolean;
}
export interface WorkerListParams {
  activityName?: string;
  activitySid?: string;
  /** `true` or `false`. */
  available?: boolean | string;
  friendlyName?: string;
  /** Returns the workers matching this expression (as a queue's `target_workers`). */
  targetWorkersExpression?: string;
  taskQueueName?: string;
  taskQueueSid?: string;
  ordering?: string;
}
export const WORKER_CREATE: FieldSet<WorkerCreateParams> = { friendlyName: true, activitySid: true, attributes: true };
export const WORKER_UPDATE: FieldSet<WorkerUpdateParams> = {
  activitySid: true,
  attributes: true,
  friendlyName: true,
  rejectPendingReservations: true,
};
export const WORKER_LIST: FieldSet<WorkerListParams> = {
  activityName: true,
  activitySid: true,
  available: true,
  friendlyName: true,
  targetWorkersExpression: true,
  taskQueueName: true,
  taskQueueSid: true,
  ordering: true,
};

// ---------------------------------------------------------------- workflows
export interface WorkflowCreateParams {
  friendlyName: string;
  /** The workflow configuration JSON (`{"task_routing": ...}`), at most about 1 MB. */
  configuration: JsonParam;
  assignmentCallbackUrl?: string;
  fallbackAssignmentCallbackUrl?: string;
  /** Seconds, at most 86400; 120 by default. */
  taskReservationTimeout?: number;
}
export interface WorkflowUpdateParams {
  friendlyName?: string;
  assignmentCallbackUrl?: string;
  fallbackAssignmentCallbackUrl?: string;
  configuration?: JsonParam;
  taskReservationTimeout?: number;
  /** `true` re-evaluates pending tasks against the new configuration. */
  reEvaluateTasks?: boolean | string;
}
export interface WorkflowListParams {
  friendlyName?: string;
}
export const WORKFLOW_CREATE: FieldSet<WorkflowCreateParams> = {
  friendlyName: true,
  configuration: true,
  assignmentCallbackUrl: true,
  fallbackAssignmentCallbackUrl: true,
  taskReservationTimeout: true,
};
export const WORKFLOW_UPDATE: FieldSet<WorkflowUpdateParams> = {
  friendlyName: true,
  assignmentCallbackUrl: true,
  fallbackAssignmentCallbackUrl: true,
  configuration: true,
  taskReservationTimeout: true,
  reEvaluateTasks: true,
};
export const WORKFLOW_LIST: FieldSet<WorkflowListParams> = { friendlyName: true };

// ---------------------------------------------------------------- tasks
export interface TaskCreateParams {
  /** Seconds the task may live, at most 1209600 (14 days). */
  timeout?: number;
  priority?: number;
  /** Task channel SID or unique name (e.g. `voice`, `default`). */
  taskChannel?: string;
  workflowSid?: string;
  /** A JSON object (string, or an object that is serialized), at most 4096 characters. */
  attributes?: JsonParam;
  virtualStartTime?: DateParam;
  routingTarget?: string;
  ignoreCapacity?: boolean | string;
  taskQueueSid?: string;
}
export interface TaskUpdateParams {
  attributes?: JsonParam;
  assignmentStatus?: TaskAssignmentStatus;
  reason?: string;
  priority?: number;
  taskChannel?: string;
  virtualStartTime?: DateParam;
}
export interface TaskListParams {
  priority?: number;
  /** One status or several (sent as the repeated parameter `AssignmentStatus`). */
  assignmentStatus?: TaskAssignmentStatus | TaskAssignmentStatus[];
  workflowSid?: string;
  workflowName?: string;
  taskQueueSid?: string;
  taskQueueName?: string;
  /** Returns the tasks whose attributes match this expression. */
  evaluateTaskAttributes?: string;
  routingTarget?: string;
  /** E.g. `Priority:desc,DateCreated:asc`. */
  ordering?: string;
  hasAddons?: boolean;
}
export const TASK_CREATE: FieldSet<TaskCreateParams> = {
  timeout: true,
  priority: true,
  taskChannel: true,
  workflowSid: true,
  attributes: true,
  virtualStartTime: true,
  routingTarget: true,
  ignoreCapacity: true,
  taskQueueSid: true,
};
export const TASK_UPDATE: FieldSet<TaskUpdateParams> = {
  attributes: true,
  assignmentStatus: true,
  reason: true,
  priority: true,
  taskChannel: true,
  virtualStartTime: true,
};
export const TASK_LIST: FieldSet<TaskListParams> = {
  priority: true,
  assignmentStatus: true,
  workflowSid: true,
  workflowName: true,
  taskQueueSid: true,
  taskQueueName: true,
  evaluateTaskAttributes: true,
  routingTarget: true,
  ordering: true,
  hasAddons: true,
};

// ---------------------------------------------------------------- task channels
export interface TaskChannelCreateParams {
  friendlyName: string;
  /** E.g. `voice`, `chat`, `sms`. */
  uniqueName: string;
  channelOptimizedRouting?: boolean;
}
export interface TaskChannelUpdateParams {
  friendlyName?: string;
  channelOptimizedRouting?: boolean;
}
// The API has no list filters for task channels.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TaskChannelListParams {}
export const TASK_CHANNEL_CREATE: FieldSet<TaskChannelCreateParams> = {
  friendlyName: true,
  uniqueName: true,
  channelOptimizedRouting: true,
};
export const TASK_CHANNEL_UPDATE: FieldSet<TaskChannelUpdateParams> = {
  friendlyName: true,
  channelOptimizedRouting: true,
};
export const TASK_CHANNEL_LIST: FieldSet<TaskChannelListParams> = {};

// ---------------------------------------------------------------- reservations
export interface TaskReservationListParams {
  reservationStatus?: ReservationStatus;
  workerSid?: string;
}
export interface WorkerReservationListParams {
  reservationStatus?: ReservationStatus;
}
/**
 * Updating a reservation: accept (`reservationStatus: 'accepted'`), reject, complete, or one of the voice
 * instructions (`instruction: 'dequeue' | 'call' | 'redirect' | 'conference'`) with their parameters.
 */
export interface ReservationUpdateParams {
  reservationStatus?: ReservationStatus;
  workerActivitySid?: string;
  instruction?: string;
  dequeuePostWorkActivitySid?: string;
  dequeueFrom?: string;
  dequeueRecord?: string;
  dequeueTimeout?: number;
  dequeueTo?: string;
  dequeueStatusCallbackUrl?: string;
  dequeueStatusCallbackEvent?: string[];
  callFrom?: string;
  callRecord?: string;
  callTimeout?: number;
  callTo?: string;
  callUrl?: string;
  callStatusCallbackUrl?: string;
  callAccept?: boolean;
  redirectCallSid?: string;
  redirectAccept?: boolean;
  redirectUrl?: string;
  to?: string;
  from?: string;
  statusCallback?: string;
  statusCallbackMethod?: string;
  statusCallbackEvent?: string[];
  timeout?: number;
  record?: boolean;
  muted?: boolean;
  beep?: string;
  startConferenceOnEnter?: boolean;
  endConferenceOnExit?: boolean;
  waitUrl?: string;
  waitMethod?: string;
  earlyMedia?: boolean;
  maxParticipants?: number;
  conferenceStatusCallback?: string;
  conferenceStatusCallbackMethod?: string;
  conferenceStatusCallbackEvent?: string[];
  conferenceRecord?: string;
  conferenceTrim?: string;
  recordingChannels?: string;
  recordingStatusCallback?: string;
  recordingStatusCallbackMethod?: string;
  conferenceRecordingStatusCallback?: string;
  conferenceRecordingStatusCallbackMethod?: string;
  region?: string;
  sipAuthUsername?: string;
  sipAuthPassword?: string;
  postWorkActivitySid?: string;
  endConferenceOnCustomerExit?: boolean;
  beepOnCustomerEntrance?: boolean;
  jitterBufferSize?: string;
}
/** Only the task-side reservation update accepts supervisor parameters. */
export interface TaskReservationUpdateParams extends ReservationUpdateParams {
  supervisorMode?: 'monitor' | 'whisper' | 'barge';
  supervisor?: string;
}
export const TASK_RESERVATION_LIST: FieldSet<TaskReservationListParams> = { reservationStatus: true, workerSid: true };
export const WORKER_RESERVATION_LIST: FieldSet<WorkerReservationListParams> = { reservationStatus: true };
export const RESERVATION_UPDATE: FieldSet<ReservationUpdateParams> = {
  reservationStatus: true,
  workerActivitySid: true,
  instruction: true,
  dequeuePostWorkActivitySid: true,
  dequeueFrom: true,
  dequeueRecord: true,
  dequeueTimeout: true,
  dequeueTo: true,
  dequeueStatusCallbackUrl: true,
  dequeueStatusCallbackEvent: true,
  callFrom: true,
  callRecord: true,
  callTimeout: true,
  callTo: true,
  callUrl: true,
  callStatusCallbackUrl: true,
  callAccept: true,
  redirectCallSid: true,
  redirectAccept: true,
  redirectUrl: true,
  to: true,
  from: true,
  statusCallback: true,
  statusCallbackMethod: true,
  statusCallbackEvent: true,
  timeout: true,
  record: true,
  muted: true,
  beep: true,
  startConferenceOnEnter: true,
  endConferenceOnExit: true,
  waitUrl: true,
  waitMethod: true,
  earlyMedia: true,
  maxParticipants: true,
  conferenceStatusCallback: true,
  conferenceStatusCallbackMethod: true,
  conferenceStatusCallbackEvent: true,
  conferenceRecord: true,
  conferenceTrim: true,
  recordingChannels: true,
  recordingStatusCallback: true,
  recordingStatusCallbackMethod: true,
  conferenceRecordingStatusCallback: true,
  conferenceRecordingStatusCallbackMethod: true,
  region: true,
  sipAuthUsername: true,
  sipAuthPassword: true,
  postWorkActivitySid: true,
  endConferenceOnCustomerExit: true,
  beepOnCustomerEntrance: true,
  jitterBufferSize: true,
};
export const TASK_RESERVATION_UPDATE: FieldSet<TaskReservationUpdateParams> = {
  ...RESERVATION_UPDATE,
  supervisorMode: true,
  supervisor: true,
};

// ---------------------------------------------------------------- worker channels
export interface WorkerChannelUpdateParams {
  /** How many tasks of this channel the worker can handle at once. */
  capacity?: number;
  available?: boolean;
}
export const WORKER_CHANNEL_UPDATE: FieldSet<WorkerChannelUpdateParams> = { capacity: true, available: true };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkerChannelListParams {}
export const WORKER_CHANNEL_LIST: FieldSet<WorkerChannelListParams> = {};

// ---------------------------------------------------------------- events
export interface EventListParams {
  endDate?: DateParam;
  /** E.g. `task.created`, `reservation.accepted`. */
  eventType?: string;
  minutes?: number;
  reservationSid?: string;
  startDate?: DateParam;
  taskQueueSid?: string;
  taskSid?: string;
  workerSid?: string;
  workflowSid?: string;
  taskChannel?: string;
  sid?: string;
}
export const EVENT_LIST: FieldSet<EventListParams> = {
  endDate: true,
  eventType: true,
  minutes: true,
  reservationSid: true,
  startDate: true,
  taskQueueSid: true,
  taskSid: true,
  workerSid: true,
  workflowSid: true,
  taskChannel: true,
  sid: true,
};

// ---------------------------------------------------------------- statistics
export interface RealTimeStatisticsParams {
  taskChannel?: string;
}
export interface CumulativeStatisticsParams {
  endDate?: DateParam;
  /** Statistics of the last N minutes (15 by default). */
  minutes?: number;
  startDate?: DateParam;
  taskChannel?: string;
  /** Comma-separated thresholds in seconds, e.g. `5,30,60`. */
  splitByWaitTime?: string;
}
export type StatisticsParams = CumulativeStatisticsParams;
export interface TaskQueuesStatisticsParams extends CumulativeStatisticsParams {
  friendlyName?: string;
}
export interface WorkerStatisticsParams {
  minutes?: number;
  startDate?: DateParam;
  endDate?: DateParam;
  taskChannel?: string;
}
export interface WorkersStatisticsParams extends WorkerStatisticsParams {
  taskQueueSid?: string;
  taskQueueName?: string;
  friendlyName?: string;
}
export type WorkersCumulativeStatisticsParams = WorkerStatisticsParams;

export const REAL_TIME_STATISTICS: FieldSet<RealTimeStatisticsParams> = { taskChannel: true };
export const CUMULATIVE_STATISTICS: FieldSet<CumulativeStatisticsParams> = {
  endDate: true,
  minutes: true,
  startDate: true,
  taskChannel: true,
  splitByWaitTime: true,
};
export const TASK_QUEUES_STATISTICS: FieldSet<TaskQueuesStatisticsParams> = {
  ...CUMULATIVE_STATISTICS,
  friendlyName: true,
};
export const WORKER_STATISTICS: FieldSet<WorkerStatisticsParams> = {
  minutes: true,
  startDate: true,
  endDate: true,
  taskChannel: true,
};
export const WORKERS_STATISTICS: FieldSet<WorkersStatisticsParams> = {
  ...WORKER_STATISTICS,
  taskQueueSid: true,
  taskQueueName: true,
  friendlyName: true,
};

/** Fields of any operation whose object values are serialized as JSON. */
export const JSON_FIELDS = ['attributes', 'configuration', 'evaluateWorkerAttributes'] as const;
