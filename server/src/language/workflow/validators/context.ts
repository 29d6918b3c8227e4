/** What every validator plug-in receives, and the plug-in interface itself. */
import type { ExpressionIssue, Scope } from '../../expression/types';
import type {
  OffsetDiagnostic,
  Severity,
  Span,
  StringField,
  TargetModel,
  ValidateOptions,
  WorkflowModel,
} from '../types';

/** The expression language as the workflow validator needs it (implemented by `../expressions.ts`). */
export interface ExpressionSupport<Ast = unknown> {
  parse(text: string, scope: Scope): { ast: Ast; issues: readonly ExpressionIssue[] };
  isAlwaysTrue(ast: Ast): boolean;
}

/** A parsed expression, as cached per field. */
export interface ParsedExpression {
  ast: unknown;
  issues: readonly ExpressionIssue[];
}

export interface ValidationContext {
  readonly text: string;
  readonly model: WorkflowModel;
  readonly options: ValidateOptions;
  report(span: Span, severity: Severity, code: string, message: string): void;
  /** Parses a field's expression once per validation, whichever plug-in asks first. */
  expression(field: StringField, scope: Scope): ParsedExpression;
  readonly expressions: ExpressionSupport;
  /** Every target: those of each filter in order, then the default filter's. Computed once per validation. */
  readonly targets: readonly TargetModel[];
}

/** A check that runs after the structural pass. One file each in this folder. */
export interface WorkflowValidator {
  /** A short stable name (for enabling/disabling and for profiling). */
  readonly name: string;
  validate(context: ValidationContext): void;
}

/** Every target of the workflow: those of each filter, then the default filter's. */
export function allTargets(model: WorkflowModel): TargetModel[] {
  const targets: TargetModel[] = [];
  for (const filter of model.filters) for (const target of filter.targets) targets.push(target);
  if (model.defaultFilter) targets.push(model.defaultFilter);
  return targets;
}

/** The characters of a string value without its quotes. */
export function contentSpan(field: StringField): Span {
  return { start: field.span.start + 1, end: Math.max(field.span.start + 1, field.span.end - 1) };
}

/** "filter 2 ("Sales")", for messages. */
export function describeFilter(model: WorkflowModel, index: number): string {
  const name = model.filters[index]?.name?.value;
  return name ? `filter ${index + 1} (${JSON.stringify(name)})` : `filter ${index + 1}`;
}

export type { OffsetDiagnostic };
