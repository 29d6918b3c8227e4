/**
 * The structural pass: JSON syntax (a fast strict parser for valid JSON, jsonc-parser with error recovery for the
 * rest; positions kept), keys and value types. It builds the
 * `WorkflowModel` the validator plug-ins and later features work on, and reports what is wrong with the structure.
 * Semantic checks (numbers, SIDs, expressions, unreachable filters, ...) live in `validators/`.
 */
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { describeInvisible } from '../characters';
import { JsonToken } from '../jsonTokens';
import { WorkflowCode } from './codes';
import { readWorkflowFast } from './fastModel';
import { FieldNode } from './field';
import { parseStrictJson } from './json';
import { NUMERIC_STRING, newFilter, newModel, newTarget, setFilterName, setTargetString } from './model';
import { LEGACY_KEYS_BY_PLACE, PLACE_NAMES, VALID_KEYS, homeOf, suggestKey, type ObjectPlace } from './keys';
import type {
  Field,
  FilterModel,
  JsonKind,
  OffsetDiagnostic,
  Severity,
  Span,
  TargetModel,
  WorkflowModel,
} from './types';

export interface ParsedWorkflow {
  text: string;
  model: WorkflowModel;
  /** The JSON tree in jsonc-parser's node shape (parents included), for completion, hover and the like. */
  root: Node | undefined;
  /** What the structural pass found. */
  diagnostics: OffsetDiagnostic[];
}

export interface ParseOptions {
  /**
   * Accept `//` and `/* *\/` comments (local files, which are edited in the editor; TaskRouter's API itself takes plain
   * JSON, so documents that are uploaded as they are keep the default, false).
   */
  allowComments?: boolean;
}

/** Parses a workflow configuration and checks its structure. Never throws. */
export function parseWorkflow(text: string, options: ParseOptions = {}): ParsedWorkflow {
  // A structurally clean document (the common case) takes the fast path: the model straight from the text, and the
  // JSON tree only when a feature asks for it.
  const fast = readWorkflowFast(text);
  if (fast) {
    let tree: Node | undefined | null = null;
    return {
      text,
      model: fast,
      get root() {
        if (tree === null) tree = parseStrictJson(text);
        return tree;
      },
      diagnostics: [],
    };
  }
  return parseWorkflowGeneral(text, options);
}

/**
 * The general path: a JSON tree (the fast strict parser for valid JSON, else jsonc-parser with error recovery), then
 * the model builder, which reports every structural problem. Exported for the tests that compare both paths.
 */
export function parseWorkflowGeneral(text: string, options: ParseOptions = {}): ParsedWorkflow {
  const builder = new ModelBuilder(text);
  const model = newModel();
  // Valid JSON takes the fast strict parser; anything else jsonc-parser, which recovers and reports.
  const strict = parseStrictJson(text);
  if (strict) {
    builder.readRoot(strict, model);
    return { text, model, root: strict, diagnostics: builder.diagnostics };
  }
  // jsonc-parser recurses per nesting level: refuse absurd nesting before it overflows the stack.
  const tooDeep = offsetBeyondDepth(text, MAX_NESTING);
  if (tooDeep >= 0) {
    builder.report(
      { start: tooDeep, end: tooDeep + 1 },
      'error',
      WorkflowCode.InvalidJson,
      `Invalid workflow: objects and arrays nest deeper than ${MAX_NESTING} levels here (a workflow configuration nests about six).`,
    );
    return { text, model, root: undefined, diagnostics: builder.diagnostics };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: !options.allowComments,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  let lastOffset = -1;
  for (const error of errors) {
    // jsonc-parser may report two errors for one token (`{"a": 1,}`: property name and value expected).
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    builder.syntaxError(error);
  }
  if (root) builder.readRoot(root, model);
  return { text, model, root, diagnostics: builder.diagnostics };
}

/** Deeper nesting is reported instead of parsed. */
const MAX_NESTING = 1000;

/** The offset of the bracket that opens level `limit + 1`, or -1. Skips strings and comments. */
function offsetBeyondDepth(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    } else if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    }
  }
  return -1;
}

