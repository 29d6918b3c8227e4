/**
 * The structural pass: JSON syntax (jsonc-parser, positions kept), keys and value types. It builds the
 * `WorkflowModel` the validator plug-ins and later features work on, and reports what is wrong with the structure.
 * Semantic checks (numbers, SIDs, expressions, unreachable filters, ...) live in `validators/`.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { WorkflowCode } from './codes';
import { LEGACY_KEYS_BY_PLACE, PLACE_NAMES, VALID_KEYS, homeOf, suggestKey, type ObjectPlace } from './keys';
import type {
  Field,
  FilterModel,
  JsonKind,
  OffsetDiagnostic,
  Severity,
  Span,
  StringField,
  TargetModel,
  WorkflowModel,
} from './types';

export interface ParsedWorkflow {
  text: string;
  model: WorkflowModel;
  /** jsonc-parser's tree, for features that need the raw JSON (completion, hover). */
  root: Node | undefined;
  /** What the structural pass found. */
  diagnostics: OffsetDiagnostic[];
}

/** Parses a workflow configuration and checks its structure. Never throws. */
export function parseWorkflow(text: string): ParsedWorkflow {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const builder = new ModelBuilder(text);
  let lastOffset = -1;
  for (const error of errors) {
    // jsonc-parser may report two errors for one token (`{"a": 1,}`: property name and value expected).
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    builder.syntaxError(error);
  }
  const model: WorkflowModel = { filters: [] };
  if (root) builder.readRoot(root, model);
  return { text, model, root, diagnostics: builder.diagnostics };
}

const KIND_NAMES: Record<JsonKind, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

/** A decimal number written as a string: `"2"`, `" 30 "`, `"-1.5"`, `"1e3"`. */
const NUMERIC_STRING = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

class ModelBuilder {
  readonly diagnostics: OffsetDiagnostic[] = [];

  constructor(private readonly text: string) {}

  report(span: Span, severity: Severity, code: string, message: string): void {
    this.diagnostics.push({ start: span.start, end: span.end, severity, code, message });
  }

