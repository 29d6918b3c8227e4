/**
 * Statistics endpoints: for the workspace, a workflow, a task queue, all task queues (a paged list), one worker
 * and all workers; each as real-time, cumulative, or the combined `Statistics` resource where the API has it.
 */
import { sendWith, sidSegment } from './collection';
import type { HttpClient, RequestOptions } from './http';
import { ListEndpoint, type ListParams, type Page, type PagingParams } from './paging';
import { encodeParams, type ParamSpec } from './params';
import {
  CUMULATIVE_STATISTICS,
  REAL_TIME_STATISTICS,
  TASK_QUEUES_STATISTICS,
  WORKER_STATISTICS,
  WORKERS_STATISTICS,
  type CumulativeStatisticsParams,
  type RealTimeStatisticsParams,
  type StatisticsParams,
  type TaskQueuesStatisticsParams,
  type WorkerStatisticsParams,
  type WorkersCumulativeStatisticsParams,
  type WorkersStatisticsParams,
} from './requests';
import {
  toResource,
  type TaskQueueCumulativeStatistics,
  type TaskQueueRealTimeStatistics,
  type TaskQueueStatistics,
  type TaskQueuesStatistics,
  type WorkerInstanceStatistics,
  type WorkersCumulativeStatistics,
  type WorkersRealTimeStatistics,
  type WorkersStatistics,
  type WorkflowCumulativeStatistics,
  type WorkflowRealTimeStatistics,
  type WorkflowStatistics,
  type WorkspaceCumulativeStatistics,
  type WorkspaceRealTimeStatistics,
  type WorkspaceStatistics,
} from './resources';

export class StatisticsApi {
  constructor(private readonly http: HttpClient) {}

  // ------------------------------------------------------------ workspace
  /** `GET /v1/Workspaces/{ws}/Statistics`: real-time and cumulative together. */
  workspace(workspaceSid: string, params?: StatisticsParams, opts?: RequestOptions): Promise<WorkspaceStatistics> {
    return this.#fetch(
      'statistics.workspace',
      [['workspaceSid', workspaceSid]],
      '/Statistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  workspaceRealTime(
    workspaceSid: string,
    params?: RealTimeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkspaceRealTimeStatistics> {
    return this.#fetch(
      'statistics.workspaceRealTime',
      [['workspaceSid', workspaceSid]],
      '/RealTimeStatistics',
      REAL_TIME_STATISTICS,
      params,
      opts,
    );
  }

