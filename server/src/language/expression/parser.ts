/**
 * The parser: recursive descent with error recovery. It never throws, keeps going after an error (so the tree is
 * always complete, with `error` nodes where text was missing) and runs in time linear in the length of the text:
 * every loop consumes a token, and nesting beyond `MAX_NESTING` is skipped iteratively instead of recursed into.
 *
 * Precedence, loosest first: `OR`, `AND`, prefix `NOT`, comparison. Scope-specific checks (which names exist, types
 * of constants) run afterwards in `checks.ts`.
 */
import { describeInvisible } from '../characters';
import { ExpressionIssueCode as Code, FOREIGN_OPERATORS, MAX_NESTING } from './codes';
import { Lexer } from './tokenizer';
import type {
  ArrayLiteral,
  ComparisonExpression,
  ComparisonOperator,
  Condition,
  ErrorNode,
  ExpressionIssue,
  KeyPath,
  Operand,
  OrderByClause,
  OrderByExpression,
  PathSegment,
  Scope,
  Severity,
  Span,
  Token,
} from './types';

/** What the syntax pass produces; `parseExpression` (parse.ts) adds the scope checks. */
export interface SyntaxResult {
  ast: Condition | OrderByExpression;
  issues: ExpressionIssue[];
}

/** What to write instead of nothing, per scope: `1 == 1` would mean "always skip" in a skip_if. */
const EMPTY_MESSAGES: Record<Scope, string> = {
  filter: 'The expression is empty. To match every task, write `1 == 1`.',
  target: 'The expression is empty. To let every worker of the queue take the task, write `1 == 1`.',
  targetWorkers: 'The expression is empty. To target every worker, write `1 == 1`.',
  skipIf: 'The skip_if is empty: write when to skip this step, e.g. `workers.available == 0`, or remove skip_if.',
  orderBy: 'The order_by is empty: list one or more `worker.<attribute> ASC|DESC`, separated by commas.',
  knownWorker: 'The known worker reference is empty: name the task attribute that holds it, e.g. `task.agent_sid`.',
};

/** Parses `text` without the scope checks. */
export function parseSyntax(text: string, scope: Scope): SyntaxResult {
  const parser = new Parser(text, scope);
  const ast = parser.parse();
  return { ast, issues: parser.issues };
}

class Parser {
  readonly issues: ExpressionIssue[] = [];
  private readonly lexer: Lexer;
  /** A window of the token stream: `window[i - base]` is token `i` (invalid characters are reported and left out). */
  private window: Token[] = [];
  private base = 0;
  private exhausted = false;
  /** The last token of the stream, once it has been read. */
  private lastToken: Token | undefined;
  private pos = 0;
  /** Current nesting of parentheses and prefix NOTs. */
  private depth = 0;
  /** Current nesting of parentheses only (a `)` at 0 has no partner). */
  private parenDepth = 0;
  private tooDeepReported = false;

  constructor(
    private readonly text: string,
    private readonly scope: Scope,
  ) {
    this.lexer = new Lexer(text);
  }

  /** Token `index`, which the caller knows exists (it has been looked at before). */
  private tokenAt(index: number): Token {
    return this.at(index) as Token;
  }

  /** Token `index` of the stream (undefined past the end), reading more tokens as needed. */
  private at(index: number): Token | undefined {
    // Keep the window small: tokens more than a few places behind the current one are never looked at again.
    if (this.pos - this.base > 64) {
      const drop = this.pos - this.base - 4;
      this.window = this.window.slice(drop);
      this.base += drop;
    }
    while (index - this.base >= this.window.length && !this.exhausted) {
      const t = this.lexer.next();
      if (t === undefined) {
        this.exhausted = true;
        break;
      }
      this.lexicalIssues(t);
      if (t.kind !== 'invalid') {
        this.window.push(t);
        this.lastToken = t;
      }
    }
    return this.window[index - this.base];
  }

  parse(): Condition | OrderByExpression {
    const ast = this.parseAll();
    // Report lexical problems in anything the grammar did not reach.
    while (!this.exhausted) this.at(this.base + this.window.length);
    return ast;
  }

  private parseAll(): Condition | OrderByExpression {
    if (this.at(0) === undefined) {
      if (this.issues.length === 0) {
        this.report(Code.Empty, 0, this.text.length, EMPTY_MESSAGES[this.scope]);
      }
      return this.errorNode(0, this.text.length);
    }
    if (this.scope === 'orderBy') return this.parseOrderBy();
    return this.parseOr();
  }

