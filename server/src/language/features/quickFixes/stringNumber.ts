/** `string-number`: `"priority": "2"` -> `"priority": 2`. */
import { NUMERIC_STRING } from '../../workflow/model';
import { quickFix, replace, type QuickFix } from './shared';

export const stringNumber: QuickFix = ({ doc }, diagnostic, span) => {
  let value: unknown;
  try {
    value = JSON.parse(doc.text.slice(span.start, span.end));
  } catch {
    return [];
  }
  if (typeof value !== 'string' || !NUMERIC_STRING.test(value)) return [];
  // For a finite number String(Number(...)) is a valid JSON number: `" 30 "` -> 30, `".5"` -> 0.5, `"1e3"` -> 1000.
  // `"1e400"` overflows to Infinity, which JSON cannot write.
  if (!Number.isFinite(Number(value))) return [];
  const number = String(Number(value));
  return [quickFix(doc, `Write ${number} as a number`, diagnostic, [replace(doc, span, number)], true)];
};
