/**
 * Where the cursor is, for completion and hover: in the JSON (which object, a key or a value) and inside an
 * expression (the word being typed, what may come next). Both work on incomplete text, and both cost the size of
 * the place the cursor is in, never the size of the document: the JSON object is found through the model's spans
 * (binary search over filters) and only that object's own tokens are scanned, jumping over the child containers the
 * model already knows.
 */
import { createScanner } from 'jsonc-parser';
import { tokenize } from '../expression/tokenizer';
import type { Scope, Span, Token } from '../expression/types';
import type { ObjectPlace } from '../workflow/keys';
import type { FilterModel, TargetModel, WorkflowModel } from '../workflow/types';

// ---------------------------------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------------------------------

/** jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read). */
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

/** A JSON token the cursor is on. */
export interface JsonToken extends Span {
  /** A string literal (else a bare word: a number, `true`, or text without quotes). */
  quoted: boolean;
  /** For a string: false when its closing quote is missing. */
  terminated: boolean;
  /** The string's value or the word's text. */
  value: string;
}

export type JsonPosition =
  /** Where a property name goes, or inside one being typed (`token`). */
  | {
      kind: 'key';
      token: JsonToken | undefined;
      /** A `:` follows the key being typed: only the name should be inserted. */
      hasColon: boolean;
      /** The cursor follows a value without a comma: insert one at this offset. */
      commaBefore: number | undefined;
      /** Another property follows without a comma in between. */
      commaAfter: boolean;
    }
  /** Where the value of `key` goes, or inside it (`token`). */
  | { kind: 'value'; key: string; keySpan: Span; token: JsonToken | undefined };

export interface JsonCursor {
  place: ObjectPlace;
  /** The object the cursor is directly in. */
  objectSpan: Span;
  /** The target for places `target` and `defaultFilter`; the filter for `filter` and `target`. */
  target: TargetModel | undefined;
  filter: FilterModel | undefined;
  /** The keys written in the object, except the one under the cursor. */
  keys: string[];
  position: JsonPosition | undefined;
}

interface ObjectAt {
  place: ObjectPlace;
  span: Span;
  /** Child containers the model knows (and the cursor is not in): scanned over in one step. */
  jumps: (Span | undefined)[];
  target?: TargetModel;
  filter?: FilterModel;
}

/**
 * The JSON object directly around `offset` and where in it the cursor is. Undefined outside the objects of a
 * workflow (inside an array, a nested unknown object, a comment, or a queue document).
 *
 * `hover` decides what "on a token" means: a hover position is a character (`start <= offset < end`); a completion
 * position is a gap between characters, on a token it ends (`start < offset <= end`).
 */
export function jsonCursor(
  text: string,
  model: WorkflowModel | undefined,
  offset: number,
  hover = false,
): JsonCursor | undefined {
  if (!model) return undefined;
  const at = objectAt(text, model, offset);
  return at && scanObject(text, at, offset, hover);
}

/** True when `offset` is strictly inside the container at `span` (between its brackets; to the end when unclosed). */
function inside(text: string, span: Span | undefined, offset: number): boolean {
  if (!span || offset <= span.start) return false;
  if (offset < span.end) return true;
  // A container cut off by the end of the document takes the cursor at the very end.
  return offset === span.end && span.end === text.length && !isCloser(text.charCodeAt(span.end - 1));
}

function isCloser(c: number): boolean {
  return c === 125 || c === 93;
}

/** The element of `items` (sorted, disjoint spans) containing `offset`. Binary search. */
function findContaining<T extends { span: Span }>(text: string, items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = items[mid].span;
    if (offset <= span.start) high = mid - 1;
    else if (offset >= span.end && !inside(text, span, offset)) low = mid + 1;
    else return items[mid];
  }
  return undefined;
}

