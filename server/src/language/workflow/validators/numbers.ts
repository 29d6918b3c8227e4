/** `priority` and `timeout`: numbers (strings tolerated), in range, whole. */
import { MAX_PRIORITY, MAX_TASK_TIMEOUT_SECONDS, WorkflowCode } from '../codes';
import type { Field } from '../types';
import { type ValidationContext, type WorkflowValidator } from './context';

export const numbers: WorkflowValidator = {
  name: 'numbers',
  validate(context) {
    for (const target of context.targets) {
      if (target.priority) checkPriority(context, target.priority);
      if (target.timeout) checkTimeout(context, target.timeout);
    }
  },
};

function stringNumber({ report }: ValidationContext, field: Field<number>): void {
  if (field.kind !== 'string') return;
  report(
    field.span,
    'warning',
    WorkflowCode.StringNumber,
    `\`${field.key}\` is written as a string: TaskRouter accepts it, but write the number ${field.value} without quotes.`,
  );
}

function checkPriority(context: ValidationContext, field: Field<number>): void {
  stringNumber(context, field);
  const value = field.value;
  let problem: string | undefined;
  if (value < 0) problem = `must be 0 or more, found ${value}`;
  else if (!Number.isInteger(value)) problem = `must be a whole number, found ${value}`;
  else if (value > MAX_PRIORITY) problem = `must be at most ${MAX_PRIORITY} (2^31-1), found ${value}`;
  if (problem) context.report(field.span, 'error', WorkflowCode.InvalidPriority, `\`priority\` ${problem}.`);
}

function checkTimeout(context: ValidationContext, field: Field<number>): void {
  stringNumber(context, field);
  const value = field.value;
  let problem: string | undefined;
  if (value <= 0) problem = `must be a positive number of seconds, found ${value}`;
  else if (!Number.isInteger(value)) problem = `must be a whole number of seconds, found ${value}`;
  if (problem) {
    context.report(field.span, 'error', WorkflowCode.InvalidTimeout, `\`timeout\` ${problem}.`);
  } else if (value > MAX_TASK_TIMEOUT_SECONDS) {
    context.report(
      field.span,
      'warning',
      WorkflowCode.TimeoutTooLong,
      `\`timeout\` is ${value} seconds, longer than the longest task timeout (${MAX_TASK_TIMEOUT_SECONDS} seconds, 14 days): the task is canceled before this target times out.`,
    );
  }
}
