/**
 * Types of the workflow configuration layer. Everything is offset-based (UTF-16 offsets into the document, end
 * exclusive); line/character ranges exist only in the public `Diagnostic` produced at the edge.
 */

export type Severity = 'error' | 'warning' | 'information';

export interface Span {
  start: number;
  end: number;
}

/** A zero-based line/character position, like LSP's. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A diagnostic as the library, the CLI and the language server see it. */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

/** A diagnostic inside the validator, before offsets become lines. */
export interface OffsetDiagnostic extends Span {
  severity: Severity;
  code: string;
  message: string;
}

/** A queue of the workspace, so unknown queue SIDs can be reported. */
export interface KnownQueue {
  sid: string;
  friendlyName?: string;
}

export interface ValidateOptions {
  /** The workspace's queues. When given, every queue SID not in the list is reported. */
  queues?: readonly KnownQueue[];
  /**
   * Accept comments (local `*.workflow.json` files). Off by default: TaskRouter's API takes plain JSON, so a
   * configuration with comments is rejected on upload.
   */
  allowComments?: boolean;
}

/** The JSON kinds a value can have (jsonc-parser's node types). */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A key/value pair of the workflow, with where it is written. */
export interface Field<T> {
  /** The key as written (may be a legacy key such as `task_queue_sid`). */
  key: string;
  value: T;
  /** The key including its quotes. */
  readonly keySpan: Span;
  /** The value; for strings this includes the quotes. */
  readonly span: Span;
  /** How the value was written: `priority: "2"` is a number field written as a string. */
  kind: JsonKind;
}

/** A string field. Offsets inside `value` map to the document with `stringOffsetToDocument`. */
export type StringField = Field<string>;

/** Which expression scope each target key uses. */
export interface TargetModel {
  /** Index within its filter's `targets`; 0 for the default filter. */
  index: number;
  /** The filter index, or undefined for `default_filter`. */
  filterIndex: number | undefined;
  span: Span;
  queue?: StringField;
  /** The queue this target routes to: its own, or the one inherited from an earlier target of the filter. */
  effectiveQueue?: string;
  expression?: StringField;
  priority?: Field<number>;
  timeout?: Field<number>;
  orderBy?: StringField;
  skipIf?: StringField;
  knownWorkerSid?: StringField;
  knownWorkerFriendlyName?: StringField;
  /** Every key of the object in order, as written (including unknown ones). */
  keys: Field<unknown>[];
}

export interface FilterModel {
  index: number;
  span: Span;
  name?: StringField;
  expression?: StringField;
  targets: TargetModel[];
  /** The `targets` value (the array), when present and an array. */
  targetsSpan?: Span;
  keys: Field<unknown>[];
}

/** The parsed workflow: what later features (completion, hover, outline, simulator) start from. */
export interface WorkflowModel {
  /** The root value's span (the whole object), if the document has one. */
  rootSpan?: Span;
  /** The `task_routing` object, when present and an object. */
  taskRoutingSpan?: Span;
  /** The `filters` array, when present and an array. */
  filtersSpan?: Span;
  filters: FilterModel[];
  defaultFilter?: TargetModel;
}
