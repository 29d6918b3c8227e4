/**
 * A whole workflow configuration: the seed's `WorkflowConfig(rules, default_target)`.
 *
 * `toJson()` returns the text to upload (pretty-printed with two spaces by default; `toJson(0)` is compact and
 * saves bytes against the 1 MB limit); `toJSON()` returns the object, so `JSON.stringify(config)` works too.
 * `fromJson(text)` reads modern and legacy keys; `validate()` runs this project's validator on `toJson()`.
 */
import { parseWorkflow } from '../language/workflow/parse';
import { toDiagnostics, validateWorkflow } from '../language/workflow/validate';
import type { Diagnostic, TargetModel, ValidateOptions } from '../language/workflow/types';
import { WorkflowRule, type WorkflowRuleJson } from './WorkflowRule';
import { WorkflowRuleTarget, describe, type WorkflowRuleTargetJson } from './WorkflowRuleTarget';

export interface WorkflowConfigJson {
  task_routing: {
    filters: WorkflowRuleJson[];
    default_filter?: WorkflowRuleTargetJson;
  };
}

/** Thrown by `WorkflowConfig.fromJson` when the text is not a readable workflow configuration. */
export class WorkflowConfigError extends Error {
  constructor(
    message: string,
    /** The structural errors found, with line/character ranges into the text given. */
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
    this.name = 'WorkflowConfigError';
  }
}

export class WorkflowConfig {
  rules: WorkflowRule[];
  defaultTarget: WorkflowRuleTarget | undefined;

  constructor(rules: readonly WorkflowRule[], defaultTarget?: WorkflowRuleTarget | null) {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof WorkflowRule)) {
      throw new TypeError(
        `WorkflowConfig rules must be an array of WorkflowRule, got ${Array.isArray(rules) ? 'an array with other values' : describe(rules)}`,
      );
    }
    if (defaultTarget != null && !(defaultTarget instanceof WorkflowRuleTarget)) {
      throw new TypeError(`WorkflowConfig defaultTarget must be a WorkflowRuleTarget, got ${describe(defaultTarget)}`);
    }
    this.rules = [...rules];
    this.defaultTarget = defaultTarget ?? undefined;
  }

  toJSON(): WorkflowConfigJson {
    const taskRouting: WorkflowConfigJson['task_routing'] = { filters: this.rules.map((r) => r.toJSON()) };
    if (this.defaultTarget) taskRouting.default_filter = this.defaultTarget.toJSON();
    return { task_routing: taskRouting };
  }

  /** The configuration as JSON text; `indent` 0 gives the compact form. */
  toJson(indent: number = 2): string {
    return JSON.stringify(this.toJSON(), null, indent);
  }

  /** Diagnostics for `toJson(indent)`: ranges point into that text. */
  validate(options?: ValidateOptions & { indent?: number }): Diagnostic[] {
    return validateWorkflow(this.toJson(options?.indent), options).diagnostics;
  }

  /**
   * Reads a workflow configuration, modern or legacy keys (`task_queue_sid`, `friendly_name`, `friendlyName`), and
   * numbers written as strings. Throws a `WorkflowConfigError` naming every structural error (invalid JSON, wrong
   * types, unknown keys, missing `task_routing`, a filter without `expression` or `targets`). Problems in
   * expressions, SIDs or numbers do not stop reading: `validate()` reports them.
   */
  static fromJson(text: string): WorkflowConfig {
    if (typeof text !== 'string') throw new TypeError(`WorkflowConfig.fromJson needs a string, got ${describe(text)}`);
    const parsed = parseWorkflow(text);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const diagnostics = toDiagnostics(text, errors);
      const lines = diagnostics
        .slice(0, 10)
        .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`);
      if (diagnostics.length > 10) lines.push(`  ... and ${diagnostics.length - 10} more`);
      throw new WorkflowConfigError(
        `Cannot read the workflow configuration (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
        diagnostics,
      );
    }
    const { model } = parsed;
    const rules = model.filters.map(
      (filter) =>
        new WorkflowRule(
          filter.expression?.value ?? '',
          filter.targets.map((t) => targetFromModel(t)),
          filter.name?.value,
        ),
    );
    return new WorkflowConfig(rules, model.defaultFilter ? targetFromModel(model.defaultFilter) : undefined);
  }

  /** Like `fromJson`, from an already parsed object. */
  static fromObject(value: unknown): WorkflowConfig {
    return WorkflowConfig.fromJson(JSON.stringify(value) ?? 'undefined');
  }
}

function targetFromModel(target: TargetModel): WorkflowRuleTarget {
  return new WorkflowRuleTarget({
    queue: target.queue?.value,
    expression: target.expression?.value,
    priority: target.priority?.value,
    timeout: target.timeout?.value,
    orderBy: target.orderBy?.value,
    skipIf: target.skipIf?.value,
    knownWorkerSid: target.knownWorkerSid?.value,
    knownWorkerFriendlyName: target.knownWorkerFriendlyName?.value,
  });
}