  // --- lexical problems, reported once per token ----------------------------------------------------------------

  private lexicalIssues(token: Token): void {
    switch (token.kind) {
      case 'invalid':
        this.report(Code.UnexpectedCharacter, token.start, token.end, invalidCharacterMessage(this.text, token));
        break;
      case 'string':
        if (token.terminated === false) {
          const quote = token.text[0];
          this.report(
            Code.UnterminatedString,
            token.start,
            token.end,
            `This string has no closing ${quote}: add ${quote} where it ends.`,
          );
        }
        break;
      case 'name':
        if (token.hyphenated) {
          const suggestion = token.text.replace(/-/g, '_');
          this.report(
            Code.HyphenInName,
            token.start,
            token.end,
            `\`${token.text}\` cannot be used: TaskRouter reads the hyphen as a subtraction and rejects the ` +
              `expression. Names may contain letters, digits and underscores; rename the attribute, e.g. to ` +
              `\`${suggestion}\`.`,
          );
        }
        break;
      case 'operator': {
        const replacement = FOREIGN_OPERATORS[token.text];
        if (replacement !== undefined) {
          this.report(
            Code.ForeignOperator,
            token.start,
            token.end,
            `\`${token.text}\` is not TaskRouter syntax: write \`${replacement}\`.`,
          );
        } else if (token.text === '!') {
          this.report(
            Code.ForeignOperator,
            token.start,
            token.end,
            '`!` on its own is not TaskRouter syntax: write `!=` to compare, or `NOT` to negate a condition.',
          );
        } else if (token.text === '<>') {
          this.report(
            Code.UndocumentedOperator,
            token.start,
            token.end,
            '`<>` is not in TaskRouter’s documentation and may be rejected: write `!=`.',
            'warning',
          );
        }
        break;
      }
      case 'keyword':
      case 'boolean':
      case 'null': {
        if (token.kind === 'keyword' && (token.keyword === 'ASC' || token.keyword === 'DESC')) {
          if (this.scope !== 'orderBy') break;
        }
        const t = token.text;
        if (isMixedCase(t)) {
          const canonical = token.kind === 'keyword' ? t.toUpperCase() : t.toLowerCase();
          this.report(
            Code.KeywordCase,
            token.start,
            token.end,
            `\`${t}\` is read as \`${canonical}\`; TaskRouter's documentation writes it \`${canonical}\`.`,
            'information',
          );
        }
        break;
      }
      default:
        break;
    }
  }

  // --- conditions -------------------------------------------------------------------------------------------------

