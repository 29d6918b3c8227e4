/**
 * Building the `WorkflowModel`: empty filters and targets, and where each key's field goes. Shared by the two readers
 * of the structural pass (the fast reader in fastModel.ts and the general builder in parse.ts), so that both build
 * the same model by construction.
 */
import type { FilterModel, Span, StringField, TargetModel, WorkflowModel } from './types';

/** A decimal number written as a string: `"2"`, `" 30 "`, `"-1.5"`, `"1e3"` (accepted for priority and timeout). */
export const NUMERIC_STRING = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A model with nothing read yet. */
export function newModel(): WorkflowModel {
  return {
    rootSpan: undefined,
    taskRoutingSpan: undefined,
    filtersSpan: undefined,
    filters: [],
    defaultFilter: undefined,
  };
}

/** A filter with nothing read yet. Every field is set, so all filters share one object shape. */
export function newFilter(index: number, span: Span): FilterModel {
  return { index, span, name: undefined, expression: undefined, targets: [], targetsSpan: undefined, keys: [] };
}

/** A target with nothing read yet; `filterIndex` is undefined for the default filter. One object shape for all. */
export function newTarget(index: number, filterIndex: number | undefined, span: Span): TargetModel {
  return {
    index,
    filterIndex,
    span,
    queue: undefined,
    effectiveQueue: undefined,
    expression: undefined,
    priority: undefined,
    timeout: undefined,
    orderBy: undefined,
    skipIf: undefined,
    knownWorkerSid: undefined,
    knownWorkerFriendlyName: undefined,
    keys: [],
  };
}

/** Keeps a filter's name: `filter_friendly_name` wins over the legacy `friendly_name` / `friendlyName`. */
export function setFilterName(filter: FilterModel, field: StringField): void {
  if (!filter.name || field.key === 'filter_friendly_name') filter.name = field;
}

/** Keeps a target's string field where the model has it: `queue` wins over the legacy `task_queue_sid`. */
export function setTargetString(target: TargetModel, field: StringField): void {
  switch (field.key) {
    case 'queue':
      target.queue = field;
      break;
    case 'task_queue_sid':
      if (!target.queue) target.queue = field;
      break;
    case 'expression':
      target.expression = field;
      break;
    case 'order_by':
      target.orderBy = field;
      break;
    case 'skip_if':
      target.skipIf = field;
      break;
    case 'known_worker_sid':
      target.knownWorkerSid = field;
      break;
    case 'known_worker_friendly_name':
      target.knownWorkerFriendlyName = field;
      break;
  }
}
