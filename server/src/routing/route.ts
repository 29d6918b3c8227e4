/**
 * The routing decisions TaskRouter makes for a task:
 * 1. which filter matches (the first whose expression holds and whose targets are not all skipped by `skip_if`, else
 *    `default_filter`; see {@link enterWorkflow});
 * 2. which target of that filter applies, given the task's age (timeouts are cumulative against the task's age: target
 *    `i` times out when the age reaches the sum of the timeouts of targets `0..i`, however the task got there, as
 *    Twilio's timeout-evaluation page describes) and `skip_if` (evaluated when the task reaches the target, against
 *    the counts of the target queue's workers);
 * 3. which workers are eligible (the queue's `target_workers` AND the target's `expression`, and the known worker),
 *    in `order_by` order.
 * When the task runs past the last target it leaves the workflow (TaskRouter cancels it); a later filter and the
 * default filter do not catch it.
 */
import type {
  Evaluate,
  EvaluationContext,
  RoutingConfig,
  RoutingPosition,
  RoutingQueue,
  RoutingTarget,
  RoutingWorker,
  WorkerCounts,
} from './types';

export interface FilterMatch {
  /** The filter index, or -1 for the default filter. */
  filter: number;
  name?: string;
  targets: RoutingTarget[];
}

/** The first filter whose expression holds for the task, else the default filter, else undefined. */
export function matchFilter(
  config: RoutingConfig,
  task: Record<string, unknown>,
  evaluate: Evaluate,
  now?: () => Date,
): FilterMatch | undefined {
  for (let i = 0; i < config.filters.length; i++) {
    const f = config.filters[i];
    const ctx: EvaluationContext = { scope: 'filter', task, ...(now ? { now } : {}) };
    if (evaluate(f.expression, ctx))
      return { filter: i, ...(f.name !== undefined ? { name: f.name } : {}), targets: f.targets };
  }
  if (config.defaultFilter) return { filter: -1, name: 'default_filter', targets: [config.defaultFilter] };
  return undefined;
}

export function targetsAt(config: RoutingConfig, filter: number): RoutingTarget[] {
  if (filter === -1) return config.defaultFilter ? [config.defaultFilter] : [];
  return config.filters[filter]?.targets ?? [];
}

export interface TargetResolution {
  position: RoutingPosition;
  /** The applicable target; undefined when the task ran past the last one (workflow timeout). */
  target?: RoutingTarget;
  /** The task age (seconds) at which the current target times out, if it has a timeout. */
  expiresAt?: number;
  /** Targets passed over on the way, and why. */
  passed: { target: number; reason: 'timeout' | 'skip_if' }[];
}

/**
 * The task age (seconds) at which target `index` times out: the sum of the timeouts of targets `0..index` (a target
 * without a timeout adds nothing). Undefined when the target itself has no timeout.
 */
export function targetDeadline(targets: readonly RoutingTarget[], index: number): number | undefined {
  if (targets[index]?.timeout === undefined) return undefined;
  let sum = 0;
  for (let i = 0; i <= index; i++) sum += targets[i].timeout ?? 0;
  return sum;
}

export interface ResolveOptions {
  /** True for a task entering the filter now: the first target's `skip_if` is evaluated. */
  fresh?: boolean;
  task?: Record<string, unknown>;
  now?: () => Date;
  /**
   * Whether a reservation could be created at once for the task at this target. TaskRouter evaluates `skip_if` only
   * when none can ("Skip Timeout is evaluated only if a Task can't be assigned to a Worker immediately"), so a step
   * with `skip_if: 1==1` still gets the task while a matching worker is free. Without it, `skip_if` alone decides.
   */
  assignable?: (target: RoutingTarget) => boolean;
}

/**
 * Moves a task along its filter's targets up to `age`. `from` is where the task was (for a newly matched task:
 * `{filter, target: 0, enteredAt: age}` with `fresh` true so the first target's `skip_if` is evaluated).
 * `counts(queue)` gives the worker counts of a queue for `skip_if`.
 */