function objectAt(text: string, model: WorkflowModel, offset: number): ObjectAt | undefined {
  const defaultFilter = model.defaultFilter;
  if (defaultFilter && inside(text, defaultFilter.span, offset)) {
    return { place: 'defaultFilter', span: defaultFilter.span, jumps: [], target: defaultFilter };
  }
  if (inside(text, model.filtersSpan, offset)) {
    const filter = findContaining(text, model.filters, offset);
    if (!filter) return undefined;
    const target = findContaining(text, filter.targets, offset);
    if (target) return { place: 'target', span: target.span, jumps: [], target, filter };
    if (inside(text, filter.targetsSpan, offset)) return undefined;
    return { place: 'filter', span: filter.span, jumps: [filter.targetsSpan], filter };
  }
  if (inside(text, model.taskRoutingSpan, offset)) {
    return { place: 'taskRouting', span: model.taskRoutingSpan!, jumps: [model.filtersSpan, defaultFilter?.span] };
  }
  if (inside(text, model.rootSpan, offset)) {
    return { place: 'root', span: model.rootSpan!, jumps: [model.taskRoutingSpan] };
  }
  return undefined;
}

type Expect = 'key' | 'colon' | 'value' | 'comma';

/** Reads the object's own tokens (nested containers skipped), noting its keys and where the cursor is. */
function scanObject(text: string, at: ObjectAt, offset: number, hover: boolean): JsonCursor {
  const scanner = createScanner(text, false);
  scanner.setPosition(at.span.start + 1);
  const keys: string[] = [];
  let expect: Expect = 'key';
  let depth = 0;
  let lastKey = '';
  let lastKeySpan: Span = { start: 0, end: 0 };
  let lastValueEnd: number | undefined;
  let position: JsonPosition | undefined;
  let decided = false;
  // The cursor is on a key: the token after it says whether a `:` or another property follows.
  let settleOnNext = false;

  for (;;) {
    const kind = scanner.scan() as number;
    if (kind === EOF) break;
    if (kind === LINE_BREAK || kind === TRIVIA) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (settleOnNext) {
      settle(position, kind);
      settleOnNext = false;
    }
    const isComment = kind === LINE_COMMENT || kind === BLOCK_COMMENT;
    if (!decided && (hover ? offset < start : offset <= start)) {
      // The cursor is in the gap before this token.
      decided = true;
      position = depth === 0 ? between(expect, lastKey, lastKeySpan, lastValueEnd) : undefined;
      settle(position, kind);
    } else if (!decided && (hover ? offset < end : offset <= end)) {
      const quoted = kind === STRING;
      const terminated = quoted && end - start >= 2 && text.charCodeAt(end - 1) === 34;
      if (isComment || depth > 0) {
        decided = true;
        position = undefined;
      } else if (quoted || isWord(kind)) {
        // A completion position right after a closing quote is past the string: the next gap decides.
        if (hover || !terminated || offset < end) {
          decided = true;
          const token: JsonToken = { start, end, quoted, terminated, value: scanner.getTokenValue() };
          if (expect === 'value') {
            position = { kind: 'value', key: lastKey, keySpan: lastKeySpan, token };
          } else {
            const commaBefore = expect === 'comma' ? lastValueEnd : undefined;
            position = { kind: 'key', token, hasColon: false, commaBefore, commaAfter: false };
            settleOnNext = true;
            // The key being typed is not one of the keys already there.
            expect = 'colon';
            lastKey = token.value;
            lastKeySpan = { start, end };
            continue;
          }
        }
      } else if (hover) {
        // On punctuation.
        decided = true;
        position = undefined;
      }
      // A completion position right after punctuation: the gap after it decides.
    }
    if (isComment) continue;

    if (depth > 0) {
      if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
        depth++;
      } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) {
          expect = 'comma';
          lastValueEnd = end;
        }
      }
      continue;
    }
    switch (kind) {
      case CLOSE_BRACE:
        // The object ends here (the model's span says the cursor is before its end).
        return { place: at.place, objectSpan: at.span, target: at.target, filter: at.filter, keys, position };
      case OPEN_BRACE:
      case OPEN_BRACKET: {
        const jump = at.jumps.find((span) => span !== undefined && span.start === start);
        // The model's child spans never hold the cursor (it would be in that child), but never jump over it.
        if (jump && !(offset > jump.start && offset < jump.end)) {
          scanner.setPosition(jump.end);
          expect = 'comma';
          lastValueEnd = jump.end;
        } else {
          depth = 1;
        }
        break;
      }
      case COLON:
        expect = 'value';
        break;
      case COMMA:
        expect = 'key';
        break;
      case CLOSE_BRACKET:
        break;
      default:
        if (expect === 'value') {
          expect = 'comma';
          lastValueEnd = end;
        } else {
          lastKey = kind === STRING ? scanner.getTokenValue() : text.slice(start, end);
          lastKeySpan = { start, end };
          keys.push(lastKey);
          expect = 'colon';
        }
    }
  }
  if (!decided) position = depth === 0 ? between(expect, lastKey, lastKeySpan, lastValueEnd) : undefined;
  return { place: at.place, objectSpan: at.span, target: at.target, filter: at.filter, keys, position };
}

