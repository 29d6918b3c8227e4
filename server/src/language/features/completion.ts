/**
 * Completion: workflow keys where a property name goes, queue SIDs (shown by name) as `queue` values, and inside
 * expression strings the names, operators and keywords of the expression's scope. Every insert is document text:
 * what goes inside a JSON string is escaped. Per request the work is a binary search and the place the cursor is in.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type Command,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { DAYS_OF_WEEK, TASKROUTER_VARIABLES, WORKER_CHANNEL_PROPERTIES, WORKER_PROPERTIES } from '../expression/codes';
import type { Scope, Span } from '../expression/types';
import { LEGACY_KEYS, VALID_KEYS } from '../workflow/keys';
import {
  expressionCursor,
  jsonCursor,
  wordEnd,
  type ExpressionCursor,
  type JsonCursor,
  type JsonPosition,
} from './cursor';
import {
  COMPARISON_OPERATORS,
  NUMERIC_OPERATORS,
  activityCountDocumentation,
  attributeDocumentation,
  channelPropertyDocumentation,
  constantDocumentation,
  dayDocumentation,
  keyDocumentation,
  operatorDocumentation,
  prefixDocumentation,
  queueDocumentation,
  taskrouterDocumentation,
  workerPropertyDocumentation,
  workersDocumentation,
  type AttributeOwner,
} from './docs';
import type { AnalyzedDocument, ExpressionSite } from './document';
import type { WorkspaceIndex } from './workspace';

/** Opens the suggestions again after an insert that leaves more to choose (`task.`, a key whose value is a SID). */
const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function doComplete(
  doc: AnalyzedDocument,
  offset: number,
  workspace: WorkspaceIndex | undefined,
): CompletionList {
  const site = doc.siteAt(offset);
  const items = site ? expressionItems(doc, site, offset, workspace) : jsonItems(doc, offset, workspace);
  return { isIncomplete: false, items };
}

function markdown(value: string | undefined): MarkupContent | undefined {
  return value === undefined ? undefined : { kind: 'markdown', value };
}

// ---------------------------------------------------------------------------------------------------------------------
// JSON: keys and queue SIDs
// ---------------------------------------------------------------------------------------------------------------------

/** What a key's snippet inserts after the colon: a placeholder of the right type. */
const VALUE_SNIPPETS: Record<string, string> = {
  task_routing: '{\n\t$0\n}',
  filters: '[$1]',
  default_filter: '{ "queue": "$1" }',
  filter_friendly_name: '"$1"',
  expression: '"$1"',
  targets: '[$1]',
  queue: '"$1"',
  priority: '${1:1}',
  timeout: '${1:60}',
  order_by: '"$1"',
  skip_if: '"$1"',
  known_worker_sid: '"$1"',
  known_worker_friendly_name: '"$1"',
};

/** Keys whose value has its own completion: the list opens again inside the inserted quotes. */
const VALUE_COMPLETES = new Set(['queue', 'default_filter', 'expression', 'order_by', 'skip_if', 'known_worker_sid']);

const KEY_DETAILS: Record<string, string> = {
  task_routing: 'object',
  filters: 'array of filters',
  default_filter: 'object',
  filter_friendly_name: 'string',
  expression: 'string: expression',
  targets: 'array of targets',
  queue: 'string: queue SID',
  priority: 'number',
  timeout: 'number: seconds',
  order_by: 'string: worker.<attribute> ASC|DESC',
  skip_if: 'string: expression',
  known_worker_sid: 'string: task.<attribute>',
  known_worker_friendly_name: 'string: task.<attribute>',
};

function jsonItems(doc: AnalyzedDocument, offset: number, workspace: WorkspaceIndex | undefined): CompletionItem[] {
  if (doc.settings.kind !== 'workflow') return [];
  const at = jsonCursor(doc.text, doc.workflow?.model, offset);
  const position = at?.position;
  if (!at || !position) return [];
  if (position.kind === 'key') return keyItems(doc, offset, at, position);
  const queueValue = position.key === 'queue' || position.key === 'task_queue_sid';
  if (queueValue && (at.place === 'target' || at.place === 'defaultFilter')) {
    return queueItems(doc, offset, position, workspace);
  }
  return [];
}