export function resolveTarget(
  targets: readonly RoutingTarget[],
  from: RoutingPosition,
  age: number,
  counts: (queueSid: string) => WorkerCounts,
  evaluate: Evaluate,
  options: ResolveOptions = {},
): TargetResolution {
  let index = from.target;
  let enteredAt = from.enteredAt;
  let entering = options.fresh ?? false;
  const passed: TargetResolution['passed'] = [];
  for (;;) {
    const position = { filter: from.filter, target: index, enteredAt };
    const target = targets[index];
    if (!target) return { position, passed };
    if (entering && target.skipIf && !options.assignable?.(target)) {
      const ctx: EvaluationContext = {
        scope: 'skipIf',
        workers: counts(target.queue),
        ...(options.task ? { task: options.task } : {}),
        ...(options.now ? { now: options.now } : {}),
      };
      if (evaluate(target.skipIf, ctx)) {
        passed.push({ target: index, reason: 'skip_if' });
        // Skipping happens on arrival: the next target is reached at the same age.
        index++;
        entering = true;
        continue;
      }
    }
    const expiresAt = targetDeadline(targets, index);
    if (expiresAt !== undefined) {
      if (age >= expiresAt) {
        passed.push({ target: index, reason: 'timeout' });
        index++;
        enteredAt = Math.max(enteredAt, expiresAt);
        entering = true;
        continue;
      }
      return { position, target, expiresAt, passed };
    }
    return { position, target, passed };
  }
}

export interface WorkflowEntry {
  match: FilterMatch;
  resolution: TargetResolution;
  /** Filters whose expression matched but whose every target was skipped by `skip_if`, in order. */
  skippedFilters: number[];
}

/**
 * Sends a task into a workflow at `age`: the first filter whose expression holds and whose targets are not all skipped
 * by `skip_if` (TaskRouter treats a filter skipped that way as one that did not match), else the default filter.
 * Returns undefined when nothing matches and there is no default filter. A resolution without `target` means the task
 * leaves the workflow (a target with timeout 0, or a default filter skipped by its `skip_if`).
 */
export function enterWorkflow(
  config: RoutingConfig,
  task: Record<string, unknown>,
  age: number,
  counts: (queueSid: string) => WorkerCounts,
  evaluate: Evaluate,
  now?: () => Date,
  assignable?: (target: RoutingTarget) => boolean,
): WorkflowEntry | undefined {
  const skippedFilters: number[] = [];
  const options: ResolveOptions = { fresh: true, task, ...(now ? { now } : {}), ...(assignable ? { assignable } : {}) };
  const candidates: FilterMatch[] = [];
  for (let i = 0; i < config.filters.length; i++) {
    const f = config.filters[i];
    const ctx: EvaluationContext = { scope: 'filter', task, ...(now ? { now } : {}) };
    if (evaluate(f.expression, ctx)) {
      candidates.push({ filter: i, ...(f.name !== undefined ? { name: f.name } : {}), targets: f.targets });
    }
  }
  if (config.defaultFilter) {
    candidates.push({ filter: -1, name: 'default_filter', targets: [config.defaultFilter] });
  }
  for (const match of candidates) {
    const resolution = resolveTarget(
      match.targets,
      { filter: match.filter, target: 0, enteredAt: age },
      age,
      counts,
      evaluate,
      options,
    );
    const allSkipped =
      !resolution.target && resolution.passed.length > 0 && resolution.passed.every((p) => p.reason === 'skip_if');
    if (allSkipped && match.filter !== -1) {
      skippedFilters.push(match.filter);
      continue;
    }
    return { match, resolution, skippedFilters };
  }
  return undefined;
}

/** The worker as a target expression sees it under `worker.`. */
export function workerContext(w: RoutingWorker): Record<string, unknown> {
  return {
    ...w.attributes,
    sid: w.sid,
    friendly_name: w.friendlyName,
    activity_sid: w.activitySid,
    activity_name: w.activityName,
    ...(w.channels ? { channel: w.channels } : {}),
  };
}

/** Whether a worker matches a queue's `target_workers` (worker attributes unprefixed). Empty matches nobody. */
export function matchesQueue(queue: RoutingQueue, worker: RoutingWorker, evaluate: Evaluate): boolean {
  if (!queue.targetWorkers || queue.targetWorkers.trim() === '') return false;
  return evaluate(queue.targetWorkers, { scope: 'targetWorkers', worker: workerContext(worker) });
}