  workspaceCumulative(
    workspaceSid: string,
    params?: CumulativeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkspaceCumulativeStatistics> {
    return this.#fetch(
      'statistics.workspaceCumulative',
      [['workspaceSid', workspaceSid]],
      '/CumulativeStatistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  // ------------------------------------------------------------ workflow
  workflow(
    workspaceSid: string,
    workflowSid: string,
    params?: StatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkflowStatistics> {
    return this.#fetch(
      'statistics.workflow',
      [
        ['workspaceSid', workspaceSid],
        ['Workflows', workflowSid],
      ],
      '/Statistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  workflowRealTime(
    workspaceSid: string,
    workflowSid: string,
    params?: RealTimeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkflowRealTimeStatistics> {
    return this.#fetch(
      'statistics.workflowRealTime',
      [
        ['workspaceSid', workspaceSid],
        ['Workflows', workflowSid],
      ],
      '/RealTimeStatistics',
      REAL_TIME_STATISTICS,
      params,
      opts,
    );
  }

  workflowCumulative(
    workspaceSid: string,
    workflowSid: string,
    params?: CumulativeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkflowCumulativeStatistics> {
    return this.#fetch(
      'statistics.workflowCumulative',
      [
        ['workspaceSid', workspaceSid],
        ['Workflows', workflowSid],
      ],
      '/CumulativeStatistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  // ------------------------------------------------------------ task queues
  taskQueue(
    workspaceSid: string,
    taskQueueSid: string,
    params?: StatisticsParams,
    opts?: RequestOptions,
  ): Promise<TaskQueueStatistics> {
    return this.#fetch(
      'statistics.taskQueue',
      [
        ['workspaceSid', workspaceSid],
        ['TaskQueues', taskQueueSid],
      ],
      '/Statistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  taskQueueRealTime(
    workspaceSid: string,
    taskQueueSid: string,
    params?: RealTimeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<TaskQueueRealTimeStatistics> {
    return this.#fetch(
      'statistics.taskQueueRealTime',
      [
        ['workspaceSid', workspaceSid],
        ['TaskQueues', taskQueueSid],
      ],
      '/RealTimeStatistics',
      REAL_TIME_STATISTICS,
      params,
      opts,
    );
  }

  taskQueueCumulative(
    workspaceSid: string,
    taskQueueSid: string,
    params?: CumulativeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<TaskQueueCumulativeStatistics> {
    return this.#fetch(
      'statistics.taskQueueCumulative',
      [
        ['workspaceSid', workspaceSid],
        ['TaskQueues', taskQueueSid],
      ],
      '/CumulativeStatistics',
      CUMULATIVE_STATISTICS,
      params,
      opts,
    );
  }

  /** `GET /v1/Workspaces/{ws}/TaskQueues/Statistics`: statistics of every queue, a paged list. */
  taskQueues(workspaceSid: string): {
    page(
      params?: TaskQueuesStatisticsParams & PagingParams,
      opts?: RequestOptions,
    ): Promise<Page<TaskQueuesStatistics>>;
    pageAt(nextPageUrl: string, opts?: RequestOptions): Promise<Page<TaskQueuesStatistics>>;
    list(
      params?: TaskQueuesStatisticsParams & ListParams,
      opts?: RequestOptions,
    ): AsyncIterableIterator<TaskQueuesStatistics>;
  } {
    const ws = sidSegment('statistics.taskQueues', 'workspaceSid', workspaceSid);
    return new ListEndpoint<TaskQueuesStatistics, TaskQueuesStatisticsParams>({
      http: this.http,
      name: 'statistics.taskQueues',
      path: `/v1/Workspaces/${ws}/TaskQueues/Statistics`,
      key: 'task_queues_statistics',
      filters: TASK_QUEUES_STATISTICS,
      map: (json) => toResource<TaskQueuesStatistics>(json, 'task queue statistics'),
    });
  }

  // ------------------------------------------------------------ workers
  /** `GET /v1/Workspaces/{ws}/Workers/{wk}/Statistics`: cumulative statistics of one worker. */
  worker(
    workspaceSid: string,
    workerSid: string,
    params?: WorkerStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkerInstanceStatistics> {
    return this.#fetch(
      'statistics.worker',
      [
        ['workspaceSid', workspaceSid],
        ['Workers', workerSid],
      ],
      '/Statistics',
      WORKER_STATISTICS,
      params,
      opts,
    );
  }

  /** `GET /v1/Workspaces/{ws}/Workers/Statistics`: real-time and cumulative statistics of all workers. */
  workers(workspaceSid: string, params?: WorkersStatisticsParams, opts?: RequestOptions): Promise<WorkersStatistics> {
    return this.#fetch(
      'statistics.workers',
      [['workspaceSid', workspaceSid]],
      '/Workers/Statistics',
      WORKERS_STATISTICS,
      params,
      opts,
    );
  }

  workersRealTime(
    workspaceSid: string,
    params?: RealTimeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkersRealTimeStatistics> {
    return this.#fetch(
      'statistics.workersRealTime',
      [['workspaceSid', workspaceSid]],
      '/Workers/RealTimeStatistics',
      REAL_TIME_STATISTICS,
      params,
      opts,
    );
  }

  workersCumulative(
    workspaceSid: string,
    params?: WorkersCumulativeStatisticsParams,
    opts?: RequestOptions,
  ): Promise<WorkersCumulativeStatistics> {
    return this.#fetch(
      'statistics.workersCumulative',
      [['workspaceSid', workspaceSid]],
      '/Workers/CumulativeStatistics',
      WORKER_STATISTICS,
      params,
      opts,
    );
  }

  /**
   * Builds `/v1/Workspaces/{ws}[/{Collection}/{sid}]{suffix}`: `segments` is the workspace SID, then an optional
   * collection name with its SID.
   */
  async #fetch<T>(
    operation: string,
    segments: [string, string][],
    suffix: string,
    fields: ParamSpec['fields'],
    params: object | undefined,
    opts: RequestOptions | undefined,
  ): Promise<T> {
    const [first, ...rest] = segments;
    let path = `/v1/Workspaces/${sidSegment(operation, 'workspaceSid', first?.[1])}`;
    for (const [collection, sid] of rest) {
      const what = `${collection.charAt(0).toLowerCase()}${collection.slice(1, -1)}Sid`;
      path += `/${collection}/${sidSegment(operation, what, sid)}`;
    }
    path += suffix;
    const query = encodeParams({ operation, fields }, params);
    const res = await sendWith(this.http, { method: 'GET', path, query }, opts, false);
    return toResource<T>(res.body, operation);
  }
}
