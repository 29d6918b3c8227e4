/**
 * `legacy-key`: `task_queue_sid` -> `queue`, `friendly_name` / `friendlyName` -> `filter_friendly_name`. Also the
 * fix-all source action that renames every legacy key of the document at once (the kind editors run on save).
 */
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { LEGACY_KEYS } from '../../workflow/keys';
import type { Field } from '../../workflow/types';
import type { AnalyzedDocument } from '../document';
import { quickFix, replace, type QuickFix } from './shared';

/** The kind of the fix-all action: under `source.fixAll`, so "fix all on save" settings pick it up. */
export const FIX_ALL_KIND = 'source.fixAll.taskrouter';

export const legacyKey: QuickFix = ({ doc }, diagnostic, span) => {
  const key = readKey(doc.text.slice(span.start, span.end));
  const modern = key === undefined ? undefined : LEGACY_KEYS[key];
  if (!modern) return [];
  return [
    quickFix(doc, `Change \`${key}\` to \`${modern}\``, diagnostic, [replace(doc, span, JSON.stringify(modern))], true),
  ];
};

/** One action renaming every legacy key that has no modern twin in its object; undefined when there is none. */
export function fixAllLegacyKeys(doc: AnalyzedDocument): CodeAction | undefined {
  const model = doc.workflow?.model;
  if (!model) return undefined;
  const edits: TextEdit[] = [];
  const check = (keys: readonly Field<unknown>[]) => {
    for (const field of keys) {
      const modern = LEGACY_KEYS[field.key];
      // With both names present (`conflicting-alias`), renaming would make a duplicate key: left to the user.
      if (modern && !keys.some((other) => other.key === modern)) {
        edits.push(replace(doc, field.keySpan, JSON.stringify(modern)));
      }
    }
  };
  for (const filter of model.filters) {
    check(filter.keys);
    for (const target of filter.targets) check(target.keys);
  }
  if (model.defaultFilter) check(model.defaultFilter.keys);
  if (edits.length === 0) return undefined;
  return {
    title: `Replace ${edits.length === 1 ? 'the legacy key' : `all ${edits.length} legacy keys`} with the modern keys`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: edits } },
  };
}

/** The key a `"key"` text spells, or undefined when it is not a JSON string. */
function readKey(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
