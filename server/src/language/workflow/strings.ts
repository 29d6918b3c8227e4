/**
 * Offsets inside a JSON string value versus offsets in the document.
 *
 * An expression is parsed from the decoded string (`a == \"x\"` becomes `a == "x"`), so its issue offsets count
 * decoded UTF-16 units. To underline the right characters in the document, each decoded offset is mapped back
 * through the escapes: `\"` is two characters in the document and one in the value, `\u0041` six and one.
 */
import type { Span } from './types';

const BACKSLASH = 92;
const LOWER_U = 117;

/** Maps an offset in the decoded value of the string literal at `span` (quotes included) to a document offset. */
export type StringOffsetMapper = (valueOffset: number) => number;

/**
 * Returns a mapper for the string literal at `span`. Strings without escapes (almost all) map by addition and cost
 * nothing to set up; strings with escapes get a table built once.
 */
export function createStringOffsetMapper(text: string, span: Span): StringOffsetMapper {
  const contentStart = span.start + 1;
  // A string literal ends with its closing quote, unless the document ends inside it.
  const contentEnd = span.end > contentStart && text.charCodeAt(span.end - 1) === 34 ? span.end - 1 : span.end;
  let hasEscape = false;
  for (let i = contentStart; i < contentEnd; i++) {
    if (text.charCodeAt(i) === BACKSLASH) {
      hasEscape = true;
      break;
    }
  }
  if (!hasEscape) {
    const length = contentEnd - contentStart;
    return (valueOffset) => contentStart + clamp(valueOffset, 0, length);
  }
  // table[i] = document offset of decoded unit i; table[length] = the closing quote.
  const table: number[] = [];
  let i = contentStart;
  while (i < contentEnd) {
    table.push(i);
    if (text.charCodeAt(i) === BACKSLASH && i + 1 < contentEnd) {
      i += text.charCodeAt(i + 1) === LOWER_U ? Math.min(6, contentEnd - i) : 2;
    } else {
      i += 1;
    }
  }
  table.push(contentEnd);
  return (valueOffset) => table[clamp(valueOffset, 0, table.length - 1)];
}

/** Maps a span inside a string value to a span in the document. */
export function mapStringSpan(mapper: StringOffsetMapper, span: Span): Span {
  const start = mapper(span.start);
  const end = mapper(Math.max(span.start, span.end));
  return { start, end };
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
