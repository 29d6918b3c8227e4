// Placeholder: the helper that owns this file replaces it with the feature.
import type { Hover } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

export function doHover(_doc: AnalyzedDocument, _offset: number, _workspace: WorkspaceIndex | undefined): Hover | null {
  return null;
}