function keyItems(
  doc: AnalyzedDocument,
  offset: number,
  at: JsonCursor,
  position: Extract<JsonPosition, { kind: 'key' }>,
): CompletionItem[] {
  const present = new Set<string>();
  for (const key of at.keys) present.add(LEGACY_KEYS[key] ?? key);
  const token = position.token;
  let span: Span = { start: offset, end: offset };
  if (token) {
    // The typed text and a closing quote the editor may have inserted are replaced together.
    span = token.quoted && !token.terminated ? { start: token.start, end: wordEnd(doc.text, offset) } : token;
  }
  const range = doc.rangeOf(span);
  // LSP forbids an additional edit at the main edit's position (editors apply the two in either order, giving
  // `"a""key": 1,`): a comma right where the key goes is part of the insert.
  const commaInline = position.commaBefore === span.start;
  const additionalTextEdits: TextEdit[] | undefined =
    position.commaBefore === undefined || commaInline
      ? undefined
      : [{ range: doc.rangeOf({ start: position.commaBefore, end: position.commaBefore }), newText: ',' }];
  return VALID_KEYS[at.place]
    .filter((key) => !present.has(key))
    .map((key, index): CompletionItem => {
      const newText =
        (commaInline ? ',' : '') +
        (position.hasColon ? `"${key}"` : `"${key}": ${VALUE_SNIPPETS[key] ?? '$1'}${position.commaAfter ? ',' : ''}`);
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: KEY_DETAILS[key],
        documentation: markdown(keyDocumentation(key, at.place)),
        filterText: token?.quoted ? `"${key}"` : key,
        sortText: String(index).padStart(2, '0'),
        insertTextFormat: position.hasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
        textEdit: { range, newText },
        additionalTextEdits,
        command: !position.hasColon && VALUE_COMPLETES.has(key) ? RETRIGGER : undefined,
      };
    });
}

