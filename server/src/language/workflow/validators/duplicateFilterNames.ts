/** Two filters with the same name are hard to tell apart in the Console, in statistics and in events. */
import { WorkflowCode } from '../codes';
import { contentSpan, type WorkflowValidator } from './context';

export const duplicateFilterNames: WorkflowValidator = {
  name: 'duplicateFilterNames',
  validate({ model, report }) {
    const firstByName = new Map<string, number>();
    for (const filter of model.filters) {
      const name = filter.name;
      if (!name) continue;
      const first = firstByName.get(name.value);
      if (first === undefined) {
        firstByName.set(name.value, filter.index);
        continue;
      }
      report(
        contentSpan(name),
        'warning',
        WorkflowCode.DuplicateFilterName,
        `Filter ${filter.index + 1} has the same name as filter ${first + 1} (${JSON.stringify(name.value)}): give each filter its own name so events and statistics can tell them apart.`,
      );
    }
  },
};
