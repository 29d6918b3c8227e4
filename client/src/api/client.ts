/**
 * The TaskRouter REST client.
 *
 *   const client = new TaskRouterClient(accountSidOrApiKeySid, secret, { accountSid, baseUrl });
 *   const ws = await client.workspaces.create({ friendlyName: 'Support', template: 'FIFO' });
 *   for await (const worker of client.workers(ws.sid).list({ available: true })) { ... }
 *
 * Pure: no editor imports. See http.ts for authentication, timeouts and retries, paging.ts for lists, and
 * resources.ts for how API fields map to resource properties.
 */
import { ConflictError } from './errors';
import {
  HttpClient,
  credentialKind,
  type FetchLike,
  type HttpMethod,
  type HeadersLike,
  type RequestLogEvent,
  type RequestOptions,
} from './http';
import {
  ResourceCollection,
  SubCollection,
  sidSegment,
  type Collection,
  type ReadOnlyCollection,
  type ReadUpdateCollection,
} from './collection';
import {
  ACTIVITY_CREATE,
  ACTIVITY_LIST,
  ACTIVITY_UPDATE,
  EVENT_LIST,
  RESERVATION_UPDATE,
  TASK_CHANNEL_CREATE,
  TASK_CHANNEL_LIST,
  TASK_CHANNEL_UPDATE,
  TASK_CREATE,
  TASK_LIST,
  TASK_QUEUE_CREATE,
  TASK_QUEUE_LIST,
  TASK_QUEUE_UPDATE,
  TASK_RESERVATION_LIST,
  TASK_RESERVATION_UPDATE,
  TASK_UPDATE,
  WORKER_CHANNEL_LIST,
  WORKER_CHANNEL_UPDATE,
  WORKER_CREATE,
  WORKER_LIST,
  WORKER_RESERVATION_LIST,
  WORKER_UPDATE,
  WORKFLOW_CREATE,
  WORKFLOW_LIST,
  WORKFLOW_UPDATE,
  WORKSPACE_CREATE,
  WORKSPACE_LIST,
  WORKSPACE_UPDATE,
  type ActivityCreateParams,
  type ActivityListParams,
  type ActivityUpdateParams,
  type EventListParams,
  type ReservationUpdateParams,
  type TaskChannelCreateParams,
  type TaskChannelListParams,
  type TaskChannelUpdateParams,
  type TaskCreateParams,
  type TaskListParams,
  type TaskQueueCreateParams,
  type TaskQueueListParams,
  type TaskQueueUpdateParams,
  type TaskReservationListParams,
  type TaskReservationUpdateParams,
  type TaskUpdateParams,
  type WorkerChannelListParams,
  type WorkerChannelUpdateParams,
  type WorkerCreateParams,
  type WorkerListParams,
  type WorkerReservationListParams,
  type WorkerUpdateParams,
  type WorkflowCreateParams,
  type WorkflowListParams,
  type WorkflowUpdateParams,
  type WorkspaceCreateParams,
  type WorkspaceListParams,
  type WorkspaceUpdateParams,
} from './requests';
import {
  parseDate,
  toResource,
  type Activity,
  type Reservation,
  type Task,
  type TaskChannel,
  type TaskQueue,
  type TaskRouterEvent,
  type Worker,
  type WorkerChannel,
  type Workflow,
  type Workspace,
} from './resources';
import type { RetryOptions } from './retry';
import { StatisticsApi } from './statistics';

export const DEFAULT_BASE_URL = 'https://taskrouter.twilio.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_USER_AGENT = 'vscode-taskrouter-client (node-fetch)';

export interface TaskRouterClientOptions {
  /** The account the API key belongs to (informational: TaskRouter URLs do not contain it). */
  accountSid?: string;
  /** Default `https://taskrouter.twilio.com`; e.g. `http://127.0.0.1:8080` for the local sandbox. */
  baseUrl?: string;
  /** Per-attempt timeout in milliseconds (answer and body). Default 30 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** A fetch implementation; default node-fetch 2. */
  fetch?: FetchLike;
  userAgent?: string;
  /** Called once per attempt (method, path, status, retry delay); never receives credentials. */
  logger?: (event: RequestLogEvent) => void;
}

