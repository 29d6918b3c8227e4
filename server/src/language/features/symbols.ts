// Placeholder: the helper that owns this file replaces it with the feature.
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

export function findDocumentSymbols(_doc: AnalyzedDocument, _workspace: WorkspaceIndex | undefined): DocumentSymbol[] {
  return [];
}
