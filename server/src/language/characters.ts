/** Naming characters a user cannot see, for messages about them. Shared by the expression and workflow layers. */

/** Control, format and separator characters other than a plain space: they print as nothing or as a blank. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Z}]$/u;

/**
 * Words for the character at `offset` when it cannot be seen (a byte-order mark, a zero-width space, a no-break
 * space, a control character), such as "the invisible character U+200B"; undefined for a visible one or a plain space.
 */
export function describeInvisible(text: string, offset: number): string | undefined {
  const codePoint = text.codePointAt(offset);
  if (codePoint === undefined || codePoint === 0x20) return undefined;
  if (codePoint === 0xfeff)
    return 'a byte-order mark (U+FEFF, invisible; some editors save one at the start of a file)';
  if (!INVISIBLE.test(String.fromCodePoint(codePoint))) return undefined;
  return `the invisible character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
