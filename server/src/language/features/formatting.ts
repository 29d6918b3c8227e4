// Placeholder: the helper that owns this file replaces it with the feature.
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';

export function format(_doc: AnalyzedDocument, _range: Range | undefined, _options: FormattingOptions): TextEdit[] {
  return [];
}
