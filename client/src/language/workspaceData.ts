// Answers the language server's `taskrouter/workspaceData` request: the queues, activities and attribute names of the
// TaskRouter workspace a document belongs to. Credentials and HTTP stay here, in the extension host. A `taskrouter:`
// document names its workspace in its URI; a file on disk belongs to the workspace the user linked it to.
import * as vscode from 'vscode';
import type {
  WorkspaceActivity,
  WorkspaceData,
  WorkspaceDataParams,
  WorkspaceDataResult,
  WorkspaceQueue,
} from '../../../server/src/protocol';
import type { ClientProvider } from '../accounts/clientProvider';
import type { TaskRouterClient } from '../api';
import { parseDocumentPath, SCHEME } from '../fs/resourcePath';
import { errorMessage, type Logger } from '../log';
import { attributeNamesOf } from './attributeNames';
import type { WorkflowLinks } from './workflowLinks';

// Each list is capped: the server asks again for every workspace every half minute while documents are open, and a
// busy workspace has many thousands of workers and tasks.
/**
 * Queues are listed completely up to this many (a partial list would report the missing queues' SIDs as unknown);
 * a workspace with more gets no answer at all, and the server then checks no SIDs.
 */
export const MAX_QUEUES = 5_000;
/** Activities: one page. Workspaces have a handful; the list only feeds completion of `workers.WA…`. */
export const MAX_ACTIVITIES = 1_000;
/** Workers read for their attribute names: the first page is a fair sample of the names in use. */
export const WORKER_SAMPLE = 200;
/** Tasks read for their attribute names: the most recent ones show what is sent today. */
export const TASK_SAMPLE = 50;
/** Queue statistics (worker counts for hovers): one page of the bulk endpoint; queues beyond it show no counts. */
export const STATISTICS_PAGE = 1_000;

/** How long an answer is reused; the server keeps its copy as long, so both refresh about together. */
export const CACHE_MS = 30_000;
/** A failed read is retried sooner, but not at every keystroke. */
const FAILURE_CACHE_MS = 5_000;

export interface WorkspaceRef {
  accountId: string;
  workspaceSid: string;
}

interface CacheEntry {
  data: Promise<WorkspaceDataResult>;
  /** When the answer stops being reused; Infinity while the read is in flight (so concurrent asks share it). */
  expires: number;
}

export class WorkspaceDataProvider {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly clients: ClientProvider,
    /** Whether an account still exists: a document of a removed account belongs to no workspace any more. */
    private readonly hasAccount: (accountId: string) => boolean,
    private readonly links: WorkflowLinks,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The workspace a document belongs to: from a `taskrouter:` URI, or from the link of a local file. */
  workspaceOf(uri: vscode.Uri): WorkspaceRef | undefined {
    let ref: WorkspaceRef | undefined;
    if (uri.scheme === SCHEME) {
      const address = parseDocumentPath(uri.path);
      ref = 'error' in address ? undefined : { accountId: address.accountId, workspaceSid: address.workspaceSid };
    } else {
      const link = this.links.get(uri);
      ref = link ? { accountId: link.accountId, workspaceSid: link.workspaceSid } : undefined;
    }
    return ref && this.hasAccount(ref.accountId) ? ref : undefined;
  }

