// One way to reach any kind's collection, so tree items and commands can treat resources alike.
import type {
  Activity,
  Collection,
  Page,
  Task,
  TaskChannel,
  TaskQueue,
  TaskRouterClient,
  Worker,
  Workflow,
  Workspace,
} from '../api';
import type { ConditionalRequestOptions } from '../api';
import type { ResourceKind } from './resourceKinds';

export type AnyResource = Workspace | Workflow | TaskQueue | Worker | Activity | Task | TaskChannel;

export interface ResourceByKind {
  workspace: Workspace;
  workflow: Workflow;
  taskQueue: TaskQueue;
  worker: Worker;
  activity: Activity;
  task: Task;
  taskChannel: TaskChannel;
}

/** The operations every kind shares, with loose parameter types (each command builds the right ones). */
export interface AnyCollection<T = AnyResource> {
  get(sid: string): Promise<T>;
  update(sid: string, params: Record<string, unknown>, opts?: ConditionalRequestOptions): Promise<T>;
  delete(sid: string): Promise<void>;
  page(params?: Record<string, unknown>): Promise<Page<T>>;
  create(params: Record<string, unknown>): Promise<T>;
}

export function collectionFor<K extends ResourceKind>(
  client: TaskRouterClient,
  kind: K,
  workspaceSid: string,
): AnyCollection<ResourceByKind[K]> {
  // The casts widen each collection's parameter types to Record<string, unknown>; the REST client
  // still checks every parameter name at run time.
  const widen = <T, C, U, L>(c: Collection<T, C, U, L>) => c as unknown as AnyCollection<ResourceByKind[K]>;
  switch (kind) {
    case 'workspace':
      return widen(client.workspaces);
    case 'workflow':
      return widen(client.workflows(workspaceSid));
    case 'taskQueue':
      return widen(client.taskQueues(workspaceSid));
    case 'worker':
      return widen(client.workers(workspaceSid));
    case 'activity':
      return widen(client.activities(workspaceSid));
    case 'task':
      return widen(client.tasks(workspaceSid));
    case 'taskChannel':
      return widen(client.taskChannels(workspaceSid));
  }
  throw new Error(`Unknown resource kind '${String(kind)}'.`);
}

/** Whether updates of this kind take If-Match (the REST API supports it for workers and tasks only). */
export function supportsIfMatch(kind: ResourceKind): boolean {
  return kind === 'worker' || kind === 'task';
}
