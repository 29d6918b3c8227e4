/** `expr-foreign-operator`: `&&` -> `AND`, `||` -> `OR`, `!` -> `NOT`, `===` -> `==`, `!==` -> `!=`. */
import { FOREIGN_OPERATORS } from '../../expression/codes';
import { expressionAround, expressionText, quickFix, replace, type QuickFix } from './shared';

/** The parser's spellings, and `NOT` for a lone `!` (not preferred: prefix NOT is undocumented). */
const SPELLINGS: Readonly<Record<string, string>> = { ...FOREIGN_OPERATORS, '!': 'NOT' };

export const foreignOperator: QuickFix = ({ doc }, diagnostic, span) => {
  const written = expressionText(doc, span)?.text;
  const spelling = written === undefined ? undefined : SPELLINGS[written];
  if (!spelling) return [];
  let text = spelling;
  // `a&&b` must become `a AND b`, not `aANDb`; symbols need no spaces.
  if (/^[A-Z]/.test(spelling)) {
    const { before, after } = expressionAround(doc, span);
    if (before !== '' && !/[\s(]/.test(before)) text = ` ${text}`;
    if (after !== '' && !/[\s)]/.test(after)) text = `${text} `;
  }
  // Prefix `NOT` works but Twilio does not document it: offered, but not as the obvious fix.
  const preferred = spelling !== 'NOT';
  return [quickFix(doc, `Change \`${written}\` to \`${spelling}\``, diagnostic, [replace(doc, span, text)], preferred)];
};
