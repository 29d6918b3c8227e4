/**
 * The contract of the TaskRouter expression language module.
 *
 * Everything here is pure data: offsets are UTF-16 offsets into the expression text
 * (end exclusive). Editor ranges are computed only at the edge (workflow validator, server).
 */

/** Where an expression is written; the same text means different things in each place. */
export type Scope =
  /** A filter's `expression`: task attributes unprefixed, `taskrouter.*`. */
  | 'filter'
  /** A target's `expression`: `task.*`, `worker.*`, `taskrouter.*`. */
  | 'target'
  /** A target's `skip_if`: `workers.available`, `workers.unavailable`, `workers.WA...`. */
  | 'skipIf'
  /** A target's `order_by`: `worker.<attr> ASC|DESC, ...`. */
  | 'orderBy'
  /** A task queue's `target_workers`: worker attributes unprefixed. */
  | 'targetWorkers'
  /** `known_worker_sid` / `known_worker_friendly_name`: one task attribute reference such as `task.agent_sid`. */
  | 'knownWorker';

export type Severity = 'error' | 'warning' | 'information';

export interface Span {
  start: number;
  end: number;
}

/** A problem found in an expression. `code` is stable (tests and quick fixes rely on it). */
export interface ExpressionIssue extends Span {
  code: string;
  message: string;
  severity: Severity;
}

/** Counts of the workers of a target's queue, for `skip_if`. */
export interface WorkerCounts {
  available: number;
  unavailable: number;
  /** Number of workers per activity SID (`workers.WA...`). */
  byActivity?: Record<string, number>;
}

/** What an expression is evaluated against. */
export interface EvaluationContext {
  /** Defaults to 'filter'. Decides how unprefixed names resolve. */
  scope?: Scope;
  task?: Record<string, unknown>;
  worker?: Record<string, unknown>;
  workers?: WorkerCounts;
  /** Injectable clock for `taskrouter.currentTime` and friends; defaults to `() => new Date()`. */
  now?: () => Date;
}

// ---------------------------------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------------------------------

/** The kinds of token `tokenize` produces (for highlighting, completion and the parser). */
export type TokenKind =
  /** A name, or one segment of a key path (`task`, `skills`). Words right after a `.` are always names. */
  | 'name'
  /** `AND`, `OR`, `NOT`, `IN`, `HAS`, `CONTAINS`, `ASC`, `DESC` in any letter case; `keyword` holds the upper-case form. */
  | 'keyword'
  /** `true` / `false` in any letter case; `value` holds the boolean. */
  | 'boolean'
  /** `null` in any letter case. */
  | 'null'
  /** A string constant in `'…'` or `"…"`; `value` holds the text between the quotes. */
  | 'string'
  /** A number such as `5`, `0800`, `5.1`, `.5`, `-1`; `value` holds the number. */
  | 'number'
  /** A comparison operator: `==`, `=`, `!=`, `<>`, `>`, `>=`, `<`, `<=` (and the invalid `===`, `!==`, `&&`, `||`, `!`). */
  | 'operator'
  | 'dot'
  | 'comma'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  /** Any character the language does not use (`#`, `+`, `-` alone, …). */
  | 'invalid';

export type Keyword = 'AND' | 'OR' | 'NOT' | 'IN' | 'HAS' | 'CONTAINS' | 'ASC' | 'DESC';

export interface Token extends Span {
  kind: TokenKind;
  /** The token's text exactly as written. */
  text: string;
  /** For `keyword`: the upper-case keyword. */
  keyword?: Keyword;
  /** For `string` (the unquoted text), `number` and `boolean`. */
  value?: string | number | boolean;
  /** For `string`: false when the closing quote is missing. */
  terminated?: boolean;
  /** For `name`: true when the name contains `-` (`skill-level`), which TaskRouter does not accept. */
  hyphenated?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------------
// Syntax tree. Every node carries `start`/`end` offsets into the parsed text. Parentheses do not make nodes: the span
// of a parenthesised condition is the span of what is inside them.
// ---------------------------------------------------------------------------------------------------------------------

/** Comparison operators after normalisation: `=` is stored as `==`, `<>` as `!=`, keywords upper-case. */
export type ComparisonOperator =
  '==' | '!=' | '>' | '>=' | '<' | '<=' | 'CONTAINS' | 'HAS' | 'IN' | 'NOT IN' | 'NOT HAS' | 'NOT CONTAINS';

export interface NameSegment extends Span {
  kind: 'name';
  name: string;
}

export interface IndexSegment extends Span {
  kind: 'index';
  /** The zero-based array index written in `[n]`. */
  index: number;
}

export type PathSegment = NameSegment | IndexSegment;

/** A key reference such as `task.skills`, `object.array[2]` or `taskrouter.dayOfWeek`. */
export interface KeyPath extends Span {
  kind: 'path';
  segments: PathSegment[];
}

export interface StringLiteral extends Span {
  kind: 'string';
  value: string;
}

export interface NumberLiteral extends Span {
  kind: 'number';
  value: number;
}

export interface BooleanLiteral extends Span {
  kind: 'boolean';
  value: boolean;
}

export interface NullLiteral extends Span {
  kind: 'null';
}

/** `['Sat', 'Sun']`: elements are constants or key paths (never nested arrays). */
export interface ArrayLiteral extends Span {
  kind: 'array';
  elements: Operand[];
}

/** Stands where the text had an error; an issue at the same place explains it. */
export interface ErrorNode extends Span {
  kind: 'error';
}

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral;

/** A value on either side of a comparison. */
export type Operand = KeyPath | Literal | ArrayLiteral | ErrorNode;

export interface ComparisonExpression extends Span {
  kind: 'comparison';
  operator: ComparisonOperator;
  /** Where the operator is written (for `NOT IN`, both words). */
  operatorSpan: Span;
  left: Operand;
  right: Operand;
}

/** `a AND b AND c` is one node with three operands; parenthesised groups stay separate nodes. */
export interface LogicalExpression extends Span {
  kind: 'logical';
  operator: 'AND' | 'OR';
  operands: Condition[];
}

/** Prefix `NOT` (undocumented by Twilio; the parser warns). */
export interface NotExpression extends Span {
  kind: 'not';
  operand: Condition;
}

/**
 * Something that is true or false. A bare operand (`true`, `vip`) is a condition that holds when its value is the
 * boolean `true`; the parser warns about bare operands because Twilio documents only comparisons.
 */
export type Condition = LogicalExpression | NotExpression | ComparisonExpression | Operand;

/** One `worker.<attr> ASC|DESC` clause of an `order_by`. `direction` is null when it was left out. */
export interface OrderByClause extends Span {
  kind: 'orderClause';
  key: KeyPath | ErrorNode;
  direction: 'ASC' | 'DESC' | null;
}

/** The whole `order_by` text: a comma-separated list of clauses. */
export interface OrderByExpression extends Span {
  kind: 'orderBy';
  clauses: OrderByClause[];
}

/** What `parseExpression` returns: a condition, or an `OrderByExpression` in the `orderBy` scope. */
export type Expression = Condition | OrderByExpression;

/** Any node of the tree. */
export type ExpressionNode = Expression | OrderByClause;

export interface ParseResult {
  ast: Expression;
  issues: ExpressionIssue[];
}

/** Resolves a key path to its value; return `undefined` or `null` for a missing key. */
export type NameResolver = (path: KeyPath) => unknown;

/** A key path found in an expression, with its text (`task.skills[0]`) and where it is written. */
export interface KeyReference extends Span {
  text: string;
  node: KeyPath;
}
