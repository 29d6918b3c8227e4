/**
 * The validator plug-ins, run in this order after the structural pass. Each one is a small file with one concern;
 * add a new check by writing a `WorkflowValidator` and listing it here.
 */
import type { WorkflowValidator } from './context';
import { documentSize } from './documentSize';
import { duplicateFilterNames } from './duplicateFilterNames';
import { expressions } from './expressions';
import { knownWorker } from './knownWorker';
import { legacyKeys } from './legacyKeys';
import { missingQueue } from './missingQueue';
import { numbers } from './numbers';
import { queueSids } from './queueSids';
import { unreachableFilters } from './unreachableFilters';

export const DEFAULT_VALIDATORS: readonly WorkflowValidator[] = [
  documentSize,
  legacyKeys,
  missingQueue,
  queueSids,
  numbers,
  knownWorker,
  duplicateFilterNames,
  expressions,
  unreachableFilters,
];

export type { ExpressionSupport, ParsedExpression, ValidationContext, WorkflowValidator } from './context';
export { expressionFields } from './expressions';
