/** Where an offset sits in the workflow model: which filter, which target, which kind of object. */
import type { ObjectPlace } from '../../workflow/keys';
import type { FilterModel, Span, TargetModel, WorkflowModel } from '../../workflow/types';

export interface Location {
  place: ObjectPlace;
  filter: FilterModel | undefined;
  target: TargetModel | undefined;
}

export function contains(span: Span | undefined, offset: number): span is Span {
  return span !== undefined && span.start <= offset && offset < span.end;
}

/** The innermost object of the workflow containing `offset`. Filters are sorted by position: binary search. */
export function locate(model: WorkflowModel, offset: number): Location {
  const filter = filterAt(model.filters, offset);
  if (filter) {
    const target = filter.targets.find((t) => contains(t.span, offset));
    return { place: target ? 'target' : 'filter', filter, target };
  }
  if (contains(model.defaultFilter?.span, offset)) {
    return { place: 'defaultFilter', filter: undefined, target: model.defaultFilter };
  }
  if (contains(model.taskRoutingSpan, offset)) return { place: 'taskRouting', filter: undefined, target: undefined };
  return { place: 'root', filter: undefined, target: undefined };
}

function filterAt(filters: readonly FilterModel[], offset: number): FilterModel | undefined {
  let low = 0;
  let high = filters.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = filters[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return filters[mid];
  }
  return undefined;
}