/** What the token after a key position tells: a `:` follows the key, or another property (a comma is needed). */
function settle(position: JsonPosition | undefined, nextKind: number): void {
  if (position?.kind !== 'key') return;
  position.hasColon = nextKind === COLON;
  position.commaAfter = isWordOrString(nextKind);
}

function isWord(kind: number): boolean {
  // null, true, false, numbers, and text jsonc-parser does not recognise (an unquoted word).
  return kind === 7 || kind === 8 || kind === 9 || kind === 11 || kind === 16;
}

function isWordOrString(kind: number): boolean {
  return kind === STRING || isWord(kind);
}

function between(
  expect: Expect,
  key: string,
  keySpan: Span,
  lastValueEnd: number | undefined,
): JsonPosition | undefined {
  switch (expect) {
    case 'key':
      return { kind: 'key', token: undefined, hasColon: false, commaBefore: undefined, commaAfter: false };
    case 'comma':
      return { kind: 'key', token: undefined, hasColon: false, commaBefore: lastValueEnd, commaAfter: false };
    case 'value':
      return { kind: 'value', key, keySpan, token: undefined };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------------------------------

/** What may come at the cursor inside an expression. */
export type ExpressionExpect =
  /** A condition starts: a name. */
  | 'operand'
  /** The right side of a comparison. */
  | 'value'
  /** An element of an array constant. */
  | 'element'
  /** A comparison operator, after a complete left operand (`replace` may cover an operator being typed). */
  | 'operator'
  /** `IN` after `NOT` that follows an operand. */
  | 'notOperator'
  /** `AND` / `OR`, after a complete comparison or `)`. */
  | 'logical'
  /** The next segment of a key path, after `.`. */
  | 'member'
  /** `order_by`: a `worker.<attribute>` key, its direction, or the comma before the next clause. */
  | 'orderKey'
  | 'orderDirection'
  | 'orderComma'
  /** Inside a string constant. */
  | 'string'
  | 'none';

export interface ExpressionCursor {
  expect: ExpressionExpect;
  /** What an inserted item replaces, in offsets of the expression text: the word being typed, else empty. */
  replace: Span;
  /** The part of that word before the cursor. */
  typed: string;
  /** For `member`: the segments before the dot (`worker.channel.voice.` gives `['worker', 'channel', 'voice']`). */
  path: string[];
  /** For `value`, `element`, `string`: the text of the comparison's left operand (`taskrouter.dayOfWeek`). */
  left: string | undefined;
  /** For `string`: the quote the constant opens with. */
  quote: string | undefined;
  /** Where the token before the cursor ends (`worker.level DESC |`: the whitespace a `,` should replace). */
  previousEnd: number | undefined;
}

const COMPARISON_KEYWORDS = new Set(['IN', 'HAS', 'CONTAINS']);

/** Where the cursor at `offset` (in the expression text) is, for completion. */
export function expressionCursor(text: string, offset: number, scope: Scope): ExpressionCursor {
  const tokens = tokenize(text);
  const result: ExpressionCursor = {
    expect: 'none',
    replace: { start: offset, end: offset },
    typed: '',
    path: [],
    left: undefined,
    quote: undefined,
    previousEnd: undefined,
  };
  // The last token starting before the cursor.
  let index = -1;
  for (let i = 0; i < tokens.length && tokens[i].start < offset; i++) index = i;
  let previous = index;
  const current = index >= 0 && tokens[index].end >= offset ? tokens[index] : undefined;
  if (current) {
    switch (current.kind) {
      case 'string':
        if (offset < current.end || !current.terminated) {
          result.expect = 'string';
          // An unclosed string runs to the end of the text: replace only up to the end of the word being typed.
          result.replace = { start: current.start, end: current.terminated ? current.end : wordEnd(text, offset) };
          result.typed = text.slice(current.start, offset);
          result.quote = current.text[0];
          result.left = leftOfComparisonAround(text, tokens, index);
          return result;
        }
        break;
      case 'name':
      case 'keyword':
      case 'boolean':
      case 'null':
        result.replace = { start: current.start, end: current.end };
        result.typed = text.slice(current.start, offset);
        previous = index - 1;
        break;
      case 'number':
      case 'invalid':
        return result;
      case 'operator':
        if (offset < current.end) return result;
        if (index > 0 && endsOperand(tokens[index - 1]) && !endsComparison(tokens, index - 1)) {
          result.expect = 'operator';
          result.replace = { start: current.start, end: current.end };
          result.typed = current.text;
          return result;
        }
        break;
      default:
        break;
    }
  }
  const before = previous >= 0 ? tokens[previous] : undefined;
  if (before?.kind === 'dot' && before.end === result.replace.start) {
    const path = pathBefore(tokens, previous);
    if (path) {
      result.expect = 'member';
      result.path = path;
    }
    return result;
  }
  result.previousEnd = before?.end;
  result.expect = nextAfter(text, tokens, previous, scope, result);
  return result;
}

/** The end of the letters, digits and underscores starting at `offset`. */
export function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[\p{L}\p{N}_$]/u.test(text[end])) end++;
  return end;
}