  private parseOr(): Condition {
    const first = this.parseAnd();
    const operands: Condition[] = [first];
    while (this.isOr(this.peek())) {
      this.pos++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? first : this.logical('OR', operands);
  }

  private parseAnd(): Condition {
    const first = this.parseUnary();
    const operands: Condition[] = [first];
    for (;;) {
      const t = this.peek();
      if (t === undefined || this.isOr(t)) break;
      if (t.kind === 'rparen') {
        if (this.parenDepth > 0) break;
        this.report(
          Code.UnbalancedParenthesis,
          t.start,
          t.end,
          'This `)` has no matching `(`: remove it or add `(` where the group starts.',
        );
        this.pos++;
        continue;
      }
      if (this.isAnd(t)) {
        this.pos++;
        operands.push(this.parseUnary());
        continue;
      }
      if (this.startsCondition(t)) {
        const previous = operands[operands.length - 1];
        this.report(
          Code.MissingLogicalOperator,
          t.start,
          t.end,
          `Two conditions follow each other without \`AND\` or \`OR\` between them (after \`${this.snippet(previous)}\`).`,
        );
        operands.push(this.parseUnary());
        continue;
      }
      this.unexpected(t);
      this.pos++;
    }
    return operands.length === 1 ? first : this.logical('AND', operands);
  }

  private parseUnary(): Condition {
    const t = this.peek();
    if (t === undefined || !this.isNot(t) || this.isNegatedOperator(this.pos)) return this.parsePrimary();
    if (this.depth >= MAX_NESTING) {
      this.reportTooDeep(t);
      while (this.isNotAt(this.pos)) this.pos++;
      return this.parsePrimary();
    }
    this.pos++;
    if (t.kind === 'keyword') {
      this.report(
        Code.UndocumentedNot,
        t.start,
        t.end,
        'Prefix `NOT` is not in TaskRouter’s documentation and may be rejected. Where you can, write the ' +
          'opposite comparison instead (`!=`, `NOT IN`).',
        'warning',
      );
    }
    this.depth++;
    const operand = this.parseUnary();
    this.depth--;
    return { kind: 'not', start: t.start, end: Math.max(t.end, operand.end), operand };
  }

  private parsePrimary(): Condition {
    const t = this.peek();
    if (t !== undefined && t.kind === 'lparen') {
      if (this.depth >= MAX_NESTING) {
        this.reportTooDeep(t);
        return this.skipBalanced('lparen', 'rparen');
      }
      this.pos++;
      this.depth++;
      this.parenDepth++;
      const inner = this.parseOr();
      this.parenDepth--;
      this.depth--;
      const close = this.peek();
      if (close !== undefined && close.kind === 'rparen') {
        this.pos++;
      } else {
        this.report(
          Code.UnbalancedParenthesis,
          t.start,
          t.end,
          'This `(` has no matching `)`: add `)` where the group ends.',
        );
      }
      this.groupFollowedByOperator(close !== undefined && close.kind === 'rparen' ? close : undefined);
      return inner;
    }
    return this.parseComparison();
  }

  /** `(a) == 1`: parentheses group conditions, not values. Reports and skips the operator and its operand. */
  private groupFollowedByOperator(close: Token | undefined): void {
    if (close === undefined) return;
    const op = this.operatorAt(this.pos);
    if (op === undefined) return;
    const opToken = this.tokenAt(this.pos);
    this.pos += op.length;
    const right = this.parseOperand();
    this.report(
      Code.UnexpectedSymbol,
      opToken.start,
      right?.end ?? opToken.end,
      'Parentheses group whole conditions, not values: write the comparison inside them, e.g. `(a == 1)`.',
    );
  }

  private parseComparison(): Condition {
    const left = this.keywordAsName() ?? this.parseOperand();
    const op = this.operatorAt(this.pos);
    if (op === undefined) {
      if (left === undefined) return this.missingCondition();
      const next = this.peek();
      if (next !== undefined && startsConstant(next)) return this.missingOperator(left);
      this.checkBareOperand(left);
      return left;
    }
    const opStart = this.tokenAt(this.pos).start;
    const opEnd = this.tokenAt(this.pos + op.length - 1).end;
    this.pos += op.length;
    if (op.undocumented) {
      this.report(
        Code.UndocumentedOperator,
        opStart,
        opEnd,
        `\`${op.operator}\` is not in TaskRouter’s documentation and may be rejected. ` +
          (op.operator === 'NOT HAS'
            ? 'Write the value first instead: `value NOT IN array` means the same.'
            : 'Write `NOT (a CONTAINS b)` or rephrase the condition.'),
        'warning',
      );
    }
    const shown = this.text.slice(opStart, opEnd);
    let leftOperand: Operand;
    if (left === undefined) {
      this.report(Code.MissingOperand, opStart, opEnd, `\`${shown}\` needs a value on its left.`);
      leftOperand = this.errorNode(opStart, opStart);
    } else {
      leftOperand = left;
    }
    let right = this.parseOperand();
    if (right === undefined && (op.operator === 'IN' || op.operator === 'NOT IN') && this.parenthesisedList()) {
      // `x IN (1, 2)`, as in SQL: read the list as the array it means, and say how TaskRouter writes it.
      const list = this.parseArray('rparen');
      this.report(
        Code.InNeedsArray,
        list.start,
        list.end,
        `\`${shown}\` takes an array in square brackets: write \`[${list.elements.map((e) => this.snippet(e)).join(', ')}]\`, not parentheses.`,
      );
      right = list;
    }
    if (right === undefined) {
      this.report(
        Code.MissingOperand,
        opStart,
        opEnd,
        `\`${shown}\` needs a value on its right${example(op.operator)}.`,
      );
      right = this.errorNode(opEnd, opEnd);
    }
    const node: ComparisonExpression = {
      kind: 'comparison',
      operator: op.operator,
      operatorSpan: { start: opStart, end: opEnd },
      left: leftOperand,
      right,
      start: Math.min(leftOperand.start, opStart),
      end: Math.max(right.end, opEnd),
    };
    // `1 < a < 3`: report once and swallow the rest of the chain.
    let chained = this.operatorAt(this.pos);
    while (chained !== undefined) {
      const chainStart = this.tokenAt(this.pos).start;
      this.pos += chained.length;
      const extra = this.parseOperand();
      this.report(
        Code.ChainedComparison,
        chainStart,
        extra?.end ?? this.tokenAt(this.pos - 1).end,
        'Comparisons cannot be chained: join two comparisons with `AND`, e.g. `1 < a AND a < 3`.',
      );
      chained = this.operatorAt(this.pos);
    }
    return node;
  }

  /**
   * `in == 1`: an attribute named like a keyword. Reported once, and read as an unknown value so that the comparison
   * after it is still checked (without it, `in` would read as an operator missing both its values).
   */
  private keywordAsName(): Operand | undefined {
    const t = this.peek();
    if (t === undefined || t.kind !== 'keyword' || this.operatorAt(this.pos + 1) === undefined) return undefined;
    // ASC and DESC are names outside order_by (parseOperand reads them as paths).
    if (t.keyword === 'ASC' || t.keyword === 'DESC') return undefined;
    this.report(
      Code.UnexpectedSymbol,
      t.start,
      t.end,
      `\`${t.text}\` is the keyword ${t.keyword}, so it cannot name an attribute: TaskRouter reads AND, OR, NOT, IN, ` +
        'HAS and CONTAINS as operators in any letter case. Rename the attribute.',
    );
    this.pos++;
    return this.errorNode(t.start, t.end);
  }

  /** `type 'support'`: reported, and read as `type == 'support'` so that the rest can still be checked. */
  private missingOperator(left: Operand): ComparisonExpression {
    const right = this.parseOperand() as Operand;
    this.report(
      Code.MissingOperator,
      left.start,
      right.end,
      `A comparison operator is missing between \`${this.snippet(left)}\` and \`${this.snippet(right)}\`, ` +
        'e.g. `==`.',
    );
    return {
      kind: 'comparison',
      operator: '==',
      operatorSpan: { start: left.end, end: left.end },
      left,
      right,
      start: left.start,
      end: right.end,
    };
  }

  private checkBareOperand(operand: Operand): void {
    if (operand.kind === 'error') return;
    // A known-worker field holds one reference, not a condition: the scope check explains what is wrong.
    if (this.scope === 'knownWorker') return;
    const shown = this.text.slice(operand.start, operand.end);
    if (operand.kind === 'path') {
      this.report(
        Code.BareOperand,
        operand.start,
        operand.end,
        `\`${shown}\` on its own is not a comparison; TaskRouter documents only comparisons. ` +
          `Write \`${shown} == true\` if it holds a boolean.`,
        'warning',
      );
    } else if (operand.kind === 'boolean') {
      this.report(
        Code.BareOperand,
        operand.start,
        operand.end,
        `\`${shown}\` on its own is not in TaskRouter’s documentation and may be rejected: ` +
          (operand.value ? 'write `1 == 1` for a condition that is always true.' : 'write `1 == 0` instead.'),
        'warning',
      );
    } else {
      this.report(
        Code.NotACondition,
        operand.start,
        operand.end,
        `\`${shown}\` is a value, not a condition: compare it with something, e.g. \`attribute == ${shown}\`.`,
      );
    }
  }

  private missingCondition(): ErrorNode {
    const t = this.peek();
    if (t === undefined) {
      const end = this.text.length;
      const previous = this.lastToken as Token;
      this.report(
        Code.MissingOperand,
        previous.start,
        previous.end,
        `The expression ends after \`${previous.text}\`: a condition is missing.`,
      );
      return this.errorNode(end, end);
    }
    const message =
      t.kind === 'rparen'
        ? 'The parentheses are empty: put a condition inside them.'
        : this.isAnd(t) || this.isOr(t)
          ? `A condition is missing before \`${t.text}\`.`
          : `\`${t.text}\` cannot start a condition: a condition looks like \`attribute == 'value'\`.`;
    this.report(Code.MissingOperand, t.start, t.end, message);
    if (t.kind === 'rparen' || this.isAnd(t) || this.isOr(t)) return this.errorNode(t.start, t.start);
    // A stray token (`,`, `]`, a lone `.`): it is the error, so consume it.
    this.pos++;
    return this.errorNode(t.start, t.end);
  }

  // --- operands ---------------------------------------------------------------------------------------------------

  /** Parses a value if one starts here; returns undefined (consuming nothing) otherwise. */
  private parseOperand(): Operand | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    switch (t.kind) {
      case 'name':
        return this.parsePath();
      case 'keyword':
        if (this.scope !== 'orderBy' && (t.keyword === 'ASC' || t.keyword === 'DESC')) return this.parsePath();
        return undefined;
      case 'string':
        this.pos++;
        return { kind: 'string', value: t.value as string, start: t.start, end: t.end };
      case 'number':
        this.pos++;
        return { kind: 'number', value: t.value as number, start: t.start, end: t.end };
      case 'boolean':
        this.pos++;
        return { kind: 'boolean', value: t.value as boolean, start: t.start, end: t.end };
      case 'null':
        this.pos++;
        return { kind: 'null', start: t.start, end: t.end };
      case 'lbracket':
        return this.parseArray();
      case 'dot': {
        const next = this.at(this.pos + 1);
        if (next !== undefined && next.kind === 'name') {
          this.report(Code.InvalidPath, t.start, t.end, 'A key path cannot start with `.`: remove it.');
          this.pos++;
          return this.parsePath();
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private parsePath(): KeyPath {
    const first = this.tokenAt(this.pos++);
    const segments: PathSegment[] = [{ kind: 'name', name: first.text, start: first.start, end: first.end }];
    let end = first.end;
    for (;;) {
      const t = this.peek();
      if (t === undefined) break;
      if (t.kind === 'dot') {
        const next = this.at(this.pos + 1);
        if (next !== undefined && (next.kind === 'name' || next.kind === 'keyword') && next.start === t.end) {
          segments.push({ kind: 'name', name: next.text, start: next.start, end: next.end });
          end = next.end;
          this.pos += 2;
          continue;
        }
        this.report(Code.InvalidPath, t.start, t.end, 'A `.` in a key path must be followed by a name, e.g. `a.b`.');
        this.pos++;
        end = t.end;
        break;
      }
      if (t.kind === 'lbracket' && t.start === end) {
        end = this.parseIndex(segments);
        continue;
      }
      break;
    }
    return { kind: 'path', segments, start: first.start, end };
  }

  /** Parses `[n]` after a path segment; returns the new end of the path. */
  private parseIndex(segments: PathSegment[]): number {
    const open = this.tokenAt(this.pos++);
    const inside = this.peek();
    const close = this.at(this.pos + 1);
    if (
      inside !== undefined &&
      inside.kind === 'number' &&
      Number.isInteger(inside.value) &&
      (inside.value as number) >= 0 &&
      /^\d+$/.test(inside.text) &&
      close !== undefined &&
      close.kind === 'rbracket'
    ) {
      segments.push({ kind: 'index', index: inside.value as number, start: open.start, end: close.end });
      this.pos += 2;
      return close.end;
    }
    // Skip to the matching `]` on this line of tokens, if there is one soon; otherwise just the `[`.
    let end = open.end;
    if (inside !== undefined && close !== undefined && close.kind === 'rbracket' && inside.kind !== 'lbracket') {
      end = close.end;
      this.pos += 2;
    } else if (inside !== undefined && inside.kind === 'rbracket') {
      end = inside.end;
      this.pos += 1;
    }
    const hint =
      inside !== undefined && inside.kind === 'string'
        ? ` To read the key ${inside.text}, write \`.${inside.value as string}\`.`
        : '';
    this.report(
      Code.InvalidIndex,
      open.start,
      end,
      `An array index is a whole number in brackets, counting from 0, e.g. \`[0]\`.${hint}`,
    );
    return end;
  }

  /** True when a `(` here opens a plain list of values, `(1, 2)`: no operator, keyword or group inside. */
  private parenthesisedList(): boolean {
    if (this.peek()?.kind !== 'lparen') return false;
    for (let i = this.pos + 1; ; i++) {
      const t = this.at(i);
      if (t === undefined) return true;
      if (t.kind === 'rparen') return true;
      if (t.kind === 'operator' || t.kind === 'keyword' || t.kind === 'lparen') return false;
    }
  }

  /** An array constant; `close` is `rparen` only for the `IN (1, 2)` mistake, read as the array it means. */
  private parseArray(close: 'rbracket' | 'rparen' = 'rbracket'): ArrayLiteral {
    const open = this.tokenAt(this.pos++);
    const elements: Operand[] = [];
    let end = open.end;
    let expectValue = true;
    for (;;) {
      const t = this.peek();
      if (t === undefined) {
        this.reportUnclosedArray(open);
        break;
      }
      if (t.kind === close) {
        if (expectValue && elements.length > 0) {
          this.report(
            Code.InvalidArrayElement,
            t.start,
            t.end,
            `A value is missing before \`${t.text}\`: remove the last comma.`,
          );
        }
        this.pos++;
        end = t.end;
        break;
      }
      if (t.kind === 'comma') {
        if (expectValue) {
          this.report(Code.InvalidArrayElement, t.start, t.end, 'A value is missing before this comma.');
        }
        this.pos++;
        end = t.end;
        expectValue = true;
        continue;
      }
      if (t.kind === 'lbracket') {
        const nested = this.skipBalanced('lbracket', 'rbracket');
        this.report(
          Code.InvalidArrayElement,
          nested.start,
          nested.end,
          "Arrays cannot contain arrays: list single values, e.g. `['a', 'b']`.",
        );
        end = nested.end;
        expectValue = false;
        continue;
      }
      const element = this.parseOperand();
      if (element === undefined) {
        // Something that cannot be in an array (`)`, `AND`, `==`): the `]` was probably forgotten.
        this.reportUnclosedArray(open);
        break;
      }
      if (!expectValue) {
        this.report(
          Code.InvalidArrayElement,
          element.start,
          element.end,
          'Separate the values of an array with commas.',
        );
      }
      elements.push(element);
      end = element.end;
      expectValue = false;
    }
    return { kind: 'array', elements, start: open.start, end };
  }

  private reportUnclosedArray(open: Token): void {
    const closer = open.kind === 'lparen' ? ')' : ']';
    this.report(
      Code.UnclosedArray,
      open.start,
      open.end,
      `This \`${open.text}\` has no matching \`${closer}\`: add \`${closer}\` after the last value.`,
    );
  }

  // --- order_by ---------------------------------------------------------------------------------------------------

  private parseOrderBy(): OrderByExpression {
    const clauses: OrderByClause[] = [];
    let expectClause = true;
    for (;;) {
      const t = this.peek();
      if (t === undefined) {
        if (expectClause && clauses.length > 0) {
          const last = this.lastToken as Token;
          this.report(Code.OrderBySyntax, last.start, last.end, 'A clause is missing after the last comma: remove it.');
        }
        break;
      }
      if (t.kind === 'comma') {
        if (expectClause) this.report(Code.OrderBySyntax, t.start, t.end, 'A clause is missing before this comma.');
        this.pos++;
        expectClause = true;
        continue;
      }
      if (!expectClause) {
        if (t.kind === 'name') {
          // `worker.a ASC worker.b DESC`: a comma is missing; read the next clause anyway.
          this.report(Code.OrderBySyntax, t.start, t.end, 'Separate order_by clauses with commas.');
          expectClause = true;
          continue;
        }
        // Anything else up to the next comma is not order_by syntax: report it once and skip it.
        const comparison = this.operatorAt(this.pos) !== undefined || this.isAnd(t) || this.isOr(t);
        let end = t.end;
        for (let u = this.at(this.pos); u !== undefined && u.kind !== 'comma'; u = this.at(this.pos)) {
          end = u.end;
          this.pos++;
        }
        this.report(
          Code.OrderBySyntax,
          t.start,
          end,
          comparison
            ? 'order_by only lists keys to sort by, such as `worker.level DESC`: it has no comparisons or AND/OR.'
            : 'Separate order_by clauses with commas.',
        );
        continue;
      }
      const clause = this.parseOrderClause();
      if (clause === undefined) {
        this.report(
          Code.OrderBySyntax,
          t.start,
          t.end,
          `\`${t.text}\` cannot start an order_by clause: write \`worker.<attribute> ASC\` or \`DESC\`.`,
        );
        this.pos++;
        continue;
      }
      clauses.push(clause);
      expectClause = false;
    }
    const start = clauses.length > 0 ? clauses[0].start : 0;
    const end = clauses.length > 0 ? clauses[clauses.length - 1].end : this.text.length;
    return { kind: 'orderBy', clauses, start, end };
  }

  private parseOrderClause(): OrderByClause | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    let key: KeyPath | ErrorNode;
    if (t.kind === 'keyword' && (t.keyword === 'ASC' || t.keyword === 'DESC')) {
      this.report(Code.OrderByKey, t.start, t.end, `A key to sort by is missing before \`${t.text}\`.`);
      key = this.errorNode(t.start, t.start);
    } else {
      const operand = this.parseOperand();
      if (operand === undefined) return undefined;
      if (operand.kind === 'path' || operand.kind === 'error') {
        key = operand;
      } else {
        this.report(
          Code.OrderByKey,
          operand.start,
          operand.end,
          'order_by sorts by a worker attribute, such as `worker.level`, not by a constant.',
        );
        key = this.errorNode(operand.start, operand.end);
      }
    }
    let direction: 'ASC' | 'DESC' | null = null;
    let end = key.end;
    const d = this.peek();
    if (d !== undefined && d.kind === 'keyword' && (d.keyword === 'ASC' || d.keyword === 'DESC')) {
      direction = d.keyword;
      end = d.end;
      this.pos++;
    } else if (d !== undefined && d.kind === 'name') {
      this.report(
        Code.OrderByDirection,
        d.start,
        d.end,
        `\`${d.text}\` is not a direction: write \`ASC\` or \`DESC\`.`,
      );
      end = d.end;
      this.pos++;
    } else if (key.kind === 'path') {
      this.report(
        Code.OrderByDirection,
        key.start,
        key.end,
        'Add `ASC` or `DESC`: Twilio’s documentation always gives a direction (without one, this extension sorts ' +
          'ascending).',
        'warning',
      );
    }
    return { kind: 'orderClause', key, direction, start: key.start, end };
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private peek(): Token | undefined {
    return this.at(this.pos);
  }

  private isAnd(t: Token | undefined): boolean {
    return t !== undefined && ((t.kind === 'keyword' && t.keyword === 'AND') || isOperator(t, '&&', '&'));
  }

  private isOr(t: Token | undefined): boolean {
    return t !== undefined && ((t.kind === 'keyword' && t.keyword === 'OR') || isOperator(t, '||', '|'));
  }

  private isNot(t: Token): boolean {
    return (t.kind === 'keyword' && t.keyword === 'NOT') || isOperator(t, '!');
  }

  private isNotAt(index: number): boolean {
    const t = this.at(index);
    return t !== undefined && this.isNot(t) && !this.isNegatedOperator(index);
  }

  /** `NOT IN`, `NOT HAS`, `NOT CONTAINS` at `index`. */
  private isNegatedOperator(index: number): boolean {
    const t = this.at(index);
    const next = this.at(index + 1);
    return (
      t !== undefined &&
      t.kind === 'keyword' &&
      t.keyword === 'NOT' &&
      next !== undefined &&
      next.kind === 'keyword' &&
      (next.keyword === 'IN' || next.keyword === 'HAS' || next.keyword === 'CONTAINS')
    );
  }

  private startsCondition(t: Token): boolean {
    switch (t.kind) {
      case 'name':
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'lparen':
      case 'lbracket':
        return true;
      case 'keyword':
        return t.keyword === 'NOT' || t.keyword === 'ASC' || t.keyword === 'DESC';
      case 'operator':
        return t.text === '!';
      default:
        return false;
    }
  }

  /** The comparison operator starting at `index`, with the number of tokens it takes. */
  private operatorAt(index: number): OperatorMatch | undefined {
    const t = this.at(index);
    if (t === undefined) return undefined;
    if (t.kind === 'operator') {
      switch (t.text) {
        case '==':
        case '=':
        case '===':
          return MATCH['=='];
        case '!=':
        case '<>':
        case '!==':
          return MATCH['!='];
        case '>':
        case '>=':
        case '<':
        case '<=':
          return MATCH[t.text];
        default:
          return undefined;
      }
    }
    if (t.kind !== 'keyword') return undefined;
    switch (t.keyword) {
      case 'HAS':
      case 'IN':
      case 'CONTAINS':
        return MATCH[t.keyword];
      case 'NOT':
        if (!this.isNegatedOperator(index)) return undefined;
        switch (this.tokenAt(index + 1).keyword) {
          case 'IN':
            return MATCH['NOT IN'];
          case 'HAS':
            return MATCH['NOT HAS'];
          default:
            return MATCH['NOT CONTAINS'];
        }
      default:
        return undefined;
    }
  }

  private unexpected(t: Token): void {
    let message: string;
    if (this.operatorAt(this.pos) !== undefined) {
      message = `\`${t.text}\` needs a value on its left: a comparison looks like \`attribute ${t.text} value\`.`;
    } else if (t.kind === 'keyword') {
      message = `\`${t.text}\` does not belong here.`;
    } else if (t.kind === 'comma') {
      message = "A comma only separates the values of an array, e.g. `['a', 'b']`.";
    } else if (t.kind === 'rbracket') {
      message = 'This `]` has no matching `[`.';
    } else if (t.kind === 'dot') {
      message = 'A `.` only joins the names of a key path, e.g. `object.attr`.';
    } else {
      message = `\`${t.text}\` does not belong here.`;
    }
    this.report(Code.UnexpectedSymbol, t.start, t.end, message);
  }

  /** Skips from an opening token to its matching closing token (or the end) without recursion. */
  private skipBalanced(open: Token['kind'], close: Token['kind']): ErrorNode {
    const first = this.tokenAt(this.pos);
    let level = 0;
    let end = first.end;
    for (let t = this.at(this.pos); t !== undefined; t = this.at(this.pos)) {
      this.pos++;
      end = t.end;
      if (t.kind === open) level++;
      else if (t.kind === close && --level === 0) break;
    }
    return this.errorNode(first.start, end);
  }

  private reportTooDeep(t: Token): void {
    if (this.tooDeepReported) return;
    this.tooDeepReported = true;
    this.report(
      Code.TooDeep,
      t.start,
      t.end,
      `Parentheses and NOTs are nested more than ${MAX_NESTING} levels deep here; the inner part is not checked. ` +
        'Simplify the expression.',
    );
  }

  private logical(operator: 'AND' | 'OR', operands: Condition[]): Condition {
    return { kind: 'logical', operator, operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }

  private errorNode(start: number, end: number): ErrorNode {
    return { kind: 'error', start, end };
  }

  private snippet(span: Span): string {
    const s = this.text.slice(span.start, span.end);
    return s.length > 40 ? `${s.slice(0, 37)}...` : s;
  }

  private report(code: string, start: number, end: number, message: string, severity: Severity = 'error'): void {
    this.issues.push({ code, message, severity, start, end });
  }
}

/** `And`, `tRUE`: both upper- and lower-case ASCII letters. */
function isMixedCase(word: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower;
}

function startsConstant(t: Token): boolean {
  return (
    t.kind === 'string' || t.kind === 'number' || t.kind === 'boolean' || t.kind === 'null' || t.kind === 'lbracket'
  );
}

function isOperator(t: Token, a: string, b?: string): boolean {
  return t.kind === 'operator' && (t.text === a || t.text === b);
}

type OperatorMatch = { operator: ComparisonOperator; length: number; undocumented: boolean };

/** Shared results of `operatorAt` (it runs for nearly every token, so it must not allocate). */
const MATCH: Record<ComparisonOperator, OperatorMatch> = {
  '==': { operator: '==', length: 1, undocumented: false },
  '!=': { operator: '!=', length: 1, undocumented: false },
  '>': { operator: '>', length: 1, undocumented: false },
  '>=': { operator: '>=', length: 1, undocumented: false },
  '<': { operator: '<', length: 1, undocumented: false },
  '<=': { operator: '<=', length: 1, undocumented: false },
  HAS: { operator: 'HAS', length: 1, undocumented: false },
  IN: { operator: 'IN', length: 1, undocumented: false },
  CONTAINS: { operator: 'CONTAINS', length: 1, undocumented: false },
  'NOT IN': { operator: 'NOT IN', length: 2, undocumented: false },
  'NOT HAS': { operator: 'NOT HAS', length: 2, undocumented: true },
  'NOT CONTAINS': { operator: 'NOT CONTAINS', length: 2, undocumented: true },
};

function example(operator: ComparisonOperator): string {
  switch (operator) {
    case 'HAS':
    case 'NOT HAS':
      return ", e.g. `skills HAS 'support'`";
    case 'IN':
    case 'NOT IN':
      return ", e.g. `language IN ['en', 'es']`";
    case 'CONTAINS':
    case 'NOT CONTAINS':
      return ", e.g. `email CONTAINS '@example.com'`";
    default:
      return ", e.g. `type == 'support'`";
  }
}

function invalidCharacterMessage(text: string, token: Token): string {
  const invisible = describeInvisible(text, token.start);
  if (invisible !== undefined) {
    return `${invisible.charAt(0).toUpperCase()}${invisible.slice(1)} is not allowed in a TaskRouter expression: delete it (text pasted from documents and web pages often carries such characters).`;
  }
  const ch = token.text;
  switch (ch) {
    case '-':
      return '`-` is not allowed: TaskRouter has no arithmetic, and names cannot contain hyphens (use `_`).';
    case '+':
    case '*':
    case '/':
    case '%':
      return `\`${ch}\` is not allowed: TaskRouter expressions have no arithmetic.`;
    case '\\':
      return '`\\` is not allowed here: strings in an expression have no escape sequences.';
    case '`':
      return 'Backquotes are not string quotes in TaskRouter: use \'…\' or "…".';
    default:
      return `\`${ch}\` is not allowed in a TaskRouter expression.`;
  }
}