function queueItems(
  doc: AnalyzedDocument,
  offset: number,
  position: Extract<JsonPosition, { kind: 'value' }>,
  workspace: WorkspaceIndex | undefined,
): CompletionItem[] {
  if (!workspace) return [];
  const token = position.token;
  // Inside the quotes the SID replaces the string's content; elsewhere it comes with its quotes.
  const inString = token?.quoted === true;
  let span: Span = { start: offset, end: offset };
  if (token && inString) {
    span = { start: token.start + 1, end: token.terminated ? token.end - 1 : wordEnd(doc.text, offset) };
  } else if (token) {
    span = token;
  }
  const range = doc.rangeOf(span);
  const queues = [...workspace.data.queues].sort((a, b) => a.friendlyName.localeCompare(b.friendlyName));
  return queues.map((queue, index): CompletionItem => {
    const quote = inString ? '' : '"';
    return {
      label: queue.friendlyName,
      labelDetails: { description: queue.sid },
      kind: CompletionItemKind.Value,
      detail: queue.sid,
      documentation: markdown(queueDocumentation(queue)),
      // The user may type the queue's name or its SID.
      filterText: `${quote}${queue.friendlyName} ${queue.sid}${quote}`,
      sortText: String(index).padStart(5, '0'),
      textEdit: { range, newText: `${quote}${queue.sid}${quote}` },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------------------------------

/** Sort groups: what fits the cursor best first. */
const SORT = { specific: '0', name: '1', prefix: '2', constant: '3', operator: '4' } as const;

class ExpressionItems {
  readonly items: CompletionItem[] = [];
  private readonly labels = new Set<string>();
  private readonly range: Range;
  /** Keywords follow the user's letter case when they type lower case (`an` gives `and`). */
  private readonly lower: boolean;

  constructor(
    readonly doc: AnalyzedDocument,
    readonly site: ExpressionSite,
    readonly cursor: ExpressionCursor,
    readonly workspace: WorkspaceIndex | undefined,
  ) {
    this.range = doc.rangeOf(site.spanToDocument(cursor.replace));
    this.lower = /[a-z]/.test(cursor.typed) && cursor.typed === cursor.typed.toLowerCase();
  }

  get scope(): Scope {
    return this.site.scope;
  }

  add(
    label: string,
    kind: CompletionItemKind,
    detail: string,
    insert: string,
    sort: string,
    extra: Partial<CompletionItem> = {},
  ): void {
    if (this.labels.has(label)) return;
    this.labels.add(label);
    // The expression lives in a JSON string: `"` and `\` are written escaped, and matched as written.
    const newText = jsonEscape(insert);
    const filterText = extra.filterText !== undefined ? jsonEscape(extra.filterText) : undefined;
    this.items.push({
      label,
      kind,
      detail,
      sortText: `${sort}${String(this.items.length).padStart(4, '0')}`,
      ...extra,
      filterText: filterText ?? (newText !== insert ? newText : undefined),
      textEdit: { range: this.range, newText },
    });
  }

  keyword(word: string, sort: string = SORT.operator): void {
    const text = this.lower ? word.toLowerCase() : word;
    this.add(text, CompletionItemKind.Keyword, 'keyword', text, sort, {
      documentation: markdown(operatorDocumentation(word)),
    });
  }

  operators(): void {
    const list = this.scope === 'skipIf' ? NUMERIC_OPERATORS : COMPARISON_OPERATORS;
    for (const operator of list) {
      if (/^[A-Z ]+$/.test(operator)) {
        this.keyword(operator);
      } else {
        this.add(operator, CompletionItemKind.Operator, 'operator', operator, SORT.operator, {
          documentation: markdown(operatorDocumentation(operator)),
        });
      }
    }
  }

  prefix(name: string, detail: string): void {
    this.add(name, CompletionItemKind.Module, detail, `${name}.`, SORT.prefix, {
      documentation: markdown(prefixDocumentation(name)),
      command: RETRIGGER,
    });
  }

  constants(): void {
    for (const word of ['true', 'false', 'null']) {
      this.add(word, CompletionItemKind.Constant, 'constant', word, SORT.constant, {
        documentation: markdown(constantDocumentation(word)),
      });
    }
  }

  /** Day names after `taskrouter.dayOfWeek ==` / `IN [`, as constants or inside a string being typed. */
  days(quote = "'"): void {
    if (this.cursor.left !== 'taskrouter.dayOfWeek') return;
    for (const day of DAYS_OF_WEEK) {
      const text = `${quote}${day}${quote}`;
      this.add(text, CompletionItemKind.EnumMember, 'day of week', text, SORT.specific, {
        documentation: markdown(dayDocumentation(day)),
      });
    }
  }

  taskrouterVariables(): void {
    for (const name of TASKROUTER_VARIABLES) {
      this.add(name, CompletionItemKind.Variable, 'taskrouter variable', name, SORT.name, {
        documentation: markdown(taskrouterDocumentation(name)),
      });
    }
  }

  /**
   * The next path segment of the attributes under `prefix` (`routing.` offers `skills` of `routing.skills`).
   * `written` is how the path is written before the segment (`task.routing.`), for the documentation.
   */
  attributes(owner: AttributeOwner, prefix: string, written: string): void {
    const names = owner === 'task' ? this.workspace?.data.taskAttributes : this.workspace?.data.workerAttributes;
    if (!names) return;
    const segments = new Map<string, boolean>();
    for (const name of names) {
      if (!name.startsWith(prefix) || name.length === prefix.length) continue;
      const rest = name.slice(prefix.length);
      const dot = rest.indexOf('.');
      const segment = dot < 0 ? rest : rest.slice(0, dot);
      // A name TaskRouter cannot read (a hyphen, a space) would only be reported after it is inserted.
      if (!NAME.test(segment)) continue;
      segments.set(segment, (segments.get(segment) ?? false) || dot >= 0);
    }
    for (const [segment, hasChildren] of [...segments].sort(([a], [b]) => a.localeCompare(b))) {
      const detail = `${owner} attribute${hasChildren ? ' (object)' : ''}`;
      const doc = attributeDocumentation(owner, prefix + segment, written + segment, this.scope);
      this.add(segment, CompletionItemKind.Field, detail, segment, SORT.name, { documentation: markdown(doc) });
    }
  }

  workersCounts(full: boolean): void {
    for (const name of ['available', 'unavailable']) {
      const label = full ? `workers.${name}` : name;
      this.add(label, CompletionItemKind.Variable, 'worker count', label, SORT.name, {
        documentation: markdown(workersDocumentation(name)),
      });
    }
  }

  activities(): void {
    const activities = this.workspace?.data.activities ?? [];
    for (const activity of [...activities].sort((a, b) => a.friendlyName.localeCompare(b.friendlyName))) {
      const availability = activity.available ? 'available' : 'unavailable';
      this.add(
        activity.friendlyName,
        CompletionItemKind.Value,
        `${activity.sid} (${availability})`,
        activity.sid,
        SORT.specific,
        {
          labelDetails: { description: activity.sid },
          filterText: `${activity.friendlyName} ${activity.sid}`,
          documentation: markdown(activityCountDocumentation(activity.sid, activity)),
        },
      );
    }
  }

  /** `, ` after a clause of an `order_by`, written right after its direction (the spaces typed go). */
  orderComma(): void {
    const { previousEnd, replace } = this.cursor;
    const gap =
      previousEnd !== undefined && previousEnd < replace.start ? { start: previousEnd, end: replace.start } : undefined;
    this.add(',', CompletionItemKind.Text, 'next sort key', ', ', SORT.specific, {
      command: RETRIGGER,
      additionalTextEdits: gap && [{ range: this.doc.rangeOf(this.site.spanToDocument(gap)), newText: '' }],
    });
  }

  /** The names a condition may start with in this scope. */
  names(): void {
    switch (this.scope) {
      case 'filter':
        this.attributes('task', '', '');
        this.prefix('taskrouter', 'time variables');
        break;
      case 'target':
        this.prefix('task', 'task attributes');
        this.prefix('worker', 'worker attributes and properties');
        this.prefix('taskrouter', 'time variables');
        break;
      case 'skipIf':
        this.workersCounts(true);
        this.prefix('workers', 'worker counts');
        break;
      case 'targetWorkers':
        this.attributes('worker', '', '');
        break;
      case 'knownWorker':
        this.prefix('task', 'task attributes');
        break;
      case 'orderBy':
        this.prefix('worker', 'worker attributes');
        break;
    }
  }

  /** The segments valid after `path.`. */
  members(path: string[]): void {
    const [head, ...rest] = path;
    const restPrefix = rest.length > 0 ? `${rest.join('.')}.` : '';
    const written = `${path.join('.')}.`;
    const scope = this.scope;
    if (
      head === 'taskrouter' &&
      rest.length === 0 &&
      (scope === 'filter' || scope === 'target' || scope === 'targetWorkers')
    ) {
      this.taskrouterVariables();
      return;
    }
    switch (scope) {
      case 'filter':
        this.attributes('task', written, written);
        break;
      case 'targetWorkers':
        this.attributes('worker', written, written);
        break;
      case 'knownWorker':
        if (head === 'task') this.attributes('task', restPrefix, written);
        break;
      case 'target':
        if (head === 'task') this.attributes('task', restPrefix, written);
        else if (head === 'worker') this.workerMembers(rest, restPrefix, written);
        break;
      case 'orderBy':
        if (head === 'worker') this.attributes('worker', restPrefix, written);
        break;
      case 'skipIf':
        if (head === 'workers' && rest.length === 0) {
          this.workersCounts(false);
          this.activities();
        }
        break;
    }
  }

  private workerMembers(rest: string[], restPrefix: string, written: string): void {
    if (rest.length === 2 && rest[0] === 'channel') {
      for (const property of WORKER_CHANNEL_PROPERTIES) {
        this.add(property, CompletionItemKind.Property, 'channel property', property, SORT.specific, {
          documentation: markdown(channelPropertyDocumentation(rest[1], property)),
        });
      }
      return;
    }
    if (rest.length === 0) {
      for (const property of WORKER_PROPERTIES) {
        this.add(property, CompletionItemKind.Property, 'worker property', property, SORT.name, {
          documentation: markdown(workerPropertyDocumentation(property)),
        });
      }
    }
    if (rest[0] !== 'channel') this.attributes('worker', restPrefix, written);
  }
}

/** A name TaskRouter reads as one path segment. */
const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Text as it is written inside a JSON string. */
function jsonEscape(text: string): string {
  const quoted = JSON.stringify(text);
  return quoted.slice(1, quoted.length - 1);
}

function expressionItems(
  doc: AnalyzedDocument,
  site: ExpressionSite,
  offset: number,
  workspace: WorkspaceIndex | undefined,
): CompletionItem[] {
  const cursor = expressionCursor(site.field.value, site.toValue(offset), site.scope);
  const items = new ExpressionItems(doc, site, cursor, workspace);
  switch (cursor.expect) {
    case 'operand':
      items.names();
      break;
    case 'value':
      items.days();
      items.names();
      if (site.scope !== 'skipIf') items.constants();
      break;
    case 'element':
      items.days();
      break;
    case 'string':
      items.days(cursor.quote);
      break;
    case 'member':
      items.members(cursor.path);
      break;
    case 'operator':
      items.operators();
      break;
    case 'notOperator':
      items.keyword('IN');
      break;
    case 'logical':
      items.keyword('AND');
      items.keyword('OR');
      break;
    case 'orderKey':
      items.names();
      break;
    case 'orderDirection':
      items.keyword('ASC', SORT.specific);
      items.keyword('DESC', SORT.specific);
      break;
    case 'orderComma':
      items.orderComma();
      break;
    default:
      break;
  }
  return items.items;
}
