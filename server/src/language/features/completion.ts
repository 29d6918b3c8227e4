// Placeholder: the helper that owns this file replaces it with the feature.
import type { CompletionList } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

export function doComplete(
  _doc: AnalyzedDocument,
  _offset: number,
  _workspace: WorkspaceIndex | undefined,
): CompletionList {
  return { isIncomplete: false, items: [] };
}
