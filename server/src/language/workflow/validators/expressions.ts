/**
 * Every expression of the workflow, parsed in its scope. Issue ranges are mapped from offsets in the decoded
 * string value to offsets in the document, through JSON escapes, so they land inside the JSON string.
 */
import type { Scope } from '../../expression/types';
import { createStringOffsetMapper, mapStringSpan } from '../strings';
import type { StringField, TargetModel, WorkflowModel } from '../types';
import type { WorkflowValidator } from './context';

export const expressions: WorkflowValidator = {
  name: 'expressions',
  validate(context) {
    for (const [field, scope] of expressionFields(context.model)) {
      const { issues } = context.expression(field, scope);
      if (issues.length === 0) continue;
      const mapper = createStringOffsetMapper(context.text, field.span);
      for (const issue of issues) {
        context.report(mapStringSpan(mapper, issue), issue.severity, issue.code, issue.message);
      }
    }
  },
};

/** Every expression-valued field with the scope it is evaluated in, in document order per object. */
export function expressionFields(model: WorkflowModel): [StringField, Scope][] {
  const fields: [StringField, Scope][] = [];
  for (const filter of model.filters) {
    if (filter.expression) fields.push([filter.expression, 'filter']);
    for (const target of filter.targets) targetFields(target, fields);
  }
  if (model.defaultFilter) targetFields(model.defaultFilter, fields);
  return fields;
}

function targetFields(target: TargetModel, fields: [StringField, Scope][]): void {
  if (target.expression) fields.push([target.expression, 'target']);
  if (target.orderBy) fields.push([target.orderBy, 'orderBy']);
  if (target.skipIf) fields.push([target.skipIf, 'skipIf']);
  if (target.knownWorkerSid) fields.push([target.knownWorkerSid, 'knownWorker']);
  if (target.knownWorkerFriendlyName) fields.push([target.knownWorkerFriendlyName, 'knownWorker']);
}
