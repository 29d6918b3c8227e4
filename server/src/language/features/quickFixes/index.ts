/** The quick fixes by diagnostic code. Each fix is one file in this folder; add one by listing it here. */
import { ExpressionIssueCode } from '../../expression/codes';
import { WorkflowCode } from '../../workflow/codes';
import { comment } from './comment';
import { dayOfWeekCase } from './dayOfWeekCase';
import { foreignOperator } from './foreignOperator';
import { hyphenName } from './hyphenName';
import { legacyKey } from './legacyKey';
import { queueSid } from './queueSid';
import type { QuickFix } from './shared';
import { stringNumber } from './stringNumber';
import { trailingComma } from './trailingComma';
import { unknownKey } from './unknownKey';

export const QUICK_FIXES: Readonly<Record<string, QuickFix>> = {
  [WorkflowCode.LegacyKey]: legacyKey,
  [WorkflowCode.StringNumber]: stringNumber,
  [WorkflowCode.UnknownQueue]: queueSid,
  [WorkflowCode.MalformedQueueSid]: queueSid,
  [WorkflowCode.UnknownKey]: unknownKey,
  [WorkflowCode.TrailingComma]: trailingComma,
  [WorkflowCode.CommentNotAllowed]: comment,
  [ExpressionIssueCode.HyphenInName]: hyphenName,
  [ExpressionIssueCode.ForeignOperator]: foreignOperator,
  [ExpressionIssueCode.DayOfWeekCase]: dayOfWeekCase,
};

export { FIX_ALL_KIND, fixAllLegacyKeys } from './legacyKey';
export { ADD_KIND, addFilter, addTarget } from './addFilterOrTarget';
export type { FixContext } from './shared';