  /** The answer to `taskrouter/workspaceData`: null when the document belongs to no workspace or reading failed. */
  answer(params: WorkspaceDataParams): Promise<WorkspaceDataResult> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(params.uri, true);
    } catch {
      return Promise.resolve(null);
    }
    const ref = this.workspaceOf(uri);
    return ref ? this.dataOf(ref) : Promise.resolve(null);
  }

  /** The workspace's data, read at most once per {@link CACHE_MS}; concurrent callers share one read. */
  dataOf(ref: WorkspaceRef): Promise<WorkspaceDataResult> {
    const key = keyOf(ref);
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.data;
    // Expired answers of other workspaces go too: each may hold thousands of queues.
    const now = this.now();
    for (const [other, old] of this.cache) if (old.expires <= now) this.cache.delete(other);
    const entry: CacheEntry = { data: this.read(ref), expires: Infinity };
    this.cache.set(key, entry);
    void entry.data.then((result) => {
      entry.expires = this.now() + (result ? CACHE_MS : FAILURE_CACHE_MS);
    });
    return entry.data;
  }

  /** Forgets what was read of one workspace (or of all), so the next ask reads again. */
  invalidate(ref?: WorkspaceRef): void {
    if (ref) this.cache.delete(keyOf(ref));
    else this.cache.clear();
  }

  private async read(ref: WorkspaceRef): Promise<WorkspaceDataResult> {
    const where = `workspace ${ref.workspaceSid} of account '${ref.accountId}'`;
    try {
      const client = await this.clients.get(ref.accountId);
      const [queues, activities, statistics, workerAttributes, taskAttributes] = await Promise.all([
        listQueues(client, ref.workspaceSid),
        listActivities(client, ref.workspaceSid),
        // Counts, worker and task attributes only add detail to hovers and completion: without them the language
        // features still work, so their failures are logged and skipped.
        this.optional(`the queue statistics of ${where}`, () => queueCounts(client, ref.workspaceSid), new Map()),
        this.optional(`the workers of ${where}`, () => workerAttributeNames(client, ref.workspaceSid), []),
        this.optional(`the recent tasks of ${where}`, () => taskAttributeNames(client, ref.workspaceSid), []),
      ]);
      if (!queues) {
        this.log.warn(`${where} has more than ${MAX_QUEUES} task queues: the language server checks no queue SIDs.`);
        return null;
      }
      const data: WorkspaceData = {
        queues: queues.map((queue) => ({ ...queue, ...statistics.get(queue.sid) })),
        activities,
        workerAttributes,
        taskAttributes,
      };
      return data;
    } catch (error) {
      // The Logger redacts registered secrets; the REST client's errors never carry them.
      this.log.error(`Could not read the task queues and activities of ${where} for the language server`, error);
      return null;
    }
  }

  private async optional<T>(what: string, read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.log.warn(`Could not read ${what} for the language server: ${errorMessage(error)}`);
      return fallback;
    }
  }
}

function keyOf(ref: WorkspaceRef): string {
  return `${ref.accountId}/${ref.workspaceSid}`;
}

/** Every queue, page by page; undefined when there are more than {@link MAX_QUEUES}. */
async function listQueues(client: TaskRouterClient, workspaceSid: string): Promise<WorkspaceQueue[] | undefined> {
  const queues: WorkspaceQueue[] = [];
  for await (const queue of client.taskQueues(workspaceSid).list({ pageSize: 1000, limit: MAX_QUEUES + 1 })) {
    if (queues.length === MAX_QUEUES) return undefined;
    queues.push({ sid: queue.sid, friendlyName: queue.friendlyName, targetWorkers: queue.targetWorkers });
  }
  return queues;
}

async function listActivities(client: TaskRouterClient, workspaceSid: string): Promise<WorkspaceActivity[]> {
  const page = await client.activities(workspaceSid).page({ pageSize: MAX_ACTIVITIES });
  return page.items.map((a) => ({ sid: a.sid, friendlyName: a.friendlyName, available: a.available === true }));
}

/** Eligible and available workers per queue, from one page of the bulk statistics endpoint. */
async function queueCounts(
  client: TaskRouterClient,
  workspaceSid: string,
): Promise<Map<string, Pick<WorkspaceQueue, 'eligibleWorkers' | 'availableWorkers'>>> {
  const page = await client.statistics.taskQueues(workspaceSid).page({ pageSize: STATISTICS_PAGE });
  const counts = new Map<string, Pick<WorkspaceQueue, 'eligibleWorkers' | 'availableWorkers'>>();
  for (const item of page.items) {
    // Nested statistics objects keep the API's snake_case names.
    const eligible = item.realtime?.total_eligible_workers;
    const available = item.realtime?.total_available_workers;
    counts.set(item.taskQueueSid, {
      ...(typeof eligible === 'number' ? { eligibleWorkers: eligible } : {}),
      ...(typeof available === 'number' ? { availableWorkers: available } : {}),
    });
  }
  return counts;
}

async function workerAttributeNames(client: TaskRouterClient, workspaceSid: string): Promise<string[]> {
  const page = await client.workers(workspaceSid).page({ pageSize: WORKER_SAMPLE });
  return attributeNamesOf(page.items);
}

async function taskAttributeNames(client: TaskRouterClient, workspaceSid: string): Promise<string[]> {
  const page = await client.tasks(workspaceSid).page({ pageSize: TASK_SAMPLE, ordering: 'DateCreated:desc' });
  return attributeNamesOf(page.items);
}
