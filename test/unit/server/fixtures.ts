/** Test fixtures for the server's protocol tests: one TaskRouter workspace's data, as a client would answer it. */
import type { WorkspaceData, WorkspaceQueue } from '../../../server/src/protocol';

export const SUPPORT_QUEUE: WorkspaceQueue = {
  sid: 'WQ' + 'a'.repeat(32),
  friendlyName: 'Support English',
  targetWorkers: 'languages HAS "en"',
  eligibleWorkers: 17,
  availableWorkers: 9,
};

export const SALES_QUEUE: WorkspaceQueue = {
  sid: 'WQ' + 'b'.repeat(32),
  friendlyName: 'Sales Spanish',
  targetWorkers: 'languages HAS "es" AND skills.sales > 2',
  eligibleWorkers: 4,
  availableWorkers: 0,
};

/** A well-formed queue SID that is in no workspace. */
export const UNKNOWN_QUEUE_SID = 'WQ' + 'c'.repeat(32);

export const WORKSPACE: WorkspaceData = {
  queues: [SUPPORT_QUEUE, SALES_QUEUE],
  activities: [
    { sid: 'WA' + 'd'.repeat(32), friendlyName: 'Available', available: true },
    { sid: 'WA' + 'e'.repeat(32), friendlyName: 'Offline', available: false },
  ],
  workerAttributes: ['languages', 'skills.sales', 'skills.support', 'routing.skills'],
  taskAttributes: ['type', 'language', 'customer.tier'],
};

/** A pretty-printed workflow routing to the support queue, with expressions. */
export function workflowText(queue = SUPPORT_QUEUE.sid): string {
  return JSON.stringify(
    {
      task_routing: {
        filters: [
          {
            filter_friendly_name: 'English support',
            expression: 'type == "support" AND language == "en"',
            targets: [{ queue, expression: 'task.language IN worker.languages', priority: 2 }],
          },
        ],
        default_filter: { queue },
      },
    },
    null,
    2,
  );
}
