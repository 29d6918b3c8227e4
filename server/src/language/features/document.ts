/**
 * One analysed document: what every language feature starts from. Built once per document version (the service
 * caches it), so completion and hover on a 1 MB configuration cost a binary search, not a parse.
 *
 * Two kinds of document get features:
 * - `workflow`: a workflow configuration (`*.workflow.json` on disk, or a workflow opened from the explorer);
 * - `queue`: a task queue opened from the explorer, whose `targetWorkers` string is an expression.
 */
import { parseTree, type Node } from 'jsonc-parser';
import type { Position, Range } from 'vscode-languageserver-types';
import { parseExpression } from '../expression/parse';
import type { ParseResult, Scope } from '../expression/types';
import { parseWorkflow, type ParsedWorkflow } from '../workflow/parse';
import { LineIndex } from '../workflow/positions';
import { createStringOffsetMapper, type StringOffsetMapper } from '../workflow/strings';
import type { FilterModel, Span, StringField, TargetModel } from '../workflow/types';

export type DocumentKind = 'workflow' | 'queue';

/** How a document is read, decided from its URI and language. */
export interface DocumentSettings {
  kind: DocumentKind;
  /**
   * Comments are accepted in local files. Documents of the `taskrouter:` file system are uploaded as they are, and
   * TaskRouter's API takes plain JSON, so there they are errors.
   */
  allowComments: boolean;
}

/** The document as the service needs it (vscode-languageserver-textdocument's TextDocument fits). */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
}

export const WORKFLOW_LANGUAGE_ID = 'taskrouter-workflow';

/** The kind and settings of a document, or undefined when the service has nothing to offer for it. */
export function settingsFor(uri: string, languageId: string): DocumentSettings | undefined {
  const remote = uri.startsWith('taskrouter:');
  if (remote && /\/taskQueues\/WQ[0-9a-fA-F]{32}\/[^/]*\.json$/.test(uri) && !uri.endsWith('.workflow.json')) {
    return { kind: 'queue', allowComments: false };
  }
  if (languageId === WORKFLOW_LANGUAGE_ID || (remote && uri.endsWith('.workflow.json'))) {
    return { kind: 'workflow', allowComments: !remote };
  }
  return undefined;
}

/** A JSON string whose value is an expression, with the scope it is evaluated in and where it sits. */
export class ExpressionSite {
  private parsedResult: ParseResult | undefined;
  private mapper: StringOffsetMapper | undefined;

  constructor(
    private readonly text: string,
    readonly field: StringField,
    readonly scope: Scope,
    /** The filter the field belongs to (for a target's fields too); undefined in the default filter and queues. */
    readonly filter: FilterModel | undefined,
    /** The target the field belongs to, for target fields. */
    readonly target: TargetModel | undefined,
  ) {}

  /** The first character after the opening quote. */
  get contentStart(): number {
    return this.field.span.start + 1;
  }

  /** The closing quote (or the end of the text when the string is not closed). */
  get contentEnd(): number {
    const { start, end } = this.field.span;
    return end > start + 1 && this.text.charCodeAt(end - 1) === 34 ? end - 1 : end;
  }

  /** True when a cursor at this document offset is inside the string (between the quotes, both ends included). */
  containsOffset(offset: number): boolean {
    return offset >= this.contentStart && offset <= this.contentEnd;
  }

  /** The expression parsed in its scope, once. */
  parse(): ParseResult {
    return (this.parsedResult ??= parseExpression(this.field.value, this.scope));
  }

  /** A document offset for an offset in the decoded value (escapes such as `\"` are two characters in the text). */
  toDocument(valueOffset: number): number {
    this.mapper ??= createStringOffsetMapper(this.text, this.field.span);
    return this.mapper(valueOffset);
  }

  /** The decoded-value offset for a document offset inside the string. */
  toValue(documentOffset: number): number {
    const start = this.contentStart;
    const end = Math.min(Math.max(documentOffset, start), this.contentEnd);
    let units = 0;
    for (let i = start; i < end;) {
      if (this.text.charCodeAt(i) === 92 && i + 1 < this.contentEnd) {
        i += this.text.charCodeAt(i + 1) === 117 ? 6 : 2;
      } else {
        i += 1;
      }
      units++;
    }
    return units;
  }

