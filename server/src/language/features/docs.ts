/**
 * The documentation the editor shows for workflow keys and expression names: one table, read by completion (an item's
 * documentation) and hover alike, so the two never disagree. Every text is Markdown.
 */
import { DAYS_OF_WEEK, TASKROUTER_VARIABLES, WORKER_CHANNEL_PROPERTIES, WORKER_PROPERTIES } from '../expression/codes';
import type { Scope } from '../expression/types';
import type { WorkspaceQueue } from '../../protocol';
import { LEGACY_KEYS, PLACE_NAMES, VALID_KEYS, type ObjectPlace } from '../workflow/keys';

/** Where each scope's expressions are written, phrased for a sentence. */
export const SCOPE_NAMES: Record<Scope, string> = {
  filter: "a filter's `expression`",
  target: "a target's `expression`",
  skipIf: "a target's `skip_if`",
  orderBy: "a target's `order_by`",
  targetWorkers: "a task queue's `target_workers`",
  knownWorker: '`known_worker_sid` / `known_worker_friendly_name`',
};

function scopeList(scopes: readonly Scope[]): string {
  return scopes.map((s) => SCOPE_NAMES[s]).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------------
// JSON keys
// ---------------------------------------------------------------------------------------------------------------------

interface KeyDoc {
  /** What the key does; `expression` has one text per place. */
  summary: string | Partial<Record<ObjectPlace, string>>;
  /** The JSON value it takes. */
  value: string;
}

const KEY_DOCS: Record<string, KeyDoc> = {
  task_routing: {
    summary: 'The routing rules: the `filters` tried in order, and the `default_filter` for tasks no filter matches.',
    value: 'an object',
  },
  filters: {
    summary:
      'The filters, tried in order: a task goes to the targets of the first filter whose `expression` matches it.',
    value: 'an array of filters',
  },
  default_filter: {
    summary: 'Where a task goes when no filter matches it: an object with a `queue`.',
    value: 'an object such as `{ "queue": "WQ…" }`',
  },
  filter_friendly_name: {
    summary: 'The name of the filter, shown in the outline, in the Console and in task events.',
    value: 'a string',
  },
  expression: {
    summary: {
      filter:
        'The condition a task must meet for this filter to route it. Reads task attributes without a prefix ' +
        "(`type == 'support'`) and `taskrouter.*`.",
      target:
        'Which workers of the queue may take the task. Reads `task.<attribute>`, `worker.<attribute>` and ' +
        '`taskrouter.*`; every worker of the queue is checked against it.',
    },
    value: 'a string holding an expression',
  },
  targets: {
    summary:
      'The steps a matching task goes through, in order: each target offers the task to its queue until its ' +
      '`timeout` runs out, then the next target takes over.',
    value: 'an array of targets',
  },
  queue: {
    summary:
      'The task queue the task is sent to: its SID. A target without `queue` uses the queue of the target before.',
    value: 'a string: a queue SID (`WQ` and 32 hexadecimal digits)',
  },
  priority: {
    summary: "The task's priority while it waits in this target's queue: higher numbers are assigned first.",
    value: 'a whole number from 0 to 2,147,483,647',
  },
  timeout: {
    summary: 'How many seconds the task waits in this target before the next target is tried.',
    value: 'a positive whole number of seconds',
  },
  order_by: {
    summary:
      "In which order the target's workers are offered the task: `worker.<attribute> ASC|DESC`, comma-separated.",
    value: 'a string such as `"worker.level DESC"`',
  },
  skip_if: {
    summary:
      'Skips this target when the condition holds, looking only at worker counts of its queue: ' +
      '`workers.available == 0` skips a queue where nobody is available.',
    value: 'a string such as `"workers.available == 0"`',
  },
  known_worker_sid: {
    summary: 'Routes the task to one worker, whose SID is read from a task attribute (`task.agent_sid`).',
    value: 'a string: one `task.<attribute>` reference',
  },
  known_worker_friendly_name: {
    summary: 'Routes the task to one worker, whose friendly name is read from a task attribute (`task.agent_name`).',
    value: 'a string: one `task.<attribute>` reference',
  },
};

/** The places a key is valid in (legacy keys: where the modern key is). */
function placesOf(key: string): ObjectPlace[] {
  const modern = LEGACY_KEYS[key] ?? key;
  return (Object.keys(VALID_KEYS) as ObjectPlace[]).filter((place) => VALID_KEYS[place].includes(modern));
}

/**
 * What a workflow key does, which value it takes and where it is valid; undefined for keys TaskRouter does not know.
 * `place` picks the text of a key that means different things in different places (`expression`).
 */
export function keyDocumentation(key: string, place?: ObjectPlace): string | undefined {
  const modern = LEGACY_KEYS[key];
  const doc = KEY_DOCS[modern ?? key];
  if (!doc) return undefined;
  const places = placesOf(key);
  let summary: string;
  if (typeof doc.summary === 'string') {
    summary = doc.summary;
  } else if (place && doc.summary[place]) {
    summary = doc.summary[place]!;
  } else {
    summary = (Object.entries(doc.summary) as [ObjectPlace, string][])
      .map(([p, text]) => `In ${PLACE_NAMES[p]}: ${text}`)
      .join('\n\n');
  }
  const lines = [`**\`${key}\`**: ${summary}`, '', `Value: ${doc.value}.`, '', `Valid in: ${placesText(places)}.`];
  if (modern) {
    lines.push('', `\`${key}\` is the legacy name of \`${modern}\`: write \`${modern}\` instead.`);
  } else if (place && !places.includes(place)) {
    lines.push('', `Not valid in ${PLACE_NAMES[place]}.`);
  }
  return lines.join('\n');
}

function placesText(places: readonly ObjectPlace[]): string {
  return places.map((p) => PLACE_NAMES[p]).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Operators and keywords
// ---------------------------------------------------------------------------------------------------------------------

/** Where conditions are written (every operator and `AND` / `OR` work in these). */
const CONDITION_SCOPES: readonly Scope[] = ['filter', 'target', 'skipIf', 'targetWorkers'];

interface OperatorDoc {
  summary: string;
  example: string;
  scopes: readonly Scope[];
  /** Said after the summary: undocumented spellings, the preferred one. */
  note?: string;
}

const OPERATOR_DOCS: Record<string, OperatorDoc> = {
  '==': { summary: 'Equal: same type and same value.', example: "type == 'support'", scopes: CONDITION_SCOPES },
  '=': {
    summary: 'Equal; the same as `==`.',
    example: "type = 'support'",
    scopes: CONDITION_SCOPES,
    note: 'The formatter writes `==`.',
  },
  '!=': {
    summary: 'Not equal (also true when the attribute is missing and the other side is not `null`).',
    example: 'agent != null',
    scopes: CONDITION_SCOPES,
  },
  '<>': {
    summary: 'Not equal; the same as `!=`.',
    example: 'level <> 3',
    scopes: CONDITION_SCOPES,
    note: 'Twilio does not document `<>`: write `!=`.',
  },
  '>': { summary: 'Greater than: two numbers or two strings.', example: 'skill_rating > 5', scopes: CONDITION_SCOPES },
  '>=': {
    summary: 'Greater than or equal: two numbers or two strings.',
    example: 'skill_rating >= 5.1',
    scopes: CONDITION_SCOPES,
  },
  '<': { summary: 'Less than: two numbers or two strings.', example: 'wait_minutes < 10', scopes: CONDITION_SCOPES },
  '<=': {
    summary: 'Less than or equal: two numbers or two strings.',
    example: 'taskrouter.currentHour <= 17',
    scopes: CONDITION_SCOPES,
  },
  CONTAINS: {
    summary: 'The string on the left contains the string on the right (letter case matters).',
    example: "email CONTAINS '@example.com'",
    scopes: CONDITION_SCOPES,
  },
  HAS: {
    summary: 'The array on the left holds the value on the right.',
    example: "skills HAS 'support'",
    scopes: CONDITION_SCOPES,
  },
  IN: {
    summary: 'The value on the left is one of the array on the right.',
    example: "language IN ['en', 'es']",
    scopes: CONDITION_SCOPES,
  },
  'NOT IN': {
    summary:
      'The value on the left is not in the array on the right. False when the right side is not an array (a missing ' +
      'attribute is `null`).',
    example: 'worker.sid NOT IN task.blocked',
    scopes: CONDITION_SCOPES,
  },
  'NOT HAS': {
    summary: 'The array on the left does not hold the value on the right.',
    example: "skills NOT HAS 'sales'",
    scopes: CONDITION_SCOPES,
    note: 'Twilio does not document `NOT HAS`: write `value NOT IN array`.',
  },
  'NOT CONTAINS': {
    summary: 'The string on the left does not contain the string on the right.',
    example: "email NOT CONTAINS 'test'",
    scopes: CONDITION_SCOPES,
    note: 'Twilio does not document `NOT CONTAINS`.',
  },
  AND: {
    summary: 'Both conditions hold. Binds tighter than `OR`.',
    example: "type == 'support' AND level > 2",
    scopes: CONDITION_SCOPES,
  },
  OR: {
    summary: 'Either condition holds. `AND` binds tighter: use parentheses when you mix them.',
    example: "type == 'sales' OR (type == 'support' AND vip == true)",
    scopes: CONDITION_SCOPES,
  },
  NOT: {
    summary: 'Negates the condition after it; binds tighter than `AND`.',
    example: "NOT type == 'spam'",
    scopes: CONDITION_SCOPES,
    note: 'Twilio does not document prefix `NOT`: prefer `!=` or `NOT IN`.',
  },
  ASC: {
    summary: 'Sorts workers by this attribute, smallest first.',
    example: 'worker.tenure ASC',
    scopes: ['orderBy'],
  },
  DESC: {
    summary: 'Sorts workers by this attribute, largest first.',
    example: 'worker.level DESC, worker.tenure ASC',
    scopes: ['orderBy'],
  },
};

/** The comparison operators completion offers, in the order it offers them. */
export const COMPARISON_OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'IN', 'NOT IN', 'HAS', 'CONTAINS'] as const;

/** Operators that compare numbers (all `skip_if` needs). */
export const NUMERIC_OPERATORS = ['==', '!=', '>', '>=', '<', '<='] as const;

/** The documentation of an operator or keyword (`==`, `NOT IN`, `asc`, …); undefined for anything else. */
export function operatorDocumentation(operator: string): string | undefined {
  const name = /^[a-z ]+$/i.test(operator) ? operator.toUpperCase().replace(/\s+/g, ' ') : operator;
  const doc = OPERATOR_DOCS[name];
  if (!doc) return undefined;
  const lines = [`**\`${name}\`**: ${doc.summary}`];
  if (doc.note) lines.push('', doc.note);
  lines.push('', '```', doc.example, '```', '', `Valid in: ${scopeList(doc.scopes)}.`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------------------

const CONSTANT_DOCS: Record<string, string> = {
  true: 'The boolean `true`. Compare with it (`vip == true`); a number or a string is never equal to it.',
  false: 'The boolean `false`. A missing attribute is `null`, not `false`.',
  null: 'No value: a missing attribute is `null`, so `agent != null` is true only when the task has an `agent`.',
};

/** The documentation of `true`, `false` or `null` (any letter case). */
export function constantDocumentation(word: string): string | undefined {
  const text = CONSTANT_DOCS[word.toLowerCase()];
  return text && `**\`${word.toLowerCase()}\`**: ${text}`;
}

/** The documentation of a `taskrouter.dayOfWeek` value. */
export function dayDocumentation(day: string): string {
  return (
    `**'${day}'**: a value of \`taskrouter.dayOfWeek\` (in UTC). Day names are case-sensitive: ` +
    `${DAYS_OF_WEEK.map((d) => `'${d}'`).join(', ')}.`
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Names: taskrouter.*, workers.*, worker built-ins, the prefixes
// ---------------------------------------------------------------------------------------------------------------------

const TASKROUTER_DOCS: Record<(typeof TASKROUTER_VARIABLES)[number], { meaning: string; format: string }> = {
  currentTime: {
    meaning: 'The current time of day, in UTC.',
    format: 'a whole number HHMM: 9:05 is `905`, 17:30 is `1730`',
  },
  currentHour: { meaning: 'The current hour, in UTC.', format: 'a number from 0 to 23' },
  currentMin: { meaning: 'The current minute of the hour, in UTC.', format: 'a number from 0 to 59' },
  dayOfWeek: {
    meaning: 'The current day of the week, in UTC.',
    format: `one of ${DAYS_OF_WEEK.map((d) => `\`'${d}'\``).join(', ')} (case-sensitive)`,
  },
};

/** The documentation of `taskrouter.<name>`; undefined for names TaskRouter does not provide. */
export function taskrouterDocumentation(name: string): string | undefined {
  const doc = (TASKROUTER_DOCS as Record<string, { meaning: string; format: string }>)[name];
  if (!doc) return undefined;
  return [
    `**\`taskrouter.${name}\`**: ${doc.meaning}`,
    '',
    `Value: ${doc.format}.`,
    '',
    `Valid in: ${scopeList(['filter', 'target'])}.`,
  ].join('\n');
}

const WORKERS_DOCS: Record<string, string> = {
  available: 'The number of workers of the queue in an available activity.',
  unavailable: 'The number of workers of the queue in an unavailable activity.',
};

/** The documentation of `workers.available` / `workers.unavailable`; undefined for anything else. */
export function workersDocumentation(name: string): string | undefined {
  const text = WORKERS_DOCS[name];
  return text && `**\`workers.${name}\`**: ${text}\n\nValue: a number.\n\nValid in: ${SCOPE_NAMES.skipIf}.`;
}

/** The documentation of `workers.WA…`, with the activity's name when known. */
export function activityCountDocumentation(sid: string, activity?: { friendlyName: string; available: boolean }) {
  const head = `**\`workers.${sid}\`**: the number of workers of the queue whose activity is`;
  if (!activity) return `${head} \`${sid}\`.\n\nValid in: ${SCOPE_NAMES.skipIf}.`;
  const availability = activity.available ? 'an available activity' : 'an unavailable activity';
  return `${head} **${escapeMarkdown(activity.friendlyName)}** (${availability}).\n\nValid in: ${SCOPE_NAMES.skipIf}.`;
}

const WORKER_PROPERTY_DOCS: Record<(typeof WORKER_PROPERTIES)[number], string> = {
  sid: "The worker's SID (`WK…`).",
  friendly_name: "The worker's friendly name.",
  activity_name: "The name of the worker's current activity.",
  activity_sid: "The SID of the worker's current activity (`WA…`).",
  channel: "The worker's task channels: `worker.channel.<unique_name>.<property>`.",
};

const CHANNEL_PROPERTY_DOCS: Record<(typeof WORKER_CHANNEL_PROPERTIES)[number], string> = {
  configured_capacity: 'How many tasks of this channel the worker may handle at once.',
  assigned_tasks: 'How many tasks of this channel the worker has now.',
  available_capacity_percentage: 'The share of the capacity still free, 0 to 100.',
};

/** The documentation of a built-in worker property (`worker.sid`); undefined for attributes. */
export function workerPropertyDocumentation(name: string): string | undefined {
  const text = (WORKER_PROPERTY_DOCS as Record<string, string>)[name];
  return (
    text &&
    `**\`worker.${name}\`**: ${text} Built in: not one of the worker's attributes.\n\nValid in: ${SCOPE_NAMES.target}.`
  );
}

/** The documentation of `worker.channel.<name>.<property>`. */
export function channelPropertyDocumentation(channel: string, property: string): string | undefined {
  const text = (CHANNEL_PROPERTY_DOCS as Record<string, string>)[property];
  return text && `**\`worker.channel.${channel}.${property}\`**: ${text}\n\nValue: a number.`;
}

/** What each prefix reads, per scope. */
const PREFIX_DOCS: Record<string, string> = {
  task: "The task's attributes: `task.<attribute>`.",
  worker: "The worker's attributes (`worker.<attribute>`) and built-in properties such as `worker.sid`.",
  workers: 'The worker counts of the queue: `workers.available`, `workers.unavailable`, `workers.WA…`.',
  taskrouter:
    'The time variables: `taskrouter.currentTime`, `taskrouter.currentHour`, `taskrouter.currentMin`, `taskrouter.dayOfWeek` (UTC).',
};

/** The documentation of a prefix (`task`, `worker`, `workers`, `taskrouter`). */
export function prefixDocumentation(prefix: string): string | undefined {
  const text = PREFIX_DOCS[prefix];
  return text && `**\`${prefix}.\`**: ${text}`;
}

/** Whose attribute a name is: `task` or `worker`. */
export type AttributeOwner = 'task' | 'worker';

/**
 * The documentation of an attribute reference: which object it reads in this scope. `path` is the attribute path
 * without any prefix (`customer.tier`); `written` is the reference as written (`task.customer.tier`).
 */
export function attributeDocumentation(owner: AttributeOwner, path: string, written: string, scope: Scope): string {
  const reads =
    owner === 'task'
      ? `the task's attribute \`${path}\``
      : scope === 'targetWorkers'
        ? `the attribute \`${path}\` of each worker of the queue`
        : `the attribute \`${path}\` of each worker being considered`;
  const prefix =
    scope === 'filter' || scope === 'targetWorkers'
      ? ` In ${SCOPE_NAMES[scope]}, attributes are written without a prefix.`
      : '';
  return `**\`${written}\`**: reads ${reads}.${prefix} A missing attribute is \`null\`.`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Workspace items: queues and activities
// ---------------------------------------------------------------------------------------------------------------------

/** A task queue of the workspace: its name, its `target_workers` expression and its worker counts when known. */
export function queueDocumentation(queue: WorkspaceQueue): string {
  const lines = [`**${escapeMarkdown(queue.friendlyName)}**: task queue \`${queue.sid}\``, ''];
  if (queue.targetWorkers === null || queue.targetWorkers.trim() === '') {
    lines.push('Target workers: none set (the queue has no `target_workers` expression).');
  } else {
    lines.push('Target workers:', '', '```', queue.targetWorkers, '```');
  }
  const counts: string[] = [];
  if (queue.eligibleWorkers !== undefined) counts.push(`${queue.eligibleWorkers} eligible`);
  if (queue.availableWorkers !== undefined) counts.push(`${queue.availableWorkers} available now`);
  if (counts.length > 0) lines.push('', `Workers: ${counts.join(', ')}.`);
  return lines.join('\n');
}

/** A queue SID that the workspace data does not hold. */
export function unknownQueueDocumentation(sid: string): string {
  return `\`${sid}\`: no task queue with this SID in the workspace this document belongs to.`;
}

/** A queue SID in a document without workspace data. */
export function uncheckedQueueDocumentation(sid: string): string {
  return (
    `\`${sid}\`: a task queue SID. Not checked: this document is not linked to a TaskRouter workspace, so its ` +
    'queues are not known.'
  );
}

/** What `workers.WA…` says when the activity is not known. */
export function unknownActivityNote(linked: boolean): string {
  return linked
    ? 'No activity with this SID in the workspace this document belongs to.'
    : 'Not checked: this document is not linked to a TaskRouter workspace, so its activities are not known.';
}

/** Names come from users: keep Markdown from reading `*` or `_` in them as formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
