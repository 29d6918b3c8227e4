// How each kind of resource looks in the tree: label, description, tooltip and icon.
// Pure: no `vscode` import (icons and colors are codicon and theme-color ids).
import {
  QueueCounts,
  describeActivity,
  describeQueue,
  describeTask,
  describeWorker,
  describeWorkflow,
  taskAgeSeconds,
  formatAge,
  shortSid,
  tooltipMarkdown,
  truncate,
} from './describe';
import { KINDS, ResourceKind } from './resourceKinds';

export interface Presentation {
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: string;
  /** A theme color id for the icon, when its color carries meaning. */
  iconColor?: string;
}

export interface PresentationInput {
  kind: ResourceKind;
  /** The resource as the REST client returns it. */
  resource: Record<string, unknown>;
  /** When the resource was fetched (ms since the epoch), for a task's age. */
  fetchedAt: number;
  now: number;
  /** A task queue's counts, once known. */
  queueCounts?: QueueCounts;
}

const TASK_ICONS: Readonly<Record<string, [string, string | undefined]>> = {
  pending: ['circle-large-outline', 'charts.yellow'],
  reserved: ['bell', 'charts.orange'],
  assigned: ['play-circle', 'charts.blue'],
  wrapping: ['debug-pause', 'charts.purple'],
  completed: ['pass', 'charts.green'],
  canceled: ['circle-slash', undefined],
};

function s(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function present(input: PresentationInput): Presentation {
  const r = input.resource;
  const sid = s(r.sid) ?? '?';
  const name = s(r.friendlyName) ?? sid;
  const title = `${KINDS[input.kind].title} ${name}`;
  const common: Array<[string, unknown]> = [
    ['SID', sid],
    ['Created', r.dateCreated],
    ['Updated', r.dateUpdated],
  ];
  switch (input.kind) {
    case 'workspace':
      return {
        label: name,
        description: '',
        tooltip: tooltipMarkdown(title, [
          ...common,
          ['Default activity', r.defaultActivityName],
          ['Timeout activity', r.timeoutActivityName],
          [
            'Multi-tasking',
            r.multiTaskEnabled === true ? 'enabled' : r.multiTaskEnabled === false ? 'disabled' : undefined,
          ],
          ['Queue order', r.prioritizeQueueOrder],
          ['Event callback', r.eventCallbackUrl],
        ]),
        icon: KINDS.workspace.icon,
      };
    case 'workflow':
      return {
        label: name,
        description: describeWorkflow({ configuration: s(r.configuration) }),
        tooltip: tooltipMarkdown(title, [
          ...common,
          [
            'Reservation timeout',
            typeof r.taskReservationTimeout === 'number' ? `${r.taskReservationTimeout}s` : undefined,
          ],
          ['Assignment callback', r.assignmentCallbackUrl],
        ]),
        icon: KINDS.workflow.icon,
      };
    case 'taskQueue':
      return {
        label: name,
        description: describeQueue(input.queueCounts),
        tooltip: tooltipMarkdown(title, [
          ...common,
          ['Target workers', r.targetWorkers],
          ['Task order', r.taskOrder],
          ['Max reserved workers', r.maxReservedWorkers],
          ['Reservation activity', r.reservationActivityName],
          ['Assignment activity', r.assignmentActivityName],
          ['Waiting tasks', input.queueCounts?.waiting],
          ['Available workers', input.queueCounts?.availableWorkers],
        ]),
        icon: KINDS.taskQueue.icon,
      };
    case 'worker':
      return {
        label: name,
        description: describeWorker({ activityName: s(r.activityName) }),
        tooltip: tooltipMarkdown(title, [
          ...common,
          ['Activity', r.activityName],
          ['Available', r.available],
          ['Status changed', r.dateStatusChanged],
          ['Attributes', truncate(s(r.attributes) ?? '', 300)],
        ]),
        icon: KINDS.worker.icon,
        iconColor: r.available === true ? 'charts.green' : undefined,
      };
    case 'activity':
      return {
        label: name,
        // "Available  available" says nothing twice: the state shows only when the name does not already say it.
        description: unlessSaid(name, describeActivity({ available: r.available === true })),
        tooltip: tooltipMarkdown(title, [...common, ['Available', r.available]]),
        icon: r.available === true ? 'circle-filled' : 'circle-outline',
        iconColor: r.available === true ? 'charts.green' : undefined,
      };
    case 'task': {
      const status = s(r.assignmentStatus) ?? 'unknown';
      const age = taskAgeSeconds(
        { age: typeof r.age === 'number' ? r.age : undefined, dateCreated: r.dateCreated as Date | string | undefined },
        input.fetchedAt,
        input.now,
      );
      const [icon, color] = TASK_ICONS[status] ?? [KINDS.task.icon, undefined];
      return {
        label: shortSid(sid),
        description: describeTask(
          {
            assignmentStatus: status,
            taskQueueFriendlyName: s(r.taskQueueFriendlyName),
            taskQueueSid: s(r.taskQueueSid),
          },
          age,
        ),
        tooltip: tooltipMarkdown(`Task ${sid}`, [
          ...common,
          ['Status', status],
          ['Age', age === undefined ? undefined : formatAge(age)],
          ['Priority', r.priority],
          ['Queue', r.taskQueueFriendlyName ?? r.taskQueueSid],
          ['Workflow', r.workflowFriendlyName ?? r.workflowSid],
          ['Channel', r.taskChannelUniqueName],
          ['Reason', r.reason],
          ['Attributes', truncate(s(r.attributes) ?? '', 300)],
        ]),
        icon,
        iconColor: color,
      };
    }
    case 'taskChannel':
      return {
        label: name,
        description: s(r.uniqueName) ?? '',
        tooltip: tooltipMarkdown(title, [
          ...common,
          ['Unique name', r.uniqueName],
          ['Channel optimized routing', r.channelOptimizedRouting],
        ]),
        icon: KINDS.taskChannel.icon,
      };
  }
}

/** The description, unless the label already says exactly that (an activity named "Available"). */
function unlessSaid(label: string, description: string): string {
  return label.trim().toLowerCase() === description.toLowerCase() ? '' : description;
}
