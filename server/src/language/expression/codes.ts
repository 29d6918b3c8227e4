/**
 * Stable issue codes of the expression language. Tests, quick fixes and users' CI filters rely on these strings:
 * never rename one; add new ones instead.
 */
export const ExpressionIssueCode = {
  // --- syntax -------------------------------------------------------------------------------------------------------
  /** The expression is empty or only spaces. */
  Empty: 'expr-empty',
  /** A character the language does not use (`#`, `+`, a lone `-`, …). */
  UnexpectedCharacter: 'expr-unexpected-character',
  /** A string constant without its closing quote. */
  UnterminatedString: 'expr-unterminated-string',
  /** A name with a hyphen (`skill-level`): TaskRouter reads it as a subtraction and rejects it. */
  HyphenInName: 'expr-hyphen-in-name',
  /** An operator from another language: `&&`, `||`, `!`, `===`, `!==`. The message names the TaskRouter spelling. */
  ForeignOperator: 'expr-foreign-operator',
  /** An operator without a value on one side (`skills HAS`, `== 5`). */
  MissingOperand: 'expr-missing-operand',
  /** Two values in a row without an operator between them (`type 'support'`). */
  MissingOperator: 'expr-missing-operator',
  /** Two conditions in a row without `AND` / `OR` between them. */
  MissingLogicalOperator: 'expr-missing-and-or',
  /** A `(` without its `)`, or a `)` without its `(`. */
  UnbalancedParenthesis: 'expr-unbalanced-parenthesis',
  /** A `[` without its `]`. */
  UnclosedArray: 'expr-unclosed-array',
  /** A bad element in an array constant: a nested array, a missing value between commas. */
  InvalidArrayElement: 'expr-invalid-array-element',
  /** A bad `[n]` after a name: not a non-negative whole number. */
  InvalidIndex: 'expr-invalid-index',
  /** A malformed key path: `a.`, `a..b`, a dot before a value. */
  InvalidPath: 'expr-invalid-path',
  /** Something that does not belong where it is written (a stray `,` or `]`, a keyword out of place). */
  UnexpectedSymbol: 'expr-unexpected-symbol',
  /** Parentheses or `NOT`s nested deeper than `MAX_NESTING`. */
  TooDeep: 'expr-too-deep',
  /** `1 < a < 3`: comparisons cannot be chained; join two comparisons with `AND`. */
  ChainedComparison: 'expr-chained-comparison',
  /** A constant where a condition is needed (`5`, `'gold'`, `[1, 2]`, `null` on its own or next to `AND`). */
  NotACondition: 'expr-not-a-condition',
  /** A name or `true`/`false` on its own as a condition: Twilio documents only comparisons. */
  BareOperand: 'expr-bare-operand',

  // --- undocumented syntax (accepted with a warning or information) -------------------------------------------------
  /** Prefix `NOT`: not in Twilio's documentation. */
  UndocumentedNot: 'expr-undocumented-not',
  /** `NOT HAS`, `NOT CONTAINS`, `<>`: not in Twilio's documentation. */
  UndocumentedOperator: 'expr-undocumented-operator',
  /** A keyword in mixed case (`And`, `True`): accepted, but Twilio writes keywords in upper or lower case. */
  KeywordCase: 'expr-keyword-case',

  // --- types --------------------------------------------------------------------------------------------------------
  /** `HAS` with a constant that is not an array on its left. */
  HasNeedsArray: 'expr-has-needs-array',
  /** `IN` / `NOT IN` with a constant that is not an array on its right. */
  InNeedsArray: 'expr-in-needs-array',
  /** `CONTAINS` with a constant that is not a string. */
  ContainsNeedsStrings: 'expr-contains-needs-strings',
  /** `==`, `>`, … with an array constant: scalar operators on arrays are always false. */
  ScalarOperatorOnArray: 'expr-scalar-operator-on-array',
  /** A comparison that can never be true because the types differ (`1 == '1'`, `taskrouter.currentHour > '8'`). */
  TypeMismatch: 'expr-type-mismatch',

  // --- names per scope ----------------------------------------------------------------------------------------------
  /** A target expression name without `task.` / `worker.` / `taskrouter.`. */
  MissingPrefix: 'expr-missing-prefix',
  /** A prefix where attributes are unprefixed (`task.type` in a filter, `worker.skills` in target_workers). */
  UnexpectedPrefix: 'expr-unexpected-prefix',
  /** A name that does not exist in this place (`workers.available` outside `skip_if`, `task.x` in `skip_if`). */
  NameNotInScope: 'expr-name-not-in-scope',
  /** `taskrouter.<name>` that is not currentTime, currentHour, currentMin or dayOfWeek. */
  UnknownTaskrouterVariable: 'expr-unknown-taskrouter-variable',
  /** `workers.<name>` that is not available, unavailable or an activity SID. */
  UnknownWorkersVariable: 'expr-unknown-workers-variable',
  /** `workers.WA…` whose activity SID is not `WA` followed by 32 hexadecimal digits. */
  MalformedActivitySid: 'expr-malformed-activity-sid',
  /** `worker.channel.<name>.<property>` with a property TaskRouter does not provide. */
  UnknownChannelProperty: 'expr-unknown-channel-property',
  /** A day constant in the wrong letter case (`'THU'`): `taskrouter.dayOfWeek` is `Thu`, so it never matches. */
  DayOfWeekCase: 'expr-day-of-week-case',
  /** A constant compared with `taskrouter.dayOfWeek` that is not a day (`'Monday'`). */
  DayOfWeekValue: 'expr-day-of-week-value',
  /** A time constant outside its range (`taskrouter.currentTime > 2500`, `taskrouter.currentMin == 75`). */
  TimeOutOfRange: 'expr-time-out-of-range',
  /** `known_worker_sid` / `known_worker_friendly_name` that is not exactly one `task.<attribute>` reference. */
  KnownWorkerReference: 'expr-known-worker-reference',
  /** An `order_by` key that is not `worker.<attribute>`. */
  OrderByKey: 'expr-order-by-key',
  /** An `order_by` clause without `ASC` / `DESC` (warning), or with another word (error). */
  OrderByDirection: 'expr-order-by-direction',
  /** An `order_by` that is not a comma-separated list of `worker.<attribute> ASC|DESC`. */
  OrderBySyntax: 'expr-order-by-syntax',
} as const;

