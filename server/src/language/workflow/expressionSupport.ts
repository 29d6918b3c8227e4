/** The expression language, as the workflow validator uses it. The only place this layer imports it from. */
import { isAlwaysTrue, parseExpression } from '../expression';
import type { ExpressionSupport } from './validators/context';

export const defaultExpressionSupport: ExpressionSupport = {
  parse: (text, scope) => parseExpression(text, scope),
  isAlwaysTrue: (ast) => isAlwaysTrue(ast as Parameters<typeof isAlwaysTrue>[0]),
};
