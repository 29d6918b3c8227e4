/** `expr-day-of-week-case`: `taskrouter.dayOfWeek == 'THU'` never matches; TaskRouter writes `Thu`. */
import { DAYS_OF_WEEK } from '../../expression/codes';
import { encodeInString, expressionText, quickFix, replace, type QuickFix } from './shared';

export const dayOfWeekCase: QuickFix = ({ doc }, diagnostic, span) => {
  const written = expressionText(doc, span)?.text;
  // The span is the string constant with its quotes, `'THU'` or `"THU"`.
  if (!written || written.length < 2) return [];
  const quote = written[0];
  const inner = written.slice(1, written.endsWith(quote) && written.length > 1 ? -1 : undefined);
  const day = DAYS_OF_WEEK.find((d) => d.toLowerCase() === inner.toLowerCase());
  if (!day || day === inner) return [];
  const corrected = `${quote}${day}${quote}`;
  return [quickFix(doc, `Change to ${corrected}`, diagnostic, [replace(doc, span, encodeInString(corrected))], true)];
};
