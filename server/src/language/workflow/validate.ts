/**
 * `validateWorkflow`: the structural pass, then every validator plug-in. Offsets inside; line/character ranges only
 * in the result.
 */
import type { Scope } from '../expression/types';
import { defaultExpressionSupport } from './expressionSupport';
import { parseWorkflow, type ParsedWorkflow } from './parse';
import { LineIndex } from './positions';
import type { Diagnostic, OffsetDiagnostic, Severity, Span, StringField, TargetModel, ValidateOptions } from './types';
import { DEFAULT_VALIDATORS } from './validators';
import {
  allTargets,
  type ExpressionSupport,
  type ParsedExpression,
  type ValidationContext,
  type WorkflowValidator,
} from './validators/context';

export interface ValidationResult {
  diagnostics: Diagnostic[];
}

/**
 * Validates a workflow configuration. Never throws on any text (diagnostics are sorted by position); anything but a
 * string (a Buffer read without an encoding, a parsed object) is a TypeError that says what to pass instead.
 */
export function validateWorkflow(text: string, options: ValidateOptions = {}): ValidationResult {
  const { diagnostics } = validateWorkflowOffsets(text, options);
  return { diagnostics: toDiagnostics(text, diagnostics) };
}

export interface OffsetValidationResult {
  parsed: ParsedWorkflow;
  /** Sorted by start offset, then end offset. */
  diagnostics: OffsetDiagnostic[];
}

export interface ValidatorSetup {
  /**
   * The structural pass of this same text, already made (the language service keeps one per document version): not
   * parsed again. It must come from `parseWorkflow(text, { allowComments })` with the same options.
   */
  parsed?: ParsedWorkflow;
  expressions?: ExpressionSupport;
  validators?: readonly WorkflowValidator[];
}

/** The offset-based core of `validateWorkflow`, for the language service and other features. */
export function validateWorkflowOffsets(
  text: string,
  options: ValidateOptions = {},
  setup: ValidatorSetup = {},
): OffsetValidationResult {
  if (typeof text !== 'string') throw new TypeError(notTextMessage(text));
  const parsed =
    setup.parsed && setup.parsed.text === text
      ? setup.parsed
      : parseWorkflow(text, { allowComments: options.allowComments });
  const diagnostics = parsed.diagnostics.slice();
  const support = setup.expressions ?? defaultExpressionSupport;
  // Parse each distinct (scope, text) once per validation: workflows repeat the same target expressions, skip_if and
  // order_by across many filters, and two plug-ins read the filter expressions. Parsing is pure, so results are
  // shared. Keyed by the value string itself (V8 caches a string's hash in the string), one map per scope.
  const byScope = new Map<Scope, Map<string, ParsedExpression>>();
  let targets: TargetModel[] | undefined;
  const context: ValidationContext = {
    text,
    model: parsed.model,
    options,
    expressions: support,
    get targets() {
      return (targets ??= allTargets(parsed.model));
    },
    report(span: Span, severity: Severity, code: string, message: string) {
      diagnostics.push({ start: span.start, end: span.end, severity, code, message });
    },
    expression(field: StringField, scope: Scope) {
      let cache = byScope.get(scope);
      if (!cache) byScope.set(scope, (cache = new Map()));
      let result = cache.get(field.value);
      if (!result) {
        result = support.parse(field.value, scope);
        cache.set(field.value, result);
      }
      return result;
    },
  };
  for (const validator of setup.validators ?? DEFAULT_VALIDATORS) validator.validate(context);
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  return { parsed, diagnostics };
}

/** Offsets to line/character ranges. */
export function toDiagnostics(text: string, diagnostics: readonly OffsetDiagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0) return [];
  const lines = new LineIndex(text);
  return diagnostics.map((d) => ({
    range: lines.rangeOf(d),
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}

function notTextMessage(value: unknown): string {
  const isBuffer = value instanceof Uint8Array;
  const got = isBuffer ? 'bytes' : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  const hint = isBuffer
    ? "read the file as text, e.g. readFileSync(path, 'utf8')"
    : value !== null && typeof value === 'object'
      ? 'for a parsed object, pass JSON.stringify(object)'
      : 'pass the JSON text of the configuration';
  return `validateWorkflow needs the workflow configuration as a string, got ${got}: ${hint}.`;
}
