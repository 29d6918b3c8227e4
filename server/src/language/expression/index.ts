/**
 * The TaskRouter expression language: tokenizer, parser (with scope checks), printer, evaluator and analyses.
 * Pure: no editor, no LSP. Offsets are UTF-16 offsets into the expression text.
 */
export * from './types';
export {
  ExpressionIssueCode,
  MAX_NESTING,
  SCOPES,
  TASKROUTER_VARIABLES,
  DAYS_OF_WEEK,
  WORKER_CHANNEL_PROPERTIES,
  WORKER_PROPERTIES,
} from './codes';
export { tokenize, Lexer } from './tokenizer';
export { parseExpression } from './parse';
export { printExpression, formatNumber } from './printer';
export {
  evaluate,
  evaluateExpression,
  evaluateOperand,
  compareValues,
  createResolver,
  getPath,
  taskrouterVariables,
  resolveKnownWorker,
  sortWorkers,
  ExpressionError,
} from './evaluator';
export { isAlwaysTrue, isAlwaysFalse, constantTruth } from './analysis';
export { collectReferences, pathText } from './references';
