/**
 * The contract of the TaskRouter expression language module.
 *
 * Everything here is pure data: offsets are UTF-16 offsets into the expression text
 * (end exclusive). Editor ranges are computed only at the edge (workflow validator, server).
 */

/** Where an expression is written; the same text means different things in each place. */
export type Scope =
  /** A filter's `expression`: task attributes unprefixed, `taskrouter.*`. */
  | 'filter'
  /** A target's `expression`: `task.*`, `worker.*`, `taskrouter.*`. */
  | 'target'
  /** A target's `skip_if`: `workers.available`, `workers.unavailable`, `workers.WA...`. */
  | 'skipIf'
  /** A target's `order_by`: `worker.<attr> ASC|DESC, ...`. */
  | 'orderBy'
  /** A task queue's `target_workers`: worker attributes unprefixed. */
  | 'targetWorkers'
  /** `known_worker_sid` / `known_worker_friendly_name`: one task attribute reference such as `task.agent_sid`. */
  | 'knownWorker';

export type Severity = 'error' | 'warning' | 'information';

export interface Span {
  start: number;
  end: number;
}

/** A problem found in an expression. `code` is stable (tests and quick fixes rely on it). */
export interface ExpressionIssue extends Span {
  code: string;
  message: string;
  severity: Severity;
}

/** Counts of the workers of a target's queue, for `skip_if`. */
export interface WorkerCounts {
  available: number;
  unavailable: number;
  /** Number of workers per activity SID (`workers.WA...`). */
  byActivity?: Record<string, number>;
}

/** What an expression is evaluated against. */
export interface EvaluationContext {
  /** Defaults to 'filter'. Decides how unprefixed names resolve. */
  scope?: Scope;
  task?: Record<string, unknown>;
  worker?: Record<string, unknown>;
  workers?: WorkerCounts;
  /** Injectable clock for `taskrouter.currentTime` and friends; defaults to `() => new Date()`. */
  now?: () => Date;
}