function lookup(path: string, root: Record<string, unknown>): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Reads `task.x.y` style references of `known_worker_sid` / `known_worker_friendly_name`. */
export function resolveTaskReference(reference: string, task: Record<string, unknown>): unknown {
  const ref = reference.trim();
  const path = ref.startsWith('task.') ? ref.slice(5) : ref;
  return lookup(path, task);
}

export interface OrderKey {
  attribute: string;
  descending: boolean;
}

/** Parses `order_by`: `worker.<attr> [ASC|DESC], ...`. Unreadable parts are ignored. */
export function parseOrderBy(orderBy: string | undefined): OrderKey[] {
  if (!orderBy) return [];
  const keys: OrderKey[] = [];
  for (const part of orderBy.split(',')) {
    const m = /^\s*(?:worker\.)?([A-Za-z_][\w.]*)\s*(ASC|DESC)?\s*$/i.exec(part);
    if (m) keys.push({ attribute: m[1], descending: (m[2] ?? 'ASC').toUpperCase() === 'DESC' });
  }
  return keys;
}

function compareValues(a: unknown, b: unknown): number {
  const an = typeof a === 'number' ? a : Number.NaN;
  const bn = typeof b === 'number' ? b : Number.NaN;
  // Workers without a numeric value sort last whatever the direction.
  if (Number.isNaN(an) && Number.isNaN(bn)) return 0;
  if (Number.isNaN(an)) return 1;
  if (Number.isNaN(bn)) return -1;
  return an - bn;
}

/** Sorts workers by `order_by` keys (stable: equal workers keep their given order). */
export function orderWorkers<W extends RoutingWorker>(workers: readonly W[], orderBy: string | undefined): W[] {
  const keys = parseOrderBy(orderBy);
  const indexed = workers.map((w, i) => ({ w, i }));
  if (keys.length === 0) return workers.slice();
  indexed.sort((x, y) => {
    for (const k of keys) {
      const av = lookup(k.attribute, x.w.attributes);
      const bv = lookup(k.attribute, y.w.attributes);
      const aMissing = typeof av !== 'number';
      const bMissing = typeof bv !== 'number';
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      const c = compareValues(av, bv);
      if (c !== 0) return k.descending ? -c : c;
    }
    return x.i - y.i;
  });
  return indexed.map((e) => e.w);
}

export interface EligibilityInput<W extends RoutingWorker> {
  target: RoutingTarget;
  queue: RoutingQueue;
  task: Record<string, unknown>;
  workers: readonly W[];
  evaluate: Evaluate;
  now?: () => Date;
}

/**
 * The workers a target may reserve, whatever their availability: they match the queue's `target_workers`, the
 * target's `expression` and, when set, the known worker. Sorted by `order_by`.
 */
export function eligibleWorkers<W extends RoutingWorker>(input: EligibilityInput<W>): W[] {
  const { target, queue, task, evaluate } = input;
  let knownSid: unknown;
  let knownName: unknown;
  if (target.knownWorkerSid) knownSid = resolveTaskReference(target.knownWorkerSid, task);
  if (target.knownWorkerFriendlyName) knownName = resolveTaskReference(target.knownWorkerFriendlyName, task);
  const out = input.workers.filter((w) => {
    if (target.knownWorkerSid && w.sid !== knownSid) return false;
    if (target.knownWorkerFriendlyName && w.friendlyName !== knownName) return false;
    if (!matchesQueue(queue, w, evaluate)) return false;
    if (target.expression) {
      const ctx: EvaluationContext = {
        scope: 'target',
        task,
        worker: workerContext(w),
        ...(input.now ? { now: input.now } : {}),
      };
      if (!evaluate(target.expression, ctx)) return false;
    }
    return true;
  });
  return orderWorkers(out, target.orderBy);
}

/** Counts for `skip_if`: available and unavailable workers of a queue, and per activity. */
export function countWorkers(workers: readonly RoutingWorker[]): WorkerCounts {
  const byActivity: Record<string, number> = {};
  let available = 0;
  for (const w of workers) {
    if (w.available) available++;
    byActivity[w.activitySid] = (byActivity[w.activitySid] ?? 0) + 1;
  }
  return { available, unavailable: workers.length - available, byActivity };
}