const KIND_NAMES: Record<JsonKind, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

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
        const comma = this.previousTokenStart(error.offset);
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
    const invisible = describeInvisible(this.text, error.offset);
    if (invisible !== undefined) return `Invalid JSON: ${invisible} stands here, outside any string: delete it.`;
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
        return 'Invalid JSON: a comment is not closed: end it with `*/`.';
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

  /**
   * The offset of the last token before `offset`, skipping whitespace and comments (`1, // last\n}`): -1 if none.
   * Scans from the start, which is fine for the few syntax errors that ask.
   */
  private previousTokenStart(offset: number): number {
    const scanner = createScanner(this.text, true);
    let last = -1;
    for (let kind = scanner.scan(); kind !== JsonToken.EOF; kind = scanner.scan()) {
      if (scanner.getTokenOffset() >= offset) break;
      last = scanner.getTokenOffset();
    }
    return last;
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
    let seen = false;
    for (const prop of this.properties(root, 'root')) {
      seen = true;
      const value = prop.children![1];
      if (value && this.expectKind(prop, value, 'object')) taskRouting = value;
    }
    if (!seen) {
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
    let seen = false;
    let hasDefaultFilter = false;
    for (const prop of this.properties(node, 'taskRouting')) {
      seen = true;
      const value = prop.children![1];
      if (!value) continue;
      if (keyOf(prop) === 'filters') {
        if (this.expectKind(prop, value, 'array')) filters = value;
      } else {
        hasDefaultFilter = true;
        if (this.expectKind(prop, value, 'object')) defaultFilter = value;
      }
    }
    if (!seen) {
      this.report(
        openingBrace(node),
        'error',
        WorkflowCode.EmptyTaskRouting,
        '`task_routing` needs `filters` (an array of filters) or a `default_filter` (an object with a `queue`).',
      );
    } else if (filters && (filters.children ?? []).length === 0 && !hasDefaultFilter) {
      this.report(
        spanOf(filters),
        'error',
        WorkflowCode.EmptyTaskRouting,
        '`filters` is empty and there is no `default_filter`: no task could be routed. Add a filter, or a `default_filter` with a `queue`.',
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
    const filter = newFilter(index, spanOf(node));
    let targets: Node | undefined;
    let hasExpression = false;
    let hasTargets = false;
    for (const prop of this.properties(node, 'filter')) {
      const key = keyOf(prop);
      if (key === 'expression') hasExpression = true;
      else if (key === 'targets') hasTargets = true;
      const value = prop.children![1];
      if (!value) continue;
      const field = fieldOf(prop, value);
      filter.keys.push(field);
      if (key === 'expression') {
        if (this.expectKind(prop, value, 'string')) filter.expression = field;
      } else if (key === 'targets') {
        if (this.expectKind(prop, value, 'array')) targets = value;
      } else if (this.expectKind(prop, value, 'string')) {
        setFilterName(filter, field); // filter_friendly_name and its legacy names
      }
    }
    if (!hasExpression) {
      this.report(
        openingBrace(node),
        'error',
        WorkflowCode.MissingKey,
        `Filter ${index + 1} has no \`expression\`: every filter needs one (use "1==1" to match every task).`,
      );
    }
    if (!hasTargets) {
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
      const elements = targets.children ?? [];
      for (const element of elements) {
        if (element.type !== 'object') {
          this.wrongType(spanOf(element), 'A target', 'an object with at least a `queue`', kindOf(element));
          continue;
        }
        const target = this.readTarget(element, filter.targets.length, index, 'target');
        inherited = target.queue?.value ?? inherited;
        target.effectiveQueue = inherited;
        filter.targets.push(target);
      }
      if (elements.length === 0) {
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
    const target = newTarget(index, filterIndex, spanOf(node));
    for (const prop of this.properties(node, place)) {
      const value = prop.children![1];
      if (!value) continue;
      const field = fieldOf(prop, value);
      target.keys.push(field);
      switch (field.key) {
        case 'priority':
          target.priority = this.numberField(field, value);
          continue;
        case 'timeout':
          target.timeout = this.numberField(field, value);
          continue;
      }
      if (this.expectKind(prop, value, 'string')) setTargetString(target, field);
    }
    return target;
  }

  private numberField(field: FieldNode<never>, value: Node): Field<number> | undefined {
    if (value.type === 'number') return field;
    if (value.type === 'string' && NUMERIC_STRING.test(value.value as string)) {
      return field.withValue(Number(value.value));
    }
    const found =
      value.type === 'string' ? `the string ${JSON.stringify(value.value)}` : KIND_NAMES[value.type as JsonKind];
    this.report(spanOf(value), 'error', WorkflowCode.WrongType, `\`${field.key}\` must be a number, found ${found}.`);
    return undefined;
  }

  /**
   * The properties of an object whose key is valid in this place (legacy keys included), in order. Reports
   * duplicate, unknown and misplaced keys on the way.
   */
  private properties(node: Node, place: ObjectPlace): Node[] {
    const result: Node[] = [];
    const valid = VALID_KEYS[place];
    const legacy = LEGACY_KEYS_BY_PLACE[place];
    // Objects here have a handful of keys: a linear scan beats a Set.
    const seen: string[] = [];
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      if (!keyNode) continue;
      const key = keyNode.value as string;
      if (seen.includes(key)) {
        this.report(
          spanOf(keyNode),
          'error',
          WorkflowCode.DuplicateKey,
          `Duplicate key \`${key}\` in ${PLACE_NAMES[place]}: only one of them would be used.`,
        );
        continue;
      }
      seen.push(key);
      if (valid.includes(key) || legacy.includes(key)) {
        result.push(prop);
      } else if (place === 'defaultFilter' && (VALID_KEYS.target as readonly string[]).includes(key)) {
        // Read like a target (the old helper libraries wrote whole targets here), but warn.
        this.report(
          spanOf(keyNode),
          'warning',
          WorkflowCode.MisplacedKey,
          `\`${key}\` is a target key, but \`default_filter\` only uses \`queue\`: TaskRouter does not document \`${key}\` here, so it may be ignored or rejected.`,
        );
        result.push(prop);
      } else {
        this.unknownKey(key, spanOf(keyNode), place);
      }
    }
    return result;
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

  private expectKind(prop: Node, value: Node, kind: JsonKind): boolean {
    if (value.type === kind) return true;
    const key = keyOf(prop);
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

function keyOf(prop: Node): string {
  return prop.children![0].value as string;
}

function kindOf(node: Node): JsonKind {
  return node.type as JsonKind;
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function openingBrace(node: Node): Span {
  return { start: node.offset, end: node.offset + 1 };
}

function fieldOf(prop: Node, value: Node): FieldNode<never> {
  const keyNode = prop.children![0];
  return new FieldNode(
    keyNode.value as string,
    value.value as never,
    keyNode.offset,
    keyNode.offset + keyNode.length,
    value.offset,
    value.offset + value.length,
    kindOf(value),
  );
}

function describeToken(text: string, error: ParseError): string {
  const raw = text.substr(error.offset, Math.max(1, Math.min(error.length, 20)));
  const printable = raw.replace(/\s+/g, ' ');
  return `\`${printable}\``;
}