export type ExpressionIssueCode = (typeof ExpressionIssueCode)[keyof typeof ExpressionIssueCode];

/** Operators from other languages, with the TaskRouter spelling the parser's message and the quick fix give. */
export const FOREIGN_OPERATORS: Readonly<Record<string, string>> = {
  '&&': 'AND',
  '&': 'AND',
  '||': 'OR',
  '|': 'OR',
  '===': '==',
  '!==': '!=',
};

/** Every scope name `parseExpression` and `evaluateExpression` accept. */
export const SCOPES = ['filter', 'target', 'skipIf', 'orderBy', 'targetWorkers', 'knownWorker'] as const;

/**
 * The prefixes each scope reads names under (`task.`, `worker.`, ...); under any other first segment a name is an
 * attribute. Hover and highlighting classify names with it.
 */
export const SCOPE_PREFIXES: Readonly<Record<(typeof SCOPES)[number], readonly string[]>> = {
  filter: ['taskrouter'],
  target: ['task', 'worker', 'taskrouter'],
  skipIf: ['workers'],
  orderBy: ['worker'],
  targetWorkers: [],
  knownWorker: ['task'],
};

/** Parentheses and prefix `NOT`s nested deeper than this are reported (`expr-too-deep`) instead of parsed. */
export const MAX_NESTING = 256;

/** The variables TaskRouter provides under `taskrouter.` (filter and target expressions). */
export const TASKROUTER_VARIABLES = ['currentTime', 'currentHour', 'currentMin', 'dayOfWeek'] as const;

/** An activity SID, as in `workers.WA…` of a skip_if. */
export const ACTIVITY_SID = /^WA[0-9a-fA-F]{32}$/;

/** The values of `taskrouter.dayOfWeek`, exactly as TaskRouter writes them. */
export const DAYS_OF_WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The properties of `worker.channel.<unique_name>.` in target expressions. */
export const WORKER_CHANNEL_PROPERTIES = [
  'configured_capacity',
  'assigned_tasks',
  'available_capacity_percentage',
] as const;

/** Built-in worker properties usable as `worker.<name>` in target expressions (besides the worker's attributes). */
export const WORKER_PROPERTIES = ['sid', 'friendly_name', 'activity_name', 'activity_sid', 'channel'] as const;
