/** The routing engine shared by the sandbox and the routing simulator (pure: no I/O, no clock of its own). */
export * from './types';
export { parseRoutingConfig, queuesOf } from './config';
export type { ParsedRoutingConfig } from './config';
export {
  matchFilter,
  enterWorkflow,
  targetsAt,
  resolveTarget,
  targetDeadline,
  eligibleWorkers,
  matchesQueue,
  workerContext,
  orderWorkers,
  parseOrderBy,
  countWorkers,
  resolveTaskReference,
} from './route';
export type { FilterMatch, WorkflowEntry, ResolveOptions, TargetResolution, OrderKey, EligibilityInput } from './route';
