/**
 * Formatting: jsonc-parser's formatter, which only ever changes the whitespace between tokens, so string contents
 * (expressions) and comments come through unchanged. A document whose JSON is broken is left alone: formatting
 * around a missing quote or bracket would re-indent text the parser misread.
 */
import { format as formatJson, visit, type Range as OffsetRange } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from './document';

export function format(doc: AnalyzedDocument, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  const text = doc.text;
  if (!isWellFormed(text)) return [];
  let offsetRange: OffsetRange | undefined;
  if (range) {
    const start = doc.offsetAt(range.start);
    offsetRange = { offset: start, length: doc.offsetAt(range.end) - start };
  }
  const edits = formatJson(text, offsetRange, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    // jsonc-parser reads `false` as "remove the final newline"; in LSP an absent option means "not asked to add
    // one", so a file that ends with a line break keeps it.
    insertFinalNewline: options.insertFinalNewline === true || /\n[ \t\r\n]*$/.test(text),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  });
  return edits.map((edit) => ({
    range: doc.rangeOf({ start: edit.offset, end: edit.offset + edit.length }),
    newText: edit.content,
  }));
}

/**
 * True when the text reads as JSON with comments (trailing commas tolerated: formatting keeps them, and the
 * diagnostics already point at them). Comments in an uploaded document are reported elsewhere, not formatted away.
 */
function isWellFormed(text: string): boolean {
  let ok = true;
  visit(
    text,
    {
      onError: () => {
        ok = false;
      },
    },
    { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false },
  );
  return ok;
}
