/**
 * Stable diagnostic codes of the workflow configuration validator.
 *
 * Tests, quick fixes and users' CI filters rely on these strings: never rename one; add new ones instead.
 * Diagnostics found inside an expression carry the expression module's own codes (see
 * `server/src/language/expression/`), so this list only names what the workflow layer itself reports.
 */
export const WorkflowCode = {
  /** The text is not valid JSON (syntax error). */
  InvalidJson: 'invalid-json',
  /** A `//` or `/* *\/` comment: TaskRouter's API accepts plain JSON only. */
  CommentNotAllowed: 'comment-not-allowed',
  /** A comma before `}` or `]`: not valid JSON. */
  TrailingComma: 'trailing-comma',
  /** The same key twice in one object. */
  DuplicateKey: 'duplicate-key',
  /** A key TaskRouter does not know at this place (the message suggests the closest valid key). */
  UnknownKey: 'unknown-key',
  /** A key that is valid elsewhere in a workflow, but not here. */
  MisplacedKey: 'misplaced-key',
  /** A value of the wrong JSON type (object, array, string, number, boolean, null). */
  WrongType: 'wrong-type',
  /** The root object has no `task_routing`. */
  MissingTaskRouting: 'missing-task-routing',
  /** `task_routing` has no filter (no `filters`, or an empty array) and no `default_filter`: nothing can be routed. */
  EmptyTaskRouting: 'empty-task-routing',
  /** A required key is missing (a filter's `expression` or `targets`). */
  MissingKey: 'missing-key',
  /** A filter's `targets` array is empty. */
  EmptyTargets: 'empty-targets',
  /** The first target of a filter (or the `default_filter`) has no `queue`. */
  MissingQueue: 'missing-queue',
  /** Both `known_worker_sid` and `known_worker_friendly_name` in one target. */
  KnownWorkerConflict: 'known-worker-conflict',
  /** A `timeout` that is not a positive integer. */
  InvalidTimeout: 'invalid-timeout',
  /** A `timeout` longer than the longest task timeout (1,209,600 s): the task is canceled first. */
  TimeoutTooLong: 'timeout-too-long',
  /** A `priority` that is negative, not an integer, or above 2^31-1. */
  InvalidPriority: 'invalid-priority',
  /** A number written as a string (`"priority": "2"`): accepted, but a number is clearer. */
  StringNumber: 'string-number',
  /** A legacy key (`task_queue_sid`, `friendly_name`, `friendlyName`): use the modern name. */
  LegacyKey: 'legacy-key',
  /** A legacy key next to its modern name in the same object (`queue` and `task_queue_sid`). */
  ConflictingAlias: 'conflicting-alias',
  /** A queue SID that is not `WQ` followed by 32 hexadecimal digits. */
  MalformedQueueSid: 'malformed-queue-sid',
  /** A well-formed queue SID that is not one of the workspace's queues (only when queues are given). */
  UnknownQueue: 'unknown-queue',
  /** A filter that can never match because an earlier filter always matches. */
  UnreachableFilter: 'unreachable-filter',
  /** Two filters with the same `filter_friendly_name`. */
  DuplicateFilterName: 'duplicate-filter-name',
  /** The document is larger than TaskRouter's limit for a workflow configuration. */
  DocumentTooLarge: 'document-too-large',
  /** The document is above 1,000,000 bytes but within 1 MiB: it may be rejected if the limit is decimal. */
  DocumentNearLimit: 'document-near-limit',
} as const;

export type WorkflowCode = (typeof WorkflowCode)[keyof typeof WorkflowCode];

/**
 * The size limit this validator enforces, in UTF-8 bytes of the document as written.
 * Twilio documents "1 MB" without saying whether that is 10^6 or 2^20 bytes: above 2^20 is an error,
 * between 10^6 and 2^20 a warning.
 */
export const MAX_DOCUMENT_BYTES = 1_048_576;
export const DECIMAL_MEGABYTE = 1_000_000;

/** The longest task timeout TaskRouter allows (14 days); a target waiting longer never times out. */
export const MAX_TASK_TIMEOUT_SECONDS = 1_209_600;

/** The largest task priority TaskRouter allows (2^31-1). */
export const MAX_PRIORITY = 2_147_483_647;