  syntaxError(error: ParseError): void {
    const name = printParseErrorCode(error.error);
    const span = { start: error.offset, end: error.offset + error.length };
    if (name === 'InvalidCommentToken') {
      this.report(
        span,
        'error',
        WorkflowCode.CommentNotAllowed,
        "Comments are not allowed: TaskRouter's API accepts plain JSON only, so this document would be rejected on upload.",
      );
      return;
    }
    if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
      const closer = this.text[error.offset];
      if (closer === '}' || closer === ']') {
        const comma = this.previousNonWhitespace(error.offset);
        if (comma >= 0 && this.text[comma] === ',') {
          this.report(
            { start: comma, end: comma + 1 },
            'error',
            WorkflowCode.TrailingComma,
            `Trailing comma before \`${closer}\`: JSON does not allow a comma after the last ${closer === '}' ? 'property' : 'element'}.`,
          );
          return;
        }
      }
    }
    this.report(span, 'error', WorkflowCode.InvalidJson, this.syntaxMessage(name, error));
  }

  private syntaxMessage(name: string, error: ParseError): string {
    if (name === 'ValueExpected' && this.text.trim() === '') {
      return 'The document is empty: a workflow configuration is a JSON object such as { "task_routing": { ... } }.';
    }
    const found = error.offset >= this.text.length ? 'the end of the document' : describeToken(this.text, error);
    switch (name) {
      case 'InvalidSymbol':
        return `Invalid JSON: ${found} is not a JSON value (strings need double quotes; true, false and null are lower case).`;
      case 'InvalidNumberFormat':
        return `Invalid JSON number ${found}.`;
      case 'PropertyNameExpected':
        return `Invalid JSON: expected a property name in double quotes, found ${found}.`;
      case 'ValueExpected':
        return `Invalid JSON: expected a value, found ${found}.`;
      case 'ColonExpected':
        return `Invalid JSON: expected \`:\` after the property name, found ${found}.`;
      case 'CommaExpected':
        return `Invalid JSON: expected \`,\` between values, found ${found}.`;
      case 'CloseBraceExpected':
        return `Invalid JSON: expected \`}\` to close the object, found ${found}.`;
      case 'CloseBracketExpected':
        return `Invalid JSON: expected \`]\` to close the array, found ${found}.`;
      case 'EndOfFileExpected':
        return `Invalid JSON: ${found} after the end of the top-level value.`;
      case 'UnexpectedEndOfComment':
        return 'Invalid JSON: a comment is not closed (and comments are not allowed in any case).';
      case 'UnexpectedEndOfString':
        return 'Invalid JSON: a string is not closed; add the closing double quote.';
      case 'UnexpectedEndOfNumber':
        return 'Invalid JSON: a number ends too early.';
      case 'InvalidUnicode':
        return 'Invalid JSON: `\\u` must be followed by four hexadecimal digits.';
      case 'InvalidEscapeCharacter':
        return 'Invalid JSON: unknown escape; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.';
      case 'InvalidCharacter':
        return 'Invalid JSON: control characters (such as a line break or tab) must be escaped inside a string.';
      default:
        return `Invalid JSON (${name}).`;
    }
  }

  private previousNonWhitespace(offset: number): number {
    let i = offset - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    return i;
  }

  // ---- structure ------------------------------------------------------------------------------------------------

  readRoot(root: Node, model: WorkflowModel): void {
    model.rootSpan = spanOf(root);
    if (root.type !== 'object') {
      this.report(
        spanOf(root),
        'error',
        WorkflowCode.WrongType,
        `A workflow configuration is a JSON object such as { "task_routing": { ... } }, not ${KIND_NAMES[kindOf(root)]}.`,
      );
      return;
    }
    let taskRouting: Node | undefined;
    for (const [key, prop, value] of this.properties(root, 'root')) {
      if (key === 'task_routing' && value) taskRouting = this.expectKind(prop, value, 'object') ? value : undefined;
    }
    if (!this.hasKey(root, 'task_routing')) {
      this.report(
        openingBrace(root),
        'error',
        WorkflowCode.MissingTaskRouting,
        'Missing `task_routing`: a workflow configuration is { "task_routing": { "filters": [...], "default_filter": {...} } }.',
      );
      return;
    }
    if (taskRouting) this.readTaskRouting(taskRouting, model);
  }

  private readTaskRouting(node: Node, model: WorkflowModel): void {
    model.taskRoutingSpan = spanOf(node);
    let filters: Node | undefined;
    let defaultFilter: Node | undefined;
    for (const [key, prop, value] of this.properties(node, 'taskRouting')) {
      if (!value) continue;
      if (key === 'filters' && this.expectKind(prop, value, 'array')) filters = value;
      else if (key === 'default_filter' && this.expectKind(prop, value, 'object')) defaultFilter = value;
    }
    if (!this.hasKey(node, 'filters') && !this.hasKey(node, 'default_filter')) {
      this.report(
        openingBrace(node),
        'error',
        WorkflowCode.EmptyTaskRouting,
        '`task_routing` needs `filters` (an array of filters) or a `default_filter` (an object with a `queue`).',
      );
    }
    if (filters) {
      model.filtersSpan = spanOf(filters);
      for (const element of filters.children ?? []) {
        if (element.type !== 'object') {
          this.wrongType(
            spanOf(element),
            'A filter',
            'an object with `filter_friendly_name`, `expression` and `targets`',
            kindOf(element),
          );
          continue;
        }
        model.filters.push(this.readFilter(element, model.filters.length));
      }
    }
    if (defaultFilter) {
      const target = this.readTarget(defaultFilter, 0, undefined, 'defaultFilter');
      target.effectiveQueue = target.queue?.value;
      model.defaultFilter = target;
    }
  }

  private readFilter(node: Node, index: number): FilterModel {
    const filter: FilterModel = { index, span: spanOf(node), targets: [], keys: [] };
    let targets: Node | undefined;
    for (const [key, prop, value] of this.properties(node, 'filter')) {
      if (!value) continue;
      filter.keys.push(fieldOf(prop, value));
      switch (key) {
        case 'filter_friendly_name':
        case 'friendly_name':
        case 'friendlyName':
          if (this.expectKind(prop, value, 'string'))
            filter.name = this.preferModern(filter.name, fieldOf(prop, value));
          break;
        case 'expression':
          if (this.expectKind(prop, value, 'string')) filter.expression = fieldOf(prop, value);
          break;
        case 'targets':
          if (this.expectKind(prop, value, 'array')) targets = value;
          break;
      }
    }
    if (!this.hasKey(node, 'expression')) {
      this.report(
        openingBrace(node),
        'error',
        WorkflowCode.MissingKey,
        `Filter ${index + 1} has no \`expression\`: every filter needs one (use "1==1" to match every task).`,
      );
    }
    if (!this.hasKey(node, 'targets')) {
      this.report(
        openingBrace(node),
        'error',
        WorkflowCode.MissingKey,
        `Filter ${index + 1} has no \`targets\`: add an array with at least one target such as { "queue": "WQ..." }.`,
      );
    }
    if (targets) {
      filter.targetsSpan = spanOf(targets);
      let inherited: string | undefined;
      for (const element of targets.children ?? []) {
        if (element.type !== 'object') {
          this.wrongType(spanOf(element), 'A target', 'an object with at least a `queue`', kindOf(element));
          continue;
        }
        const target = this.readTarget(element, filter.targets.length, index, 'target');
        inherited = target.queue?.value ?? inherited;
        target.effectiveQueue = inherited;
        filter.targets.push(target);
      }
      if ((targets.children ?? []).length === 0) {
        this.report(
          spanOf(targets),
          'error',
          WorkflowCode.EmptyTargets,
          `Filter ${index + 1} has no targets: a matching task would have nowhere to go. Add { "queue": "WQ..." }.`,
        );
      }
    }
    return filter;
  }

  private readTarget(node: Node, index: number, filterIndex: number | undefined, place: ObjectPlace): TargetModel {
    const target: TargetModel = { index, filterIndex, span: spanOf(node), keys: [] };
    for (const [key, prop, value] of this.properties(node, place)) {
      if (!value) continue;
      target.keys.push(fieldOf(prop, value));
      switch (key) {
        case 'queue':
        case 'task_queue_sid':
          if (this.expectKind(prop, value, 'string'))
            target.queue = this.preferModern(target.queue, fieldOf(prop, value));
          break;
        case 'expression':
          if (this.expectKind(prop, value, 'string')) target.expression = fieldOf(prop, value);
          break;
        case 'order_by':
          if (this.expectKind(prop, value, 'string')) target.orderBy = fieldOf(prop, value);
          break;
        case 'skip_if':
          if (this.expectKind(prop, value, 'string')) target.skipIf = fieldOf(prop, value);
          break;
        case 'known_worker_sid':
          if (this.expectKind(prop, value, 'string')) target.knownWorkerSid = fieldOf(prop, value);
          break;
        case 'known_worker_friendly_name':
          if (this.expectKind(prop, value, 'string')) target.knownWorkerFriendlyName = fieldOf(prop, value);
          break;
        case 'priority':
          target.priority = this.numberField(prop, value);
          break;
        case 'timeout':
          target.timeout = this.numberField(prop, value);
          break;
      }
    }
    return target;
  }

  /** When both a legacy and a modern key are written, the modern one counts. */
  private preferModern(current: StringField | undefined, next: StringField): StringField {
    if (!current) return next;
    return LEGACY_KEYS_BY_PLACE.target.includes(next.key) || LEGACY_KEYS_BY_PLACE.filter.includes(next.key)
      ? current
      : next;
  }

  private numberField(prop: Node, value: Node): Field<number> | undefined {
    const key = prop.children![0].value as string;
    if (value.type === 'number') return fieldOf(prop, value) as Field<number>;
    if (value.type === 'string' && NUMERIC_STRING.test(value.value as string)) {
      return { ...fieldOf(prop, value), value: Number(value.value) };
    }
    const found =
      value.type === 'string' ? `the string ${JSON.stringify(value.value)}` : KIND_NAMES[value.type as JsonKind];
    this.report(spanOf(value), 'error', WorkflowCode.WrongType, `\`${key}\` must be a number, found ${found}.`);
    return undefined;
  }

  /**
   * The properties of an object, checked: duplicate keys, unknown and misplaced keys. Yields
   * `[key, property node, value node]` for every property whose key is valid in this place (legacy keys included).
   */
  private *properties(node: Node, place: ObjectPlace): Generator<[string, Node, Node | undefined]> {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      if (!keyNode) continue;
      const key = keyNode.value as string;
      const keySpan = spanOf(keyNode);
      if (seen.has(key)) {
        this.report(
          keySpan,
          'error',
          WorkflowCode.DuplicateKey,
          `Duplicate key \`${key}\` in ${PLACE_NAMES[place]}: only one of them would be used.`,
        );
        continue;
      }
      seen.add(key);
      if (VALID_KEYS[place].includes(key) || LEGACY_KEYS_BY_PLACE[place].includes(key)) {
        yield [key, prop, prop.children?.[1]];
        continue;
      }
      if (place === 'defaultFilter' && (VALID_KEYS.target as readonly string[]).includes(key)) {
        // Read like a target (the old helper libraries wrote whole targets here), but warn.
        this.report(
          keySpan,
          'warning',
          WorkflowCode.MisplacedKey,
          `\`${key}\` is a target key, but \`default_filter\` only uses \`queue\`: TaskRouter does not document \`${key}\` here, so it may be ignored or rejected.`,
        );
        yield [key, prop, prop.children?.[1]];
        continue;
      }
      this.unknownKey(key, keySpan, place);
    }
  }

  private unknownKey(key: string, keySpan: Span, place: ObjectPlace): void {
    const home = homeOf(key);
    if (home) {
      this.report(
        keySpan,
        'error',
        WorkflowCode.MisplacedKey,
        `\`${key}\` does not belong in ${PLACE_NAMES[place]}: it belongs in ${home}.`,
      );
      return;
    }
    const suggestion = suggestKey(key, place);
    const valid = VALID_KEYS[place].map((k) => `\`${k}\``).join(', ');
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ` Valid keys here: ${valid}.`;
    this.report(keySpan, 'error', WorkflowCode.UnknownKey, `Unknown key \`${key}\` in ${PLACE_NAMES[place]}.${hint}`);
  }

  private hasKey(node: Node, key: string): boolean {
    for (const prop of node.children ?? []) if (prop.children?.[0]?.value === key) return true;
    return false;
  }

  private expectKind(prop: Node, value: Node, kind: JsonKind): boolean {
    if (value.type === kind) return true;
    const key = prop.children![0].value as string;
    const expected = EXPECTED[key] ?? KIND_NAMES[kind];
    this.wrongType(spanOf(value), `\`${key}\``, expected, kindOf(value));
    return false;
  }

  private wrongType(span: Span, what: string, expected: string, found: JsonKind): void {
    this.report(span, 'error', WorkflowCode.WrongType, `${what} must be ${expected}, found ${KIND_NAMES[found]}.`);
  }
}

