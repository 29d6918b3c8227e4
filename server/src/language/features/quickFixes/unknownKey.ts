/** `unknown-key`: a misspelt key with a close valid key (`expresion` -> `expression`). */
import { LEGACY_KEYS, suggestKey } from '../../workflow/keys';
import { locate } from './locate';
import { quickFix, replace, type QuickFix } from './shared';

export const unknownKey: QuickFix = ({ doc }, diagnostic, span) => {
  if (!doc.workflow) return [];
  let key: unknown;
  try {
    key = JSON.parse(doc.text.slice(span.start, span.end));
  } catch {
    return [];
  }
  if (typeof key !== 'string') return [];
  const { place } = locate(doc.workflow.model, span.start);
  const suggested = suggestKey(key, place);
  if (!suggested) return [];
  // Never suggest a legacy name: its modern name is what the legacy-key fix would write next.
  const modern = LEGACY_KEYS[suggested] ?? suggested;
  return [quickFix(doc, `Change to \`${modern}\``, diagnostic, [replace(doc, span, JSON.stringify(modern))], true)];
};
