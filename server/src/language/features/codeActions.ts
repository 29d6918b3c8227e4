// Placeholder: the helper that owns this file replaces it with the feature.
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

export function getCodeActions(
  _doc: AnalyzedDocument,
  _range: Range,
  _context: CodeActionContext,
  _workspace: WorkspaceIndex | undefined,
): CodeAction[] {
  return [];
}
