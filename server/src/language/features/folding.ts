// Placeholder: the helper that owns this file replaces it with the feature.
import type { FoldingRange, Position, SelectionRange } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';

export function getFoldingRanges(_doc: AnalyzedDocument): FoldingRange[] {
  return [];
}

export function getSelectionRanges(_doc: AnalyzedDocument, _positions: Position[]): SelectionRange[] {
  return [];
}