/** A low-level request for endpoints this client has no method for. */
export interface RawRequest extends RequestOptions {
  method: HttpMethod;
  /** A path starting with `/v1/`. */
  path: string;
  /** Query parameters, already in the API's names. */
  query?: Record<string, string | string[]>;
  /** Form fields, already in the API's names. */
  form?: Record<string, string | string[]>;
  /** A JSON body (instead of a form). */
  json?: unknown;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: HeadersLike;
  body: unknown;
}

function pairs(record: Record<string, string | string[]> | undefined): [string, string][] | undefined {
  if (!record) return undefined;
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(record)) {
    for (const item of Array.isArray(v) ? v : [v]) out.push([k, item]);
  }
  return out;
}

function withEtag<T>(what: string) {
  return (json: unknown, etag: string | null): T => toResource<T>(json, what, etag);
}

function plain<T>(what: string) {
  return (json: unknown): T => toResource<T>(json, what);
}

export class TaskRouterClient {
  readonly #http: HttpClient;
  /** The Account SID or API Key SID used to authenticate. */
  readonly username: string;
  /** The account: `options.accountSid`, or the username when it is an Account SID; null otherwise. */
  readonly accountSid: string | null;
  readonly baseUrl: string;
  readonly workspaces: Collection<Workspace, WorkspaceCreateParams, WorkspaceUpdateParams, WorkspaceListParams>;
  readonly statistics: StatisticsApi;

  constructor(accountSidOrApiKey: string, secret: string, options: TaskRouterClientOptions = {}) {
    if (typeof accountSidOrApiKey !== 'string' || accountSidOrApiKey.trim() === '') {
      throw new TypeError('TaskRouterClient: the Account SID or API Key SID is missing');
    }
    if (typeof secret !== 'string' || secret === '') {
      throw new TypeError(
        `TaskRouterClient: the secret (Auth Token or API Key secret) for ${credentialKind(accountSidOrApiKey)} ` +
          `${accountSidOrApiKey} is missing`,
      );
    }
    if (accountSidOrApiKey.includes(':')) {
      throw new TypeError('TaskRouterClient: the Account SID or API Key SID must not contain ":"');
    }
    this.username = accountSidOrApiKey;
    this.accountSid = options.accountSid ?? (accountSidOrApiKey.startsWith('AC') ? accountSidOrApiKey : null);
    const config: ConstructorParameters<typeof HttpClient>[0] = {
      username: accountSidOrApiKey,
      secret,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    };
    if (options.retry) config.retry = options.retry;
    if (options.fetch) config.fetch = options.fetch;
    if (options.logger) config.logger = options.logger;
    this.#http = new HttpClient(config);
    this.baseUrl = this.#http.baseUrl.toString().replace(/\/$/, '');
    this.workspaces = new ResourceCollection({
      http: this.#http,
      name: 'workspaces',
      path: '/v1/Workspaces',
      key: 'workspaces',
      map: plain<Workspace>('workspace'),
      createFields: WORKSPACE_CREATE,
      createRequired: ['friendlyName'],
      updateFields: WORKSPACE_UPDATE,
      listFilters: WORKSPACE_LIST,
      ifMatch: false,
    });
    this.statistics = new StatisticsApi(this.#http);
  }

  #ws(operation: string, workspaceSid: string): string {
    return `/v1/Workspaces/${sidSegment(operation, 'workspaceSid', workspaceSid)}`;
  }