function nextAfter(
  text: string,
  tokens: readonly Token[],
  previous: number,
  scope: Scope,
  result: ExpressionCursor,
): ExpressionExpect {
  const before = previous >= 0 ? tokens[previous] : undefined;
  if (scope === 'orderBy') {
    if (!before || before.kind === 'comma') return 'orderKey';
    if (before.kind === 'keyword' && (before.keyword === 'ASC' || before.keyword === 'DESC')) return 'orderComma';
    if (before.kind === 'name' || before.kind === 'rbracket') return 'orderDirection';
    return 'none';
  }
  if (scope === 'knownWorker') return before ? 'none' : 'operand';
  if (!before || before.kind === 'lparen') return 'operand';
  if (before.kind === 'keyword') {
    if (before.keyword === 'AND' || before.keyword === 'OR') return 'operand';
    if (before.keyword === 'NOT') {
      return previous > 0 && endsOperand(tokens[previous - 1]) ? 'notOperator' : 'operand';
    }
  }
  if (isComparisonOperator(before)) {
    result.left = leftOperandOf(text, tokens, previous);
    return 'value';
  }
  if (before.kind === 'lbracket' || before.kind === 'comma') {
    const open = before.kind === 'lbracket' ? previous : unmatchedOpen(tokens, previous);
    if (open < 0 || isIndexBracket(tokens, open)) return 'none';
    if (open > 0 && isComparisonOperator(tokens[open - 1])) result.left = leftOperandOf(text, tokens, open - 1);
    return 'element';
  }
  if (before.kind === 'rparen') return 'logical';
  if (endsOperand(before)) return endsComparison(tokens, previous) ? 'logical' : 'operator';
  return 'none';
}

