/** `trailing-comma`: JSON allows no comma after the last property or element. */
import { quickFix, replace, type QuickFix } from './shared';

export const trailingComma: QuickFix = ({ doc }, diagnostic, span) => {
  if (doc.text.slice(span.start, span.end) !== ',') return [];
  return [quickFix(doc, 'Remove the trailing comma', diagnostic, [replace(doc, span, '')], true)];
};
