/**
 * The workspace data the client sent (`taskrouter/workspaceData`), indexed for lookups. Built once per answer: the
 * server keeps the same `WorkspaceData` object while it is fresh, so the index is kept with it.
 */
import type { WorkspaceActivity, WorkspaceData, WorkspaceQueue } from '../../protocol';

export class WorkspaceIndex {
  private readonly queuesBySid = new Map<string, WorkspaceQueue>();
  private readonly activitiesBySid = new Map<string, WorkspaceActivity>();

  constructor(readonly data: WorkspaceData) {
    for (const queue of data.queues) this.queuesBySid.set(queue.sid, queue);
    for (const activity of data.activities) this.activitiesBySid.set(activity.sid, activity);
  }

  queue(sid: string): WorkspaceQueue | undefined {
    return this.queuesBySid.get(sid);
  }

  activity(sid: string): WorkspaceActivity | undefined {
    return this.activitiesBySid.get(sid);
  }
}

const indexes = new WeakMap<WorkspaceData, WorkspaceIndex>();

/** The index of a workspace's data; undefined when there is none (no SID checks, no SID completion). */
export function indexWorkspace(data: WorkspaceData | null | undefined): WorkspaceIndex | undefined {
  if (!data) return undefined;
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = new WorkspaceIndex(data)));
  return index;
}