  workflows(
    workspaceSid: string,
  ): Collection<Workflow, WorkflowCreateParams, WorkflowUpdateParams, WorkflowListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'workflows',
      path: `${this.#ws('workflows', workspaceSid)}/Workflows`,
      key: 'workflows',
      map: plain<Workflow>('workflow'),
      createFields: WORKFLOW_CREATE,
      createRequired: ['friendlyName', 'configuration'],
      updateFields: WORKFLOW_UPDATE,
      listFilters: WORKFLOW_LIST,
      ifMatch: false,
      ifMatchHint: 'workflows have no If-Match; use updateWorkflowIfUnchanged',
    });
  }

  activities(
    workspaceSid: string,
  ): Collection<Activity, ActivityCreateParams, ActivityUpdateParams, ActivityListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'activities',
      path: `${this.#ws('activities', workspaceSid)}/Activities`,
      key: 'activities',
      map: plain<Activity>('activity'),
      createFields: ACTIVITY_CREATE,
      createRequired: ['friendlyName'],
      updateFields: ACTIVITY_UPDATE,
      listFilters: ACTIVITY_LIST,
      ifMatch: false,
    });
  }

  taskQueues(
    workspaceSid: string,
  ): Collection<TaskQueue, TaskQueueCreateParams, TaskQueueUpdateParams, TaskQueueListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'taskQueues',
      path: `${this.#ws('taskQueues', workspaceSid)}/TaskQueues`,
      key: 'task_queues',
      map: plain<TaskQueue>('task queue'),
      createFields: TASK_QUEUE_CREATE,
      createRequired: ['friendlyName'],
      updateFields: TASK_QUEUE_UPDATE,
      listFilters: TASK_QUEUE_LIST,
      ifMatch: false,
    });
  }

  /** Workers. Updates and deletes accept `ifMatch` (the worker's `etag`). */
  workers(workspaceSid: string): Collection<Worker, WorkerCreateParams, WorkerUpdateParams, WorkerListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'workers',
      path: `${this.#ws('workers', workspaceSid)}/Workers`,
      key: 'workers',
      map: withEtag<Worker>('worker'),
      createFields: WORKER_CREATE,
      createRequired: ['friendlyName'],
      updateFields: WORKER_UPDATE,
      listFilters: WORKER_LIST,
      ifMatch: true,
    });
  }

  /** Tasks. Updates and deletes accept `ifMatch` (the task's `etag`). */
  tasks(workspaceSid: string): Collection<Task, TaskCreateParams, TaskUpdateParams, TaskListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'tasks',
      path: `${this.#ws('tasks', workspaceSid)}/Tasks`,
      key: 'tasks',
      map: withEtag<Task>('task'),
      createFields: TASK_CREATE,
      updateFields: TASK_UPDATE,
      listFilters: TASK_LIST,
      ifMatch: true,
    });
  }

  taskChannels(
    workspaceSid: string,
  ): Collection<TaskChannel, TaskChannelCreateParams, TaskChannelUpdateParams, TaskChannelListParams> {
    return new ResourceCollection({
      http: this.#http,
      name: 'taskChannels',
      path: `${this.#ws('taskChannels', workspaceSid)}/TaskChannels`,
      key: 'channels',
      map: plain<TaskChannel>('task channel'),
      createFields: TASK_CHANNEL_CREATE,
      createRequired: ['friendlyName', 'uniqueName'],
      updateFields: TASK_CHANNEL_UPDATE,
      listFilters: TASK_CHANNEL_LIST,
      ifMatch: false,
    });
  }

  /** Reservations of a task: list, get, update (accept, reject, ... with `ifMatch`). */
  taskReservations(
    workspaceSid: string,
    taskSid: string,
  ): ReadUpdateCollection<Reservation, TaskReservationUpdateParams, TaskReservationListParams> {
    const path = `${this.#ws('taskReservations', workspaceSid)}/Tasks/${sidSegment('taskReservations', 'taskSid', taskSid)}/Reservations`;
    return new SubCollection({
      http: this.#http,
      name: 'taskReservations',
      path,
      key: 'reservations',
      map: withEtag<Reservation>('reservation'),
      listFilters: TASK_RESERVATION_LIST,
      updateFields: TASK_RESERVATION_UPDATE,
      ifMatch: true,
    });
  }

  /** Reservations of a worker: list, get, update (accept, reject, ... with `ifMatch`). */
  workerReservations(
    workspaceSid: string,
    workerSid: string,
  ): ReadUpdateCollection<Reservation, ReservationUpdateParams, WorkerReservationListParams> {
    const path = `${this.#ws('workerReservations', workspaceSid)}/Workers/${sidSegment('workerReservations', 'workerSid', workerSid)}/Reservations`;
    return new SubCollection({
      http: this.#http,
      name: 'workerReservations',
      path,
      key: 'reservations',
      map: withEtag<Reservation>('reservation'),
      listFilters: WORKER_RESERVATION_LIST,
      updateFields: RESERVATION_UPDATE,
      ifMatch: true,
    });
  }

  /** Channels of a worker (its capacity per task channel): list, get, update. */
  workerChannels(
    workspaceSid: string,
    workerSid: string,
  ): ReadUpdateCollection<WorkerChannel, WorkerChannelUpdateParams, WorkerChannelListParams> {
    const path = `${this.#ws('workerChannels', workspaceSid)}/Workers/${sidSegment('workerChannels', 'workerSid', workerSid)}/Channels`;
    return new SubCollection({
      http: this.#http,
      name: 'workerChannels',
      path,
      key: 'channels',
      map: plain<WorkerChannel>('worker channel'),
      listFilters: WORKER_CHANNEL_LIST,
      updateFields: WORKER_CHANNEL_UPDATE,
      ifMatch: false,
    });
  }

  /** Events of a workspace (read-only), with filters. */
  events(workspaceSid: string): ReadOnlyCollection<TaskRouterEvent, EventListParams> {
    return new SubCollection<TaskRouterEvent, object, EventListParams>({
      http: this.#http,
      name: 'events',
      path: `${this.#ws('events', workspaceSid)}/Events`,
      key: 'events',
      map: plain<TaskRouterEvent>('event'),
      listFilters: EVENT_LIST,
      ifMatch: false,
    });
  }

  /**
   * Updates a workflow only if its `dateUpdated` still equals `expectedDateUpdated` (workflows have no If-Match).
   * Reads the workflow first; when it changed, rejects with a ConflictError (status 412) and sends no update.
   * This narrows the window for lost updates but cannot close it: a change between the read and the write still wins.
   */
  async updateWorkflowIfUnchanged(
    workspaceSid: string,
    workflowSid: string,
    params: WorkflowUpdateParams,
    expectedDateUpdated: Date | string,
    opts?: RequestOptions,
  ): Promise<Workflow> {
    const operation = 'updateWorkflowIfUnchanged';
    const expected = expectedDateUpdated instanceof Date ? expectedDateUpdated : parseDate(expectedDateUpdated);
    if (!expected || Number.isNaN(expected.getTime())) {
      throw new TypeError(`${operation}: expectedDateUpdated is not a valid date (got ${String(expectedDateUpdated)})`);
    }
    const workflows = this.workflows(workspaceSid);
    const readOpts: RequestOptions = {};
    if (opts?.signal) readOpts.signal = opts.signal;
    const current = await workflows.get(workflowSid, readOpts);
    const actual = current.dateUpdated;
    if (!actual || actual.getTime() !== expected.getTime()) {
      const path = `${this.#ws(operation, workspaceSid)}/Workflows/${sidSegment(operation, 'workflowSid', workflowSid)}`;
      throw new ConflictError(412, { code: null, message: '', moreInfo: null }, 'POST', path, {
        expectedDateUpdated: expected,
        actualDateUpdated: actual,
        message:
          `Workflow ${workflowSid} was not updated: it changed on the server (dateUpdated ` +
          `${actual ? actual.toISOString() : 'unknown'}, expected ${expected.toISOString()}). ` +
          'Reload it, merge your changes and try again.',
      });
    }
    return workflows.update(workflowSid, params, opts);
  }

  /**
   * Sends a request to any TaskRouter path with this client's authentication, timeouts and retries, for endpoints
   * this client has no method for (for example `POST /v1/Workspaces/{ws}/TaskQueues/RealTimeStatistics`).
   */
  async request(req: RawRequest): Promise<RawResponse> {
    const full: Parameters<HttpClient['request']>[0] = { method: req.method, path: req.path };
    const query = pairs(req.query);
    const form = pairs(req.form);
    if (query) full.query = query;
    if (form) full.form = form;
    if (req.json !== undefined) full.json = req.json;
    if (req.headers) full.headers = req.headers;
    if (req.signal) full.signal = req.signal;
    if (req.idempotent) full.idempotent = true;
    const res = await this.#http.request(full);
    return { status: res.status, headers: res.headers, body: res.body };
  }
}