function isComparisonOperator(token: Token): boolean {
  return token.kind === 'operator' || (token.kind === 'keyword' && COMPARISON_KEYWORDS.has(token.keyword!));
}

function endsOperand(token: Token): boolean {
  switch (token.kind) {
    case 'name':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'rbracket':
      return true;
    default:
      return false;
  }
}

/** True when the operand ending at `last` is the right side of a comparison. */
function endsComparison(tokens: readonly Token[], last: number): boolean {
  const first = operandStart(tokens, last);
  return first > 0 && isComparisonOperator(tokens[first - 1]);
}

/** The index of the first token of the operand ending at token `last` (a key path, a constant or an array). */
function operandStart(tokens: readonly Token[], last: number): number {
  let j = last;
  for (;;) {
    const t = tokens[j];
    if (t.kind === 'rbracket') {
      const open = unmatchedOpen(tokens, j);
      if (open < 0) return j;
      if (isIndexBracket(tokens, open)) {
        j = open - 1;
        continue;
      }
      return open;
    }
    if (t.kind === 'name' && j >= 2) {
      const dot = tokens[j - 1];
      const owner = tokens[j - 2];
      if (
        dot.kind === 'dot' &&
        dot.end === t.start &&
        (owner.kind === 'name' || owner.kind === 'rbracket') &&
        owner.end === dot.start
      ) {
        j -= 2;
        continue;
      }
    }
    return j;
  }
}

/** A `[` directly after a name or `]` is an index (`a[0]`), not an array constant. */
function isIndexBracket(tokens: readonly Token[], open: number): boolean {
  const before = open > 0 ? tokens[open - 1] : undefined;
  return (
    before !== undefined && (before.kind === 'name' || before.kind === 'rbracket') && before.end === tokens[open].start
  );
}

/**
 * For `]` at `from`: its `[`. For anything else: the `[` not closed before `from` (the array the cursor is in).
 * -1 when there is none.
 */
function unmatchedOpen(tokens: readonly Token[], from: number): number {
  let depth = tokens[from].kind === 'rbracket' ? 0 : 1;
  for (let j = from; j >= 0; j--) {
    const kind = tokens[j].kind;
    if (kind === 'rbracket') depth++;
    else if (kind === 'lbracket' && --depth === 0) return j;
    else if (
      kind === 'lparen' ||
      kind === 'rparen' ||
      (tokens[j].kind === 'keyword' && !COMPARISON_KEYWORDS.has(tokens[j].keyword!))
    ) {
      // Arrays never hold conditions: the search stops at the condition's edge.
      if (depth === 1 && tokens[from].kind !== 'rbracket') return -1;
    }
  }
  return -1;
}

/** The left operand's text of the comparison whose operator is token `operator` (`NOT IN` counts as one). */
function leftOperandOf(text: string, tokens: readonly Token[], operator: number): string | undefined {
  let last = operator - 1;
  if (last >= 0 && tokens[last].kind === 'keyword' && tokens[last].keyword === 'NOT') last--;
  if (last < 0 || !endsOperand(tokens[last])) return undefined;
  return text.slice(tokens[operandStart(tokens, last)].start, tokens[last].end);
}

/** For a string constant at token `index`: the left operand of the comparison it is the right side of. */
function leftOfComparisonAround(text: string, tokens: readonly Token[], index: number): string | undefined {
  const before = index > 0 ? tokens[index - 1] : undefined;
  if (!before) return undefined;
  if (isComparisonOperator(before)) return leftOperandOf(text, tokens, index - 1);
  if (before.kind === 'lbracket' || before.kind === 'comma') {
    const open = before.kind === 'lbracket' ? index - 1 : unmatchedOpen(tokens, index - 1);
    if (open > 0 && !isIndexBracket(tokens, open) && isComparisonOperator(tokens[open - 1])) {
      return leftOperandOf(text, tokens, open - 1);
    }
  }
  return undefined;
}

