/**
 * `comment-not-allowed`: TaskRouter's API takes plain JSON. Removes the comment; a comment alone on its line takes
 * its line with it, so no blank line is left behind.
 */
import { quickFix, replace, type QuickFix } from './shared';

export const comment: QuickFix = ({ doc }, diagnostic, span) => {
  const text = doc.text;
  const written = text.slice(span.start, span.end);
  if (!written.startsWith('//') && !written.startsWith('/*')) return [];
  let start = span.start;
  let end = span.end;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const lineStartsHere = start === 0 || text[start - 1] === '\n';
  const lineEndsHere = after === text.length || text[after] === '\n' || text[after] === '\r';
  if (lineStartsHere && lineEndsHere) {
    end = after + (text.startsWith('\r\n', after) ? 2 : text[after] === '\n' ? 1 : 0);
  } else if (!lineEndsHere) {
    // `{ /* c */ "a": 1 }`: keep one space between what was on either side.
    start = span.start;
    end = after;
  }
  return [quickFix(doc, 'Remove the comment', diagnostic, [replace(doc, { start, end }, '')], true)];
};
