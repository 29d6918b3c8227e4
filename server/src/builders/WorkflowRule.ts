/**
 * A filter: the seed's `WorkflowRule(expression, targets, friendly_name=None)`. Serialises the name under
 * `filter_friendly_name`, the key Twilio's Console shows (the old helpers wrote `friendly_name`).
 */
import { WorkflowRuleTarget, describe, optionalString, type WorkflowRuleTargetJson } from './WorkflowRuleTarget';

export interface WorkflowRuleJson {
  filter_friendly_name?: string;
  expression: string;
  targets: WorkflowRuleTargetJson[];
}

export class WorkflowRule {
  expression: string;
  targets: WorkflowRuleTarget[];
  friendlyName: string | undefined;

  constructor(expression: string, targets: readonly WorkflowRuleTarget[], friendlyName?: string | null) {
    if (typeof expression !== 'string') {
      throw new TypeError(`WorkflowRule expression must be a string, got ${describe(expression)}`);
    }
    if (!Array.isArray(targets) || !targets.every((t) => t instanceof WorkflowRuleTarget)) {
      throw new TypeError(
        `WorkflowRule targets must be an array of WorkflowRuleTarget, got ${Array.isArray(targets) ? 'an array with other values' : describe(targets)}`,
      );
    }
    this.expression = expression;
    this.targets = [...targets];
    this.friendlyName = optionalString(friendlyName, 'friendlyName');
  }

  toJSON(): WorkflowRuleJson {
    const json: WorkflowRuleJson = { expression: this.expression, targets: this.targets.map((t) => t.toJSON()) };
    return this.friendlyName === undefined ? json : { filter_friendly_name: this.friendlyName, ...json };
  }
}