  /** A span of the decoded value, as a document span. */
  spanToDocument(span: Span): Span {
    return { start: this.toDocument(span.start), end: this.toDocument(Math.max(span.start, span.end)) };
  }
}

/** A document, analysed once per version. */
export class AnalyzedDocument {
  readonly text: string;
  /** The version analysed (a TextDocument is updated in place, so its own version moves on). */
  readonly version: number;
  private lineIndex: LineIndex | undefined;
  private siteList: readonly ExpressionSite[] | undefined;
  /** The structural parse of a workflow document (undefined for a queue document). */
  readonly workflow: ParsedWorkflow | undefined;
  private queueTree: Node | undefined | null = null;

  constructor(
    readonly document: ServiceDocument,
    readonly settings: DocumentSettings,
  ) {
    this.text = document.getText();
    this.version = document.version;
    // Only the parse is done up front: the line index and the expression list are built by the first feature that
    // needs them (diagnostics of a clean 1 MB workflow need neither, and are on the clock when a document opens).
    this.workflow =
      settings.kind === 'workflow' ? parseWorkflow(this.text, { allowComments: settings.allowComments }) : undefined;
  }

  /** Line starts, for offsets to positions and back. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** Every expression-valued string, in document order. */
  get sites(): readonly ExpressionSite[] {
    return (this.siteList ??= this.workflow
      ? workflowSites(this.text, this.workflow)
      : queueSites(this.text, this.jsonTree));
  }

  get uri(): string {
    return this.document.uri;
  }

  /** The JSON tree (jsonc-parser's node shape, parents included), built on first use. */
  get jsonTree(): Node | undefined {
    if (this.workflow) return this.workflow.root;
    if (this.queueTree === null) this.queueTree = parseTree(this.text, [], { disallowComments: false });
    return this.queueTree;
  }

  /** The expression string the cursor at `offset` is in, if any. Binary search: O(log n). */
  siteAt(offset: number): ExpressionSite | undefined {
    const sites = this.sites;
    let low = 0;
    let high = sites.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const site = sites[mid];
      if (offset < site.contentStart) high = mid - 1;
      else if (offset > site.contentEnd) low = mid + 1;
      else return site;
    }
    return undefined;
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  rangeOf(span: Span): Range {
    return this.lines.rangeOf(span);
  }
}

function workflowSites(text: string, parsed: ParsedWorkflow): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (field: StringField | undefined, scope: Scope, filter?: FilterModel, target?: TargetModel) => {
    if (field) sites.push(new ExpressionSite(text, field, scope, filter, target));
  };
  const addTarget = (target: TargetModel, filter?: FilterModel) => {
    add(target.expression, 'target', filter, target);
    add(target.orderBy, 'orderBy', filter, target);
    add(target.skipIf, 'skipIf', filter, target);
    add(target.knownWorkerSid, 'knownWorker', filter, target);
    add(target.knownWorkerFriendlyName, 'knownWorker', filter, target);
  };
  for (const filter of parsed.model.filters) {
    add(filter.expression, 'filter', filter);
    for (const target of filter.targets) addTarget(target, filter);
  }
  if (parsed.model.defaultFilter) addTarget(parsed.model.defaultFilter);
  // Keys may be written in any order (and duplicated), so sort by position for the binary search.
  sites.sort((a, b) => a.field.span.start - b.field.span.start);
  return sites;
}

/** The keys a queue document may write its `target_workers` expression under. */
const TARGET_WORKERS_KEYS = ['targetWorkers', 'target_workers'];

function queueSites(text: string, root: Node | undefined): ExpressionSite[] {
  if (!root || root.type !== 'object') return [];
  const sites: ExpressionSite[] = [];
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value || !TARGET_WORKERS_KEYS.includes(key.value) || value.type !== 'string') continue;
    const field: StringField = {
      key: key.value as string,
      value: value.value as string,
      keySpan: { start: key.offset, end: key.offset + key.length },
      span: { start: value.offset, end: value.offset + value.length },
      kind: 'string',
    };
    sites.push(new ExpressionSite(text, field, 'targetWorkers', undefined, undefined));
  }
  return sites;
}
