/** Legacy keys written by the old helper libraries: accepted, but the modern name is what Twilio documents. */
import { WorkflowCode } from '../codes';
import { LEGACY_KEYS } from '../keys';
import type { Field } from '../types';
import { type ValidationContext, type WorkflowValidator } from './context';

export const legacyKeys: WorkflowValidator = {
  name: 'legacyKeys',
  validate(context) {
    for (const filter of context.model.filters) check(context, filter.keys);
    for (const target of context.targets) check(context, target.keys);
  },
};

function check({ report }: ValidationContext, keys: readonly Field<unknown>[]): void {
  for (const field of keys) {
    const modern = LEGACY_KEYS[field.key];
    if (!modern) continue;
    if (keys.some((other) => other.key === modern)) {
      report(
        field.keySpan,
        'warning',
        WorkflowCode.ConflictingAlias,
        `Both \`${modern}\` and its legacy name \`${field.key}\` are set: \`${modern}\` is used. Remove \`${field.key}\`.`,
      );
    } else {
      report(
        field.keySpan,
        'warning',
        WorkflowCode.LegacyKey,
        `\`${field.key}\` is a legacy key: write \`${modern}\`. Twilio's Console and documentation use \`${modern}\`; whether the API still reads \`${field.key}\` is not documented.`,
      );
    }
  }
}
