/**
 * Code actions: quick fixes for the diagnostics the client sends back (matched by code; one file per fix in
 * `quickFixes/`), a fix-all action for legacy keys (`source.fixAll.taskrouter`), and the "Add filter" / "Add target"
 * refactors at the cursor. `context.only` is honoured: an editor asking for `source.fixAll` on save gets only that.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range } from 'vscode-languageserver-types';
import { WorkflowCode } from '../workflow/codes';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnalyzedDocument } from './document';
import { ADD_KIND, FIX_ALL_KIND, QUICK_FIXES, addFilter, addTarget, fixAllLegacyKeys } from './quickFixes';
import type { WorkspaceIndex } from './workspace';

export function getCodeActions(
  doc: AnalyzedDocument,
  range: Range,
  context: CodeActionContext,
  workspace: WorkspaceIndex | undefined,
): CodeAction[] {
  const wants = (kind: string) =>
    !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const fix = typeof diagnostic.code === 'string' ? QUICK_FIXES[diagnostic.code] : undefined;
      if (!fix) continue;
      const span = { start: doc.offsetAt(diagnostic.range.start), end: doc.offsetAt(diagnostic.range.end) };
      actions.push(...fix({ doc, workspace }, diagnostic, span));
    }
  }
  // Fix-all is offered when asked for explicitly, or next to a legacy-key fix (where the user is looking at one).
  const asked = context.only !== undefined && wants(FIX_ALL_KIND);
  const nearLegacyKey = !context.only && context.diagnostics.some((d) => d.code === WorkflowCode.LegacyKey);
  if (asked || nearLegacyKey) {
    const fixAll = fixAllLegacyKeys(doc);
    if (fixAll) actions.push(fixAll);
  }
  if (wants(ADD_KIND)) {
    const offset = doc.offsetAt(range.start);
    actions.push(...addFilter(doc, offset, workspace), ...addTarget(doc, offset, workspace));
  }
  return actions;
}
