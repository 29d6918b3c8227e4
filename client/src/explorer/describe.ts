// What the tree shows about each resource: descriptions and tooltips as plain strings.
// Pure: no `vscode` import. Field names follow the REST client's camelCase resources.

/** Formats a duration in seconds the way the tree shows a task's age: "42s", "5m", "3h 4m", "2d 3h". */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return '?';
  }
  const s = Math.floor(seconds);
  if (s < 60) {
    return `${s}s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return `${minutes}m`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h ${m}m`;
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${days}d` : `${days}d ${h}h`;
}

/**
 * A task's age now: the API's `age` (seconds at fetch time) plus the time since the fetch.
 * Falls back to `dateCreated` when `age` is missing.
 */
export function taskAgeSeconds(
  task: { age?: number | null; dateCreated?: Date | string | null },
  fetchedAt: number,
  now: number,
): number | undefined {
  if (typeof task.age === 'number' && Number.isFinite(task.age)) {
    return task.age + Math.max(0, (now - fetchedAt) / 1000);
  }
  const created = toTime(task.dateCreated);
  return created === undefined ? undefined : Math.max(0, (now - created) / 1000);
}

export function toTime(value: Date | string | null | undefined): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A SID short enough to leave room for a description in the side bar: the prefix and 8 hex digits
 * ("WT9762ae50…"), like a short commit hash. Tooltips and Copy SID give the whole SID.
 */
export function shortSid(sid: string): string {
  return sid.length > 12 ? `${sid.slice(0, 10)}…` : sid;
}

/** "pending · 5m · Support" */
export function describeTask(
  task: { assignmentStatus?: string | null; taskQueueFriendlyName?: string | null; taskQueueSid?: string | null },
  ageSeconds: number | undefined,
): string {
  const parts = [task.assignmentStatus ?? 'unknown status'];
  if (ageSeconds !== undefined) {
    parts.push(formatAge(ageSeconds));
  }
  parts.push(task.taskQueueFriendlyName ?? task.taskQueueSid ?? 'no queue');
  return parts.join(' · ');
}

/** "Available" (the worker's activity). */
export function describeWorker(worker: { activityName?: string | null }): string {
  return worker.activityName ?? 'no activity';
}

export interface QueueCounts {
  /** Tasks waiting to be reserved (pending). */
  waiting: number;
  availableWorkers: number;
}

/** "3 waiting · 2 available", or "" while the counts are unknown. */
export function describeQueue(counts: QueueCounts | undefined): string {
  if (!counts) {
    return '';
  }
  const w = counts.availableWorkers;
  return `${counts.waiting} waiting · ${w} available`;
}

/** "available" / "unavailable" for an activity. */
export function describeActivity(activity: { available?: boolean | null }): string {
  return activity.available ? 'available' : 'unavailable';
}

/** "2 filters" or "default only" from a workflow's configuration JSON; "" when it cannot be read. */
export function describeWorkflow(workflow: { configuration?: string | null }): string {
  if (!workflow.configuration) {
    return '';
  }
  try {
    const parsed = JSON.parse(workflow.configuration) as { task_routing?: { filters?: unknown[] } };
    const filters = parsed.task_routing?.filters;
    const n = Array.isArray(filters) ? filters.length : 0;
    if (n === 0) {
      return 'default route only';
    }
    return n === 1 ? '1 filter' : `${n} filters`;
  } catch {
    return 'configuration is not valid JSON';
  }
}

/**
 * A tooltip as Markdown: a bold title, then `name: value` lines for the fields that are set.
 * Values are escaped so user text (friendly names, attributes) never becomes markup.
 */
export function tooltipMarkdown(title: string, fields: ReadonlyArray<readonly [string, unknown]>): string {
  const lines = [`**${escapeMarkdown(title)}**`, ''];
  for (const [name, value] of fields) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    lines.push(`${escapeMarkdown(name)}: ${escapeMarkdown(formatValue(value))}  `);
  }
  return lines.join('\n');
}

function formatValue(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** Shortens long attribute strings for tooltips: at most `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
