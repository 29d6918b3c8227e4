/**
 * Reduces a workflow configuration (JSON text or value) to a {@link RoutingConfig}: legacy keys accepted
 * (`task_queue_sid`, `friendly_name`, `friendlyName`), numeric strings accepted for `priority` and `timeout`, queues
 * inherited and priorities carried over from earlier targets of the same filter.
 *
 * This is the structural reading routing needs, not the validator: it reports only what makes routing impossible.
 */
import type { RoutingConfig, RoutingFilter, RoutingTarget } from './types';

export interface ParsedRoutingConfig {
  config?: RoutingConfig;
  /** What prevents routing, with the JSON path where it is. Empty when `config` is set. */
  errors: string[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function numberOf(v: unknown): number | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

function stringOf(v: unknown): string | undefined | null {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : null;
}

function readTarget(
  raw: unknown,
  where: string,
  inherited: { queue?: string; priority?: number },
  errors: string[],
): RoutingTarget | undefined {
  if (!isObj(raw)) {
    errors.push(`${where} must be an object`);
    return undefined;
  }
  const queueRaw = raw.queue !== undefined ? raw.queue : raw.task_queue_sid;
  const queue = stringOf(queueRaw);
  if (queue === null) errors.push(`${where}.queue must be a string`);
  const effectiveQueue = queue || inherited.queue;
  if (!effectiveQueue) {
    errors.push(`${where} has no queue (the first target of a filter needs one)`);
    return undefined;
  }
  const target: RoutingTarget = { queue: effectiveQueue };
  const priority = numberOf(raw.priority);
  if (priority === null) errors.push(`${where}.priority must be a number`);
  const effectivePriority = priority ?? inherited.priority;
  if (effectivePriority !== undefined) target.priority = effectivePriority;
  const timeout = numberOf(raw.timeout);
  if (timeout === null || (typeof timeout === 'number' && timeout < 0)) {
    errors.push(`${where}.timeout must be a non-negative number of seconds`);
  } else if (timeout !== undefined) target.timeout = timeout;
  for (const [key, prop] of [
    ['expression', 'expression'],
    ['order_by', 'orderBy'],
    ['skip_if', 'skipIf'],
    ['known_worker_sid', 'knownWorkerSid'],
    ['known_worker_friendly_name', 'knownWorkerFriendlyName'],
  ] as const) {
    const v = stringOf(raw[key]);
    if (v === null) errors.push(`${where}.${key} must be a string`);
    else if (v !== undefined && v.trim() !== '') target[prop] = v;
  }
  inherited.queue = effectiveQueue;
  inherited.priority = effectivePriority;
  return target;
}

export function parseRoutingConfig(input: string | unknown): ParsedRoutingConfig {
  const errors: string[] = [];
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      return { errors: [`configuration is not valid JSON: ${(err as Error).message}`] };
    }
  }
  if (!isObj(doc)) return { errors: ['configuration must be a JSON object'] };
  const routing = doc.task_routing;
  if (!isObj(routing)) return { errors: ['configuration.task_routing must be an object'] };

  const filters: RoutingFilter[] = [];
  const rawFilters = routing.filters ?? [];
  if (!Array.isArray(rawFilters)) errors.push('task_routing.filters must be an array');
  else {
    rawFilters.forEach((rawFilter, i) => {
      const where = `task_routing.filters[${i}]`;
      if (!isObj(rawFilter)) {
        errors.push(`${where} must be an object`);
        return;
      }
      const expression = stringOf(rawFilter.expression);
      if (expression === null || expression === undefined) {
        errors.push(`${where}.expression must be a string`);
        return;
      }
      const nameRaw = rawFilter.filter_friendly_name ?? rawFilter.friendly_name ?? rawFilter.friendlyName;
      const name = typeof nameRaw === 'string' ? nameRaw : undefined;
      const rawTargets = rawFilter.targets;
      if (!Array.isArray(rawTargets) || rawTargets.length === 0) {
        errors.push(`${where}.targets must be a non-empty array`);
        return;
      }
      const inherited: { queue?: string; priority?: number } = {};
      const targets: RoutingTarget[] = [];
      rawTargets.forEach((rt, j) => {
        const t = readTarget(rt, `${where}.targets[${j}]`, inherited, errors);
        if (t) targets.push(t);
      });
      filters.push({ ...(name !== undefined ? { name } : {}), expression, targets });
    });
  }
  let defaultFilter: RoutingTarget | undefined;
  if (routing.default_filter !== undefined) {
    defaultFilter = readTarget(routing.default_filter, 'task_routing.default_filter', {}, errors);
  }
  if (errors.length > 0) return { errors };
  return { config: { filters, ...(defaultFilter ? { defaultFilter } : {}) }, errors };
}

/** Every queue SID a configuration routes to, in order of appearance, without duplicates. */
export function queuesOf(config: RoutingConfig): string[] {
  const seen = new Set<string>();
  for (const f of config.filters) for (const t of f.targets) seen.add(t.queue);
  if (config.defaultFilter) seen.add(config.defaultFilter.queue);
  return [...seen];
}
