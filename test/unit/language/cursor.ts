/**
 * Test helper for the language features: a fixture with a `|` cursor marker becomes a document and a position.
 * The position is computed here, independently of the code under test. A fixture that needs a literal `|` (an
 * expression never does; JSON only inside strings) passes its own marker.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

export const WORKFLOW_URI = 'file:///work/support.workflow.json';
export const WORKFLOW_LANGUAGE = 'taskrouter-workflow';

export interface CursorFixture {
  document: TextDocument;
  /** The text without the marker. */
  text: string;
  offset: number;
  position: Position;
}

let version = 0;

/** A document of `text` (no cursor). */
export function documentOf(text: string, uri = WORKFLOW_URI, languageId = WORKFLOW_LANGUAGE): TextDocument {
  return TextDocument.create(uri, languageId, ++version, text);
}

/** Removes the one cursor marker and returns the document and where the cursor was. */
export function withCursor(
  source: string,
  options: { uri?: string; languageId?: string; marker?: string } = {},
): CursorFixture {
  const marker = options.marker ?? '|';
  const offset = source.indexOf(marker);
  if (offset < 0 || source.indexOf(marker, offset + 1) >= 0) {
    throw new Error(`the fixture needs exactly one ${marker} cursor marker: ${source}`);
  }
  const text = source.slice(0, offset) + source.slice(offset + marker.length);
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return {
    document: documentOf(text, options.uri, options.languageId),
    text,
    offset,
    position,
  };
}

/** The text after applying edits (non-overlapping, any order), as an editor would. */
export function applyEdits(
  text: string,
  edits: readonly { range: { start: Position; end: Position }; newText: string }[],
): string {
  const document = TextDocument.create('file:///x', 'x', 0, text);
  return TextDocument.applyEdits(document, edits.slice());
}
