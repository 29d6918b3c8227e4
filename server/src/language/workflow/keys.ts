/** The keys a workflow configuration may contain, where they belong, and suggestions for misspelt ones. */
import { editDistance } from '../editDistance';

/** The places an object can sit in a workflow configuration. */
export type ObjectPlace = 'root' | 'taskRouting' | 'filter' | 'target' | 'defaultFilter';

export const PLACE_NAMES: Record<ObjectPlace, string> = {
  root: 'the top level',
  taskRouting: '`task_routing`',
  filter: 'a filter',
  target: 'a target',
  defaultFilter: '`default_filter`',
};

/** Legacy key -> the modern key that replaces it. */
export const LEGACY_KEYS: Readonly<Record<string, string>> = {
  task_queue_sid: 'queue',
  friendly_name: 'filter_friendly_name',
  friendlyName: 'filter_friendly_name',
};

export const TARGET_KEYS = [
  'queue',
  'expression',
  'priority',
  'timeout',
  'order_by',
  'skip_if',
  'known_worker_sid',
  'known_worker_friendly_name',
] as const;

/** The modern keys valid in each place (legacy aliases are accepted too, with a warning). */
export const VALID_KEYS: Record<ObjectPlace, readonly string[]> = {
  root: ['task_routing'],
  taskRouting: ['filters', 'default_filter'],
  filter: ['filter_friendly_name', 'expression', 'targets'],
  target: TARGET_KEYS,
  defaultFilter: ['queue'],
};

/** Legacy keys valid in each place. */
export const LEGACY_KEYS_BY_PLACE: Record<ObjectPlace, readonly string[]> = {
  root: [],
  taskRouting: [],
  filter: ['friendly_name', 'friendlyName'],
  target: ['task_queue_sid'],
  defaultFilter: ['task_queue_sid'],
};

/** Where a key that is valid somewhere belongs, phrased for a message. */
export function homeOf(key: string): string | undefined {
  switch (key) {
    case 'task_routing':
      return 'the top level';
    case 'filters':
    case 'default_filter':
      return '`task_routing`';
    case 'filter_friendly_name':
    case 'targets':
    case 'friendly_name':
    case 'friendlyName':
      return 'a filter (an element of `task_routing.filters`)';
    case 'expression':
      return 'a filter or a target';
    default:
      return (TARGET_KEYS as readonly string[]).includes(key) || key === 'task_queue_sid'
        ? "a target (an element of a filter's `targets`)"
        : undefined;
  }
}

/** Every key that is valid somewhere, for suggestions. */
const ALL_KEYS: readonly string[] = [...new Set([...Object.values(VALID_KEYS).flat(), ...Object.keys(LEGACY_KEYS)])];

/**
 * The closest key to a misspelt one: first among the keys valid in this place, then among all keys. Undefined when
 * nothing is close enough to be a plausible typo.
 */
export function suggestKey(key: string, place: ObjectPlace): string | undefined {
  const local = closest(key, VALID_KEYS[place]);
  if (local) return local;
  return closest(key, ALL_KEYS);
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  const normalised = normalise(key);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = normalise(candidate);
    if (c === normalised) return candidate;
    const distance = editDistance(normalised, c);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  const allowed = Math.max(2, Math.floor(key.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** `Friendly-Name`, `friendlyName` and `friendly_name` all compare equal. */
function normalise(key: string): string {
  return key.replace(/[-_\s]/g, '').toLowerCase();
}
