/**
 * Refactors "Add filter" and "Add target" (not fixes: nothing is wrong, the configuration grows). The new filter or
 * target is built with the builders (`WorkflowRule`, `WorkflowRuleTarget`), so it has the keys TaskRouter documents,
 * and written with the document's indentation. Offered only on JSON that parses: inserting into broken JSON could
 * land anywhere.
 *
 * The queue is a real one whenever one is known: the filter's own (its last target's), the default filter's, another
 * filter's, the workspace's first. Only when none is known is it left empty, which the validator flags at once.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { WorkflowRule } from '../../../builders/WorkflowRule';
import { WorkflowRuleTarget } from '../../../builders/WorkflowRuleTarget';
import { WorkflowCode } from '../../workflow/codes';
import type { FilterModel, WorkflowModel } from '../../workflow/types';
import type { AnalyzedDocument } from '../document';
import type { WorkspaceIndex } from '../workspace';
import { insertElement, insertProperty } from './insertion';
import { contains, locate } from './locate';

/**
 * `refactor.rewrite`: the closest of LSP's refactor kinds (the action rewrites the configuration in place; it does not
 * extract or inline anything). Editors list it under "Refactor...".
 */
export const ADD_KIND = CodeActionKind.RefactorRewrite;

/** A filter expression that is valid, matches only what it says, and is plainly there to be edited. */
export const NEW_FILTER_EXPRESSION = "type == 'example'";

export function addFilter(doc: AnalyzedDocument, offset: number, workspace: WorkspaceIndex | undefined): CodeAction[] {
  const setup = prepare(doc, offset);
  if (!setup) return [];
  const { model, root, filter } = setup;
  const taskRouting = nodeAt(root, model.taskRoutingSpan!.start, 'object');
  if (!taskRouting) return [];
  const queue =
    model.defaultFilter?.queue?.value ?? filter?.targets.at(-1)?.effectiveQueue ?? anyQueue(model, workspace);
  const rule = new WorkflowRule(NEW_FILTER_EXPRESSION, [new WorkflowRuleTarget(queue)], newFilterName(model));
  const json = rule.toJSON();
  let edit: TextEdit | undefined;
  let title = 'Add filter';
  const filtersProperty = propertyOf(taskRouting, 'filters');
  if (!filtersProperty) {
    edit = insertProperty(doc, taskRouting, 'filters', [json], 'first');
  } else if (filtersProperty.type === 'array') {
    const after = filter ? nodeAt(root, filter.span.start, 'object') : undefined;
    if (filter) title = `Add filter after ${describe(filter)}`;
    edit = insertElement(doc, filtersProperty, json, after);
  }
  return edit ? [refactor(doc, title, edit)] : [];
}

export function addTarget(doc: AnalyzedDocument, offset: number, workspace: WorkspaceIndex | undefined): CodeAction[] {
  const setup = prepare(doc, offset);
  if (!setup?.filter) return [];
  const { model, root, filter } = setup;
  const filterNode = nodeAt(root, filter.span.start, 'object');
  if (!filterNode) return [];
  const queue = filter.targets.at(-1)?.effectiveQueue ?? anyQueue(model, workspace);
  const json = new WorkflowRuleTarget(queue).toJSON();
  const title = `Add target to ${describe(filter)}`;
  const targets = propertyOf(filterNode, 'targets');
  if (!targets) return [refactor(doc, title, insertProperty(doc, filterNode, 'targets', [json], 'last'))];
  if (targets.type !== 'array') return [];
  return [refactor(doc, title, insertElement(doc, targets, json))];
}

interface Setup {
  model: WorkflowModel;
  root: Node;
  filter: FilterModel | undefined;
}

/** The model, the tree and the filter at the cursor, when the cursor is in `task_routing` of a parsable document. */
function prepare(doc: AnalyzedDocument, offset: number): Setup | undefined {
  const workflow = doc.workflow;
  if (!workflow || !contains(workflow.model.taskRoutingSpan, offset)) return undefined;
  const broken = workflow.diagnostics.some(
    (d) => d.code === WorkflowCode.InvalidJson || d.code === WorkflowCode.TrailingComma,
  );
  const root = workflow.root;
  if (broken || !root) return undefined;
  return { model: workflow.model, root, filter: locate(workflow.model, offset).filter };
}

/** A queue known from the document or the workspace; `""` (flagged as an empty queue) when there is none. */
function anyQueue(model: WorkflowModel, workspace: WorkspaceIndex | undefined): string {
  return (
    model.defaultFilter?.queue?.value ??
    model.filters.find((f) => f.targets[0]?.queue)?.targets[0].queue?.value ??
    workspace?.data.queues[0]?.sid ??
    ''
  );
}

/** "New filter", or "New filter 2", ... when taken (two filters of one name are reported). */
function newFilterName(model: WorkflowModel): string {
  const taken = new Set(model.filters.map((f) => f.name?.value));
  let name = 'New filter';
  for (let n = 2; taken.has(name); n++) name = `New filter ${n}`;
  return name;
}

function describe(filter: FilterModel): string {
  return filter.name?.value ? `'${filter.name.value}'` : `filter ${filter.index + 1}`;
}

function nodeAt(root: Node, offset: number, type: Node['type']): Node | undefined {
  const node = findNodeAtOffset(root, offset);
  return node?.type === type && node.offset === offset ? node : undefined;
}

/** The value of an object's property. */
function propertyOf(object: Node, key: string): Node | undefined {
  const property = object.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

function refactor(doc: AnalyzedDocument, title: string, edit: TextEdit): CodeAction {
  return { title, kind: ADD_KIND, edit: { changes: { [doc.uri]: [edit] } } };
}
