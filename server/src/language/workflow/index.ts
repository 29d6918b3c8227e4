/** The workflow configuration layer: structural parse, validation plug-ins, the model, the schema. Pure. */
export { validateWorkflow, validateWorkflowOffsets, toDiagnostics } from './validate';
export type { ValidationResult, OffsetValidationResult, ValidatorSetup } from './validate';
export { parseWorkflow } from './parse';
export type { ParsedWorkflow, ParseOptions } from './parse';
export { WorkflowCode, MAX_DOCUMENT_BYTES, DECIMAL_MEGABYTE, MAX_PRIORITY, MAX_TASK_TIMEOUT_SECONDS } from './codes';
export { workflowSchema } from './schema';
export { LineIndex } from './positions';
export { createStringOffsetMapper, mapStringSpan } from './strings';
export type { StringOffsetMapper } from './strings';
export { DEFAULT_VALIDATORS, expressionFields } from './validators';
export type { ExpressionSupport, ParsedExpression, ValidationContext, WorkflowValidator } from './validators';
export type * from './types';