const EXPECTED: Record<string, string> = {
  task_routing: 'an object with `filters` and `default_filter`',
  filters: 'an array of filters',
  default_filter: 'an object with a `queue`',
  targets: 'an array of targets',
  filter_friendly_name: 'a string',
  friendly_name: 'a string',
  friendlyName: 'a string',
  expression: 'a string (an expression such as "type == \'support\'")',
  queue: 'a string (a queue SID such as "WQ...")',
  task_queue_sid: 'a string (a queue SID such as "WQ...")',
  order_by: 'a string such as "worker.level DESC"',
  skip_if: 'a string such as "workers.available == 0"',
  known_worker_sid: 'a string (a task attribute reference such as "task.agent_sid")',
  known_worker_friendly_name: 'a string (a task attribute reference such as "task.agent_name")',
};

function kindOf(node: Node): JsonKind {
  return node.type as JsonKind;
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function openingBrace(node: Node): Span {
  return { start: node.offset, end: node.offset + 1 };
}

function fieldOf(prop: Node, value: Node): Field<never> {
  const keyNode = prop.children![0];
  return {
    key: keyNode.value as string,
    value: value.value as never,
    keySpan: spanOf(keyNode),
    span: spanOf(value),
    kind: value.type as JsonKind,
  };
}

function describeToken(text: string, error: ParseError): string {
  const raw = text.substr(error.offset, Math.max(1, Math.min(error.length, 20)));
  const printable = raw.replace(/\s+/g, ' ');
  return `\`${printable}\``;
}
