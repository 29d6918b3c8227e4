/**
 * The outline: `task_routing` > `filters` > each filter by name (its expression as detail) > its targets by queue
 * name (from the workspace data, else the SID), and `default_filter` with its queue. Built from the workflow model,
 * which the structural pass builds with error recovery, so a half-typed document still has an outline.
 * A task queue document shows its `targetWorkers` expression.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { FilterModel, Span, TargetModel } from '../workflow/types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

export function findDocumentSymbols(doc: AnalyzedDocument, workspace: WorkspaceIndex | undefined): DocumentSymbol[] {
  if (!doc.workflow) return queueSymbols(doc);
  const model = doc.workflow.model;
  if (!model.taskRoutingSpan) return [];
  const children: DocumentSymbol[] = [];
  if (model.filtersSpan) {
    const filters = model.filters.map((filter) => filterSymbol(doc, filter, workspace));
    children.push(
      symbol(doc, 'filters', countOf(model.filters.length, 'filter'), SymbolKind.Array, model.filtersSpan, filters),
    );
  }
  if (model.defaultFilter) {
    const target = model.defaultFilter;
    const queue = target.queue?.value;
    children.push(
      symbol(
        doc,
        'default_filter',
        queue ? queueName(queue, workspace) : 'no queue',
        SymbolKind.Object,
        target.span,
        [],
      ),
    );
  }
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return [symbol(doc, 'task_routing', undefined, SymbolKind.Namespace, model.taskRoutingSpan, children)];
}

function filterSymbol(
  doc: AnalyzedDocument,
  filter: FilterModel,
  workspace: WorkspaceIndex | undefined,
): DocumentSymbol {
  const name = filter.name?.value.trim() || `Filter ${filter.index + 1}`;
  const targets = filter.targets.map((target) => targetSymbol(doc, target, workspace));
  const selection = filter.name?.span;
  return symbol(doc, name, filter.expression?.value, SymbolKind.Object, filter.span, targets, selection);
}

function targetSymbol(
  doc: AnalyzedDocument,
  target: TargetModel,
  workspace: WorkspaceIndex | undefined,
): DocumentSymbol {
  const queue = target.effectiveQueue;
  const name = queue ? queueName(queue, workspace) : `Target ${target.index + 1}`;
  const detail: string[] = [];
  if (target.expression) detail.push(target.expression.value);
  if (target.priority) detail.push(`priority ${target.priority.value}`);
  if (target.timeout) detail.push(`timeout ${target.timeout.value}s`);
  if (target.skipIf) detail.push(`skip if ${target.skipIf.value}`);
  if (!target.queue && queue) detail.push('same queue as before');
  return symbol(doc, name, detail.join(' · ') || undefined, SymbolKind.Field, target.span, [], target.queue?.span);
}

/** A queue's friendly name when the workspace is known, else its SID (or what is written). */
function queueName(sid: string, workspace: WorkspaceIndex | undefined): string {
  return workspace?.queue(sid)?.friendlyName || sid || '(empty queue)';
}

function queueSymbols(doc: AnalyzedDocument): DocumentSymbol[] {
  return doc.sites.map((site) => {
    const span = { start: site.field.keySpan.start, end: site.field.span.end };
    return symbol(doc, site.field.key, site.field.value, SymbolKind.Property, span, [], site.field.keySpan);
  });
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A symbol over `span`. Its selection (the part revealed and highlighted) is `selection` when given, else the key of
 * the property the value belongs to, else the value's first character.
 */
function symbol(
  doc: AnalyzedDocument,
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  span: Span,
  children: DocumentSymbol[],
  selection?: Span,
): DocumentSymbol {
  const key = keyBefore(doc.text, span.start);
  const whole = key ? { start: key.start, end: span.end } : span;
  const selected = selection ?? key ?? { start: span.start, end: Math.min(span.end, span.start + 1) };
  return {
    name,
    ...(detail !== undefined ? { detail } : {}),
    kind,
    range: doc.rangeOf(whole),
    selectionRange: doc.rangeOf(selected),
    children,
  };
}

/**
 * The `"key"` written before a property value at `valueStart` (`"key": value`), or undefined when the value is an
 * array element. Reads backwards over blanks and the colon; a comment between key and value gives up (rare).
 */
function keyBefore(text: string, valueStart: number): Span | undefined {
  let i = valueStart - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (text[i] !== ':') return undefined;
  i--;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (text[i] !== '"') return undefined;
  const end = i + 1;
  for (i--; i >= 0; i--) {
    if (text[i] !== '"') continue;
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return { start: i, end };
  }
  return undefined;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
