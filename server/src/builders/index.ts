/** The helper builders for workflow configurations (pure). */
export { WorkflowRuleTarget } from './WorkflowRuleTarget';
export type { WorkflowRuleTargetJson, WorkflowRuleTargetOptions } from './WorkflowRuleTarget';
export { WorkflowRule } from './WorkflowRule';
export type { WorkflowRuleJson } from './WorkflowRule';
export { WorkflowConfig, WorkflowConfigError } from './WorkflowConfig';
export type { WorkflowConfigJson } from './WorkflowConfig';
