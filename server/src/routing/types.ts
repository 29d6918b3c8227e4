/**
 * Types of the routing engine: a workflow configuration reduced to what routing needs, the workers it chooses from,
 * and the evaluator it asks about expressions. Pure data; shared by the sandbox and the routing simulator.
 */
import type { EvaluationContext, WorkerCounts } from '../language/expression/types';

export type { EvaluationContext, WorkerCounts };

/** Answers whether an expression holds in a context. Errors (bad syntax) must be reported as `false`. */
export type Evaluate = (expression: string, context: EvaluationContext) => boolean;

/** One routing step with everything inherited already applied. */
export interface RoutingTarget {
  /** The queue (own or inherited from an earlier target of the same filter). */
  queue: string;
  expression?: string;
  /** The effective priority (own, or carried over from an earlier target). */
  priority?: number;
  /** Seconds; cumulative: this step times out when the task's age reaches the sum of the timeouts up to it. */
  timeout?: number;
  orderBy?: string;
  skipIf?: string;
  /** A task attribute reference such as `task.agent_sid`. */
  knownWorkerSid?: string;
  knownWorkerFriendlyName?: string;
}

export interface RoutingFilter {
  name?: string;
  expression: string;
  targets: RoutingTarget[];
}

export interface RoutingConfig {
  filters: RoutingFilter[];
  defaultFilter?: RoutingTarget;
}

/** Where a task is in its workflow. `filter` is -1 for the default filter. */
export interface RoutingPosition {
  filter: number;
  target: number;
  /** The task's age (seconds) when it reached `target` (informational: timeouts count from the task's creation). */
  enteredAt: number;
}

/** A worker as routing sees it. */
export interface RoutingWorker {
  sid: string;
  friendlyName: string;
  activitySid: string;
  activityName: string;
  /** Whether the worker's activity is available. */
  available: boolean;
  attributes: Record<string, unknown>;
  /** Per task channel unique name, for `worker.channel.<name>.*` in target expressions. */
  channels?: Record<
    string,
    { configured_capacity: number; assigned_tasks: number; available_capacity_percentage: number }
  >;
}

export interface RoutingQueue {
  sid: string;
  /** The queue's `target_workers`; null or empty means no worker matches. */
  targetWorkers: string | null;
}