/** The name segments of the key path ending with the dot at `dot` (`task.routing.` gives `['task', 'routing']`). */
function pathBefore(tokens: readonly Token[], dot: number): string[] | undefined {
  const segments: string[] = [];
  let j = dot - 1;
  let next = tokens[dot];
  while (j >= 0) {
    const t = tokens[j];
    if (t.kind !== 'name' || t.end !== next.start) return undefined;
    segments.unshift(t.text);
    const d = tokens[j - 1];
    if (j >= 1 && d.kind === 'dot' && d.end === t.start) {
      next = d;
      j -= 2;
      continue;
    }
    return segments;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Hover: the expression token under a character
// ---------------------------------------------------------------------------------------------------------------------

/** What an expression character is part of. */
export type ExpressionHoverTarget =
  | { kind: 'operator'; text: string; span: Span }
  | { kind: 'constant'; text: string; span: Span }
  | { kind: 'path'; segments: string[]; text: string; span: Span; hovered: number };

/** The operator, keyword, constant or key path the character at `offset` belongs to. */
export function expressionTokenAt(text: string, offset: number): ExpressionHoverTarget | undefined {
  const tokens = tokenize(text);
  let index = tokens.findIndex((t) => t.start <= offset && offset < t.end);
  // A hover at the very end of the text (or after the last character of a word) reads the token before.
  if (index < 0) index = tokens.findIndex((t) => t.end === offset);
  if (index < 0) return undefined;
  const token = tokens[index];
  switch (token.kind) {
    case 'operator':
      return { kind: 'operator', text: token.text, span: { start: token.start, end: token.end } };
    case 'keyword': {
      const next = tokens[index + 1];
      const previous = tokens[index - 1];
      if (token.keyword === 'NOT' && next?.kind === 'keyword' && COMPARISON_KEYWORDS.has(next.keyword!)) {
        if (previous && endsOperand(previous)) {
          return { kind: 'operator', text: `NOT ${next.keyword}`, span: { start: token.start, end: next.end } };
        }
      }
      if (COMPARISON_KEYWORDS.has(token.keyword!) && previous?.kind === 'keyword' && previous.keyword === 'NOT') {
        const beforeNot = tokens[index - 2];
        if (beforeNot && endsOperand(beforeNot)) {
          return { kind: 'operator', text: `NOT ${token.keyword}`, span: { start: previous.start, end: token.end } };
        }
      }
      return { kind: 'operator', text: token.keyword!, span: { start: token.start, end: token.end } };
    }
    case 'boolean':
    case 'null':
      return { kind: 'constant', text: token.text, span: { start: token.start, end: token.end } };
    case 'name':
    case 'dot': {
      // The whole key path: back to its first name, forward to its last.
      let first = index;
      while (first >= 2 && tokens[first - 1].kind === 'dot' && adjacent(tokens, first - 2, first)) first -= 2;
      if (tokens[first].kind === 'dot') {
        if (first === 0 || !adjacent(tokens, first - 1, first + 1)) return undefined;
        first -= 1;
      }
      let last = first;
      while (last + 2 < tokens.length && tokens[last + 1].kind === 'dot' && adjacent(tokens, last, last + 2)) {
        last += 2;
      }
      if (tokens[first].kind !== 'name') return undefined;
      const segments: string[] = [];
      let hovered = 0;
      for (let j = first; j <= last; j += 2) {
        if (tokens[j].kind !== 'name') return undefined;
        if (j <= index) hovered = segments.length;
        segments.push(tokens[j].text);
      }
      const span = { start: tokens[first].start, end: tokens[last].end };
      return { kind: 'path', segments, text: text.slice(span.start, span.end), span, hovered };
    }
    default:
      return undefined;
  }
}

/** Tokens `a` and `b` with only a dot between them, all touching. */
function adjacent(tokens: readonly Token[], a: number, b: number): boolean {
  const dot = tokens[a + 1];
  const after = tokens[b];
  // A path being typed ends in its dot (`task.`): nothing follows it.
  if (!after) return false;
  return tokens[a].end === dot.start && dot.end === after.start && after.kind === 'name';
}
