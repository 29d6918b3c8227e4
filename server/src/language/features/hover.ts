/**
 * Hover: a queue SID shows the queue (name, target workers, worker counts); a workflow key, an operator, a keyword,
 * `taskrouter.*`, `workers.*` and attribute references show what they do, from the same table completion documents
 * its items with (docs.ts). The range is the hovered token in the document.
 */
import type { Hover } from 'vscode-languageserver-types';
import { SCOPE_PREFIXES, WORKER_PROPERTIES } from '../expression/codes';
import type { Scope, Span } from '../expression/types';
import { expressionTokenAt, jsonCursor, type ExpressionHoverTarget } from './cursor';
import {
  activityCountDocumentation,
  attributeDocumentation,
  channelPropertyDocumentation,
  constantDocumentation,
  keyDocumentation,
  operatorDocumentation,
  prefixDocumentation,
  queueDocumentation,
  taskrouterDocumentation,
  uncheckedQueueDocumentation,
  unknownActivityNote,
  unknownQueueDocumentation,
  workerPropertyDocumentation,
  workersDocumentation,
} from './docs';
import type { AnalyzedDocument, ExpressionSite } from './document';
import type { WorkspaceIndex } from './workspace';

export function doHover(doc: AnalyzedDocument, offset: number, workspace: WorkspaceIndex | undefined): Hover | null {
  const site = doc.siteAt(offset);
  // A hover position is a character: the closing quote belongs to the JSON string, not to the expression.
  if (site && offset < site.contentEnd) return expressionHover(doc, site, offset, workspace);
  if (doc.settings.kind === 'workflow') return jsonHover(doc, offset, workspace);
  return null;
}

function hover(doc: AnalyzedDocument, value: string | undefined, span: Span): Hover | null {
  return value === undefined ? null : { contents: { kind: 'markdown', value }, range: doc.rangeOf(span) };
}

function jsonHover(doc: AnalyzedDocument, offset: number, workspace: WorkspaceIndex | undefined): Hover | null {
  const at = jsonCursor(doc.text, doc.workflow?.model, offset, true);
  const position = at?.position;
  if (!at || !position?.token) return null;
  const token = position.token;
  if (position.kind === 'key') return hover(doc, keyDocumentation(token.value, at.place), token);
  const queueValue = position.key === 'queue' || position.key === 'task_queue_sid';
  if (!queueValue || !token.quoted || (at.place !== 'target' && at.place !== 'defaultFilter')) return null;
  const sid = token.value;
  if (!workspace) return hover(doc, uncheckedQueueDocumentation(sid), token);
  const queue = workspace.queue(sid);
  return hover(doc, queue ? queueDocumentation(queue) : unknownQueueDocumentation(sid), token);
}

function expressionHover(
  doc: AnalyzedDocument,
  site: ExpressionSite,
  offset: number,
  workspace: WorkspaceIndex | undefined,
): Hover | null {
  const target = expressionTokenAt(site.field.value, site.toValue(offset));
  if (!target) return null;
  const span = site.spanToDocument(target.span);
  switch (target.kind) {
    case 'operator':
      return hover(doc, operatorDocumentation(target.text), span);
    case 'constant':
      return hover(doc, constantDocumentation(target.text), span);
    case 'path':
      return hover(doc, pathDocumentation(target, site.scope, workspace), span);
  }
}

/** What a key path reads in this scope. */
function pathDocumentation(
  path: Extract<ExpressionHoverTarget, { kind: 'path' }>,
  scope: Scope,
  workspace: WorkspaceIndex | undefined,
): string | undefined {
  const [head, ...rest] = path.segments;
  if (rest.length === 0 && (head === 'task' || head === 'worker' || head === 'workers' || head === 'taskrouter')) {
    // A prefix on its own means a prefix only where the scope has it; elsewhere it is an attribute name.
    if (SCOPE_PREFIXES[scope].includes(head)) return prefixDocumentation(head);
  }
  if (head === 'taskrouter' && rest.length === 1 && scope !== 'skipIf' && scope !== 'orderBy') {
    return taskrouterDocumentation(rest[0]);
  }
  switch (scope) {
    case 'filter':
      return attributeDocumentation('task', path.text, path.text, scope);
    case 'targetWorkers':
      return attributeDocumentation('worker', path.text, path.text, scope);
    case 'skipIf':
      if (head !== 'workers' || rest.length !== 1) return undefined;
      return workersDocumentation(rest[0]) ?? activityDocumentation(rest[0], workspace);
    case 'knownWorker':
    case 'target':
    case 'orderBy':
      if (head === 'task' && rest.length > 0 && scope !== 'orderBy') {
        return attributeDocumentation('task', rest.join('.'), path.text, scope);
      }
      if (head === 'worker' && rest.length > 0 && scope !== 'knownWorker')
        return workerDocumentation(rest, path.text, scope);
      return undefined;
  }
}

function workerDocumentation(rest: string[], written: string, scope: Scope): string | undefined {
  if (scope === 'target') {
    if (rest.length === 1 && (WORKER_PROPERTIES as readonly string[]).includes(rest[0])) {
      return workerPropertyDocumentation(rest[0]);
    }
    if (rest[0] === 'channel' && rest.length === 3) {
      return (
        channelPropertyDocumentation(rest[1], rest[2]) ??
        attributeDocumentation('worker', rest.join('.'), written, scope)
      );
    }
  }
  return attributeDocumentation('worker', rest.join('.'), written, scope);
}

function activityDocumentation(sid: string, workspace: WorkspaceIndex | undefined): string {
  const activity = workspace?.activity(sid);
  if (activity) return activityCountDocumentation(sid, activity);
  return `${activityCountDocumentation(sid)}\n\n${unknownActivityNote(workspace !== undefined)}`;
}
