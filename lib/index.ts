/**
 * The library (bundled to dist/lib.js, CommonJS): the TaskRouter language core without the editor.
 *
 *   const { WorkflowConfig, validateWorkflow, parseExpression } = require('vscode-taskrouter/dist/lib.js');
 */
export { WorkflowConfig, WorkflowConfigError, WorkflowRule, WorkflowRuleTarget } from '../server/src/builders';
export type {
  WorkflowConfigJson,
  WorkflowRuleJson,
  WorkflowRuleTargetJson,
  WorkflowRuleTargetOptions,
} from '../server/src/builders';
export { validateWorkflow, WorkflowCode, workflowSchema } from '../server/src/language/workflow';
export type {
  Diagnostic,
  KnownQueue,
  Position,
  Range,
  Severity,
  ValidateOptions,
  ValidationResult,
} from '../server/src/language/workflow';
export { parseExpression, evaluateExpression, printExpression, SCOPES } from '../server/src/language/expression';
export type { EvaluationContext, ExpressionIssue, Scope, WorkerCounts } from '../server/src/language/expression/types';

// The TaskRouter REST client.
export * from '../client/src/api';

// The language service the language server wraps, for other hosts (LSP types from vscode-languageserver-types).
export { createLanguageService } from '../server/src/language/service';
export type { LanguageService, ServiceDocument, WorkspaceData } from '../server/src/language/service';
