/**
 * One routing step of a filter (Twilio's Console calls targets "routing steps").
 *
 * Keeps the signature of the seed's Python helper, `WorkflowRuleTarget(queue, expression=None, priority=None,
 * timeout=None)`, and adds an options form for all eight fields. Serialises with the modern keys.
 */

/** A target as JSON, with the keys TaskRouter documents today. */
export interface WorkflowRuleTargetJson {
  queue?: string;
  expression?: string;
  priority?: number;
  timeout?: number;
  order_by?: string;
  skip_if?: string;
  known_worker_sid?: string;
  known_worker_friendly_name?: string;
}

export interface WorkflowRuleTargetOptions {
  /** The queue SID (`WQ...`). Required in a filter's first target; later targets inherit it. */
  queue?: string;
  /** Which workers of the queue may take the task, with `task.` / `worker.` prefixes. */
  expression?: string;
  priority?: number;
  /** Seconds before the next target is tried. */
  timeout?: number;
  /** e.g. `worker.level DESC`. */
  orderBy?: string;
  /** e.g. `workers.available == 0`. */
  skipIf?: string;
  /** A task attribute holding a worker SID, e.g. `task.agent_sid`. */
  knownWorkerSid?: string;
  /** A task attribute holding a worker friendly name, e.g. `task.agent_name`. */
  knownWorkerFriendlyName?: string;
}

type Optional<T> = T | null | undefined;

/** The option names, in the order `toJSON` writes them, with their JSON keys. */
const OPTION_KEYS: Record<keyof WorkflowRuleTargetOptions, keyof WorkflowRuleTargetJson> = {
  queue: 'queue',
  expression: 'expression',
  priority: 'priority',
  timeout: 'timeout',
  orderBy: 'order_by',
  skipIf: 'skip_if',
  knownWorkerSid: 'known_worker_sid',
  knownWorkerFriendlyName: 'known_worker_friendly_name',
};

export class WorkflowRuleTarget {
  queue: string | undefined;
  expression: string | undefined;
  priority: number | undefined;
  timeout: number | undefined;
  orderBy: string | undefined;
  skipIf: string | undefined;
  knownWorkerSid: string | undefined;
  knownWorkerFriendlyName: string | undefined;

  /** The options form: every field by name. */
  constructor(options: WorkflowRuleTargetOptions);
  /** The seed's form. `null` (Python's `None`) and `undefined` both mean "not set". */
  constructor(queue: string, expression?: Optional<string>, priority?: Optional<number>, timeout?: Optional<number>);
  constructor(
    queueOrOptions: string | WorkflowRuleTargetOptions,
    expression?: Optional<string>,
    priority?: Optional<number>,
    timeout?: Optional<number>,
  ) {
    const options: WorkflowRuleTargetOptions =
      typeof queueOrOptions === 'object' && queueOrOptions !== null
        ? checkOptionNames(queueOrOptions)
        : {
            queue: queueOrOptions,
            expression: expression ?? undefined,
            priority: priority ?? undefined,
            timeout: timeout ?? undefined,
          };
    this.queue = optionalString(options.queue, 'queue');
    this.expression = optionalString(options.expression, 'expression');
    this.priority = optionalNumber(options.priority, 'priority');
    this.timeout = optionalNumber(options.timeout, 'timeout');
    this.orderBy = optionalString(options.orderBy, 'orderBy');
    this.skipIf = optionalString(options.skipIf, 'skipIf');
    this.knownWorkerSid = optionalString(options.knownWorkerSid, 'knownWorkerSid');
    this.knownWorkerFriendlyName = optionalString(options.knownWorkerFriendlyName, 'knownWorkerFriendlyName');
  }

  /** The JSON object TaskRouter reads; unset fields are left out. Called by `JSON.stringify`. */
  toJSON(): WorkflowRuleTargetJson {
    const json: Record<string, string | number> = {};
    for (const name of Object.keys(OPTION_KEYS) as (keyof WorkflowRuleTargetOptions)[]) {
      const value = this[name];
      if (value !== undefined) json[OPTION_KEYS[name]] = value;
    }
    return json as WorkflowRuleTargetJson;
  }
}

/**
 * Refuses option names it does not know: from JavaScript, `{ order_by: ... }` or a typo would otherwise be dropped
 * without a word. JSON keys get the option name to write instead.
 */
function checkOptionNames(options: WorkflowRuleTargetOptions): WorkflowRuleTargetOptions {
  for (const name of Object.keys(options)) {
    if (Object.prototype.hasOwnProperty.call(OPTION_KEYS, name)) continue;
    const byJsonKey = Object.entries(OPTION_KEYS).find(([, key]) => key === name)?.[0];
    const hint =
      byJsonKey !== undefined
        ? `write ${byJsonKey}`
        : name === 'task_queue_sid'
          ? 'write queue'
          : `the options are ${Object.keys(OPTION_KEYS).join(', ')}`;
    throw new TypeError(`WorkflowRuleTarget has no option ${JSON.stringify(name)}: ${hint}.`);
  }
  return options;
}

/** Checks a JavaScript caller's value: the builders are also used from plain JavaScript through dist/lib.js. */
export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  return value;
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  }
  return value;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
