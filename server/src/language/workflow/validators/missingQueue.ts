/** The first target of each filter, and the default filter, need a `queue`; later targets inherit it. */
import { WorkflowCode } from '../codes';
import type { WorkflowValidator } from './context';

export const missingQueue: WorkflowValidator = {
  name: 'missingQueue',
  validate({ model, report }) {
    for (const filter of model.filters) {
      const first = filter.targets[0];
      if (first && !first.queue && !first.keys.some((k) => k.key === 'queue' || k.key === 'task_queue_sid')) {
        report(
          { start: first.span.start, end: first.span.start + 1 },
          'error',
          WorkflowCode.MissingQueue,
          `The first target of filter ${filter.index + 1} has no \`queue\`: the first target must name a queue SID ("queue": "WQ..."); later targets inherit it.`,
        );
      }
    }
    const defaultFilter = model.defaultFilter;
    if (defaultFilter && !defaultFilter.keys.some((k) => k.key === 'queue' || k.key === 'task_queue_sid')) {
      report(
        { start: defaultFilter.span.start, end: defaultFilter.span.start + 1 },
        'error',
        WorkflowCode.MissingQueue,
        '`default_filter` has no `queue`: it must name the queue SID for tasks that match no filter ("queue": "WQ...").',
      );
    }
  },
};
