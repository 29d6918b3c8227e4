/** Filters are tried top to bottom and the first match wins: nothing after an always-true filter can match. */
import { WorkflowCode } from '../codes';
import { describeFilter, type WorkflowValidator } from './context';

export const unreachableFilters: WorkflowValidator = {
  name: 'unreachableFilters',
  validate(context) {
    const { model } = context;
    let alwaysIndex: number | undefined;
    for (const filter of model.filters) {
      if (alwaysIndex !== undefined) {
        context.report(
          filter.span,
          'warning',
          WorkflowCode.UnreachableFilter,
          `${capitalise(describeFilter(model, filter.index))} can never match: ${describeFilter(model, alwaysIndex)} always matches, and filters are tried top to bottom.`,
        );
        continue;
      }
      if (!filter.expression) continue;
      const parsed = context.expression(filter.expression, 'filter');
      if (parsed.issues.some((issue) => issue.severity === 'error')) continue;
      if (context.expressions.isAlwaysTrue(parsed.ast)) alwaysIndex = filter.index;
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
