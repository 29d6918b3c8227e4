/**
 * Inserting JSON into the document the way its author writes it: the indentation unit detected from the text, the
 * new value indented like its siblings, commas where JSON needs them, and the compact form inside a one-line
 * container (or a minified document).
 */
import type { Node } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from '../document';

/** The document's indentation unit: a tab, or the smallest indentation of its first indented lines (default 2). */
export function detectIndent(text: string): string {
  let smallest = Infinity;
  let seen = 0;
  for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, indent.length);
    if (++seen >= 50) break;
  }
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : '  ';
}

/** The whitespace at the start of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** True when only blanks stand between the line start and `offset`. */
function startsLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(start, offset));
}

function spansLines(text: string, node: Node): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

/** The document's line end: CRLF when it has one, else LF. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `value` as JSON, multi-line with every line after the first indented by `indent`, or compact. */
function serialise(value: unknown, unit: string, indent: string, multiline: boolean, eol: string): string {
  if (!multiline) return JSON.stringify(value);
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/** Appends `value` to an array, after `after` (one of its elements) or after its last element. */
export function insertElement(doc: AnalyzedDocument, array: Node, value: unknown, after?: Node): TextEdit {
  const text = doc.text;
  const unit = detectIndent(text);
  const elements = array.children ?? [];
  const previous = after ?? elements[elements.length - 1];
  if (!previous) return insertIntoEmpty(doc, array, value, unit, (json) => json);
  const multiline = spansLines(text, array);
  const indent = startsLine(text, previous.offset)
    ? lineIndent(text, previous.offset)
    : lineIndent(text, array.offset) + unit;
  const eol = eolOf(text);
  const json = serialise(value, unit, indent, multiline, eol);
  const at = previous.offset + previous.length;
  return { range: doc.rangeOf({ start: at, end: at }), newText: multiline ? `,${eol}${indent}${json}` : `, ${json}` };
}

/** Adds `"key": value` to an object, as its first or last property. */
export function insertProperty(
  doc: AnalyzedDocument,
  object: Node,
  key: string,
  value: unknown,
  where: 'first' | 'last',
): TextEdit {
  const text = doc.text;
  const unit = detectIndent(text);
  const properties = object.children ?? [];
  const property = (json: string) => `${JSON.stringify(key)}: ${json}`;
  if (properties.length === 0) return insertIntoEmpty(doc, object, value, unit, property);
  const multiline = spansLines(text, object);
  const sibling = where === 'first' ? properties[0] : properties[properties.length - 1];
  const indent = startsLine(text, sibling.offset)
    ? lineIndent(text, sibling.offset)
    : lineIndent(text, object.offset) + unit;
  const eol = eolOf(text);
  const json = property(serialise(value, unit, indent, multiline, eol));
  if (where === 'last') {
    const at = sibling.offset + sibling.length;
    return { range: doc.rangeOf({ start: at, end: at }), newText: multiline ? `,${eol}${indent}${json}` : `, ${json}` };
  }
  const at = object.offset + 1;
  return { range: doc.rangeOf({ start: at, end: at }), newText: multiline ? `${eol}${indent}${json},` : `${json}, ` };
}

/** Fills `[]` or `{}`: on new lines when the document is written on several lines, else inline. */
function insertIntoEmpty(
  doc: AnalyzedDocument,
  container: Node,
  value: unknown,
  unit: string,
  wrap: (json: string) => string,
): TextEdit {
  const text = doc.text;
  const open = container.offset + 1;
  const close = container.offset + container.length - 1;
  const inside = text.slice(open, close);
  // Only blanks between the brackets are replaced; a comment there stays, the value goes before it.
  const end = /^\s*$/.test(inside) ? close : open;
  if (!text.includes('\n')) {
    return { range: doc.rangeOf({ start: open, end }), newText: wrap(JSON.stringify(value)) };
  }
  const outer = lineIndent(text, container.offset);
  const inner = outer + unit;
  const eol = eolOf(text);
  const json = wrap(serialise(value, unit, inner, true, eol));
  const closing = end === close ? `${eol}${outer}` : '';
  return { range: doc.rangeOf({ start: open, end }), newText: `${eol}${inner}${json}${closing}` };
}
