// The resource kinds the explorer shows, as data: labels, SID prefixes, icons and folder names.
// Pure: no `vscode` import, so the tables can be tested outside the editor.

/** Every kind of resource the explorer can show, open, create and delete. */
export type ResourceKind = 'workspace' | 'workflow' | 'taskQueue' | 'worker' | 'activity' | 'task' | 'taskChannel';

/** The kinds that live inside a workspace, in the order their folders appear. */
export type WorkspaceChildKind = Exclude<ResourceKind, 'workspace'>;

export interface KindInfo {
  kind: ResourceKind;
  /** Singular, lower case, for messages: "Delete worker 'Alice'?" */
  noun: string;
  /** Title case singular: "Task Queue". */
  title: string;
  /** Folder label in the tree. */
  folderLabel: string;
  /** Path segment used in tree ids and `taskrouter:` URIs. */
  segment: string;
  sidPrefix: string;
  /** Codicon name. */
  icon: string;
}

export const KINDS: Readonly<Record<ResourceKind, KindInfo>> = {
  workspace: {
    kind: 'workspace',
    noun: 'workspace',
    title: 'Workspace',
    folderLabel: 'Workspaces',
    segment: 'workspaces',
    sidPrefix: 'WS',
    icon: 'briefcase',
  },
  workflow: {
    kind: 'workflow',
    noun: 'workflow',
    title: 'Workflow',
    folderLabel: 'Workflows',
    segment: 'workflows',
    sidPrefix: 'WW',
    icon: 'type-hierarchy',
  },
  taskQueue: {
    kind: 'taskQueue',
    noun: 'task queue',
    title: 'Task Queue',
    folderLabel: 'Task Queues',
    segment: 'taskQueues',
    sidPrefix: 'WQ',
    icon: 'list-ordered',
  },
  worker: {
    kind: 'worker',
    noun: 'worker',
    title: 'Worker',
    folderLabel: 'Workers',
    segment: 'workers',
    sidPrefix: 'WK',
    icon: 'person',
  },
  activity: {
    kind: 'activity',
    noun: 'activity',
    title: 'Activity',
    folderLabel: 'Activities',
    segment: 'activities',
    sidPrefix: 'WA',
    icon: 'pulse',
  },
  task: {
    kind: 'task',
    noun: 'task',
    title: 'Task',
    folderLabel: 'Tasks',
    segment: 'tasks',
    sidPrefix: 'WT',
    icon: 'tasklist',
  },
  taskChannel: {
    kind: 'taskChannel',
    noun: 'task channel',
    title: 'Task Channel',
    folderLabel: 'Task Channels',
    segment: 'taskChannels',
    sidPrefix: 'TC',
    icon: 'radio-tower',
  },
};

/** The six folders of a workspace, in tree order (issue 4). */
export const WORKSPACE_FOLDERS: readonly WorkspaceChildKind[] = [
  'workflow',
  'taskQueue',
  'worker',
  'activity',
  'task',
  'taskChannel',
];

export function kindFromSegment(segment: string): ResourceKind | undefined {
  return (Object.values(KINDS) as KindInfo[]).find((k) => k.segment === segment)?.kind;
}

export function kindFromSid(sid: string): ResourceKind | undefined {
  const prefix = sid.slice(0, 2);
  return (Object.values(KINDS) as KindInfo[]).find((k) => k.sidPrefix === prefix)?.kind;
}

const SID_PATTERN = /^[A-Z]{2}[0-9a-f]{32}$/;

/** True when `sid` looks like a Twilio SID of the given kind (two letters and 32 lower-case hex digits). */
export function isSidOf(kind: ResourceKind, sid: string): boolean {
  return SID_PATTERN.test(sid) && sid.startsWith(KINDS[kind].sidPrefix);
}

/** The assignment statuses a task can have, in lifecycle order. */
export const TASK_STATUSES = ['pending', 'reserved', 'assigned', 'wrapping', 'completed', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
