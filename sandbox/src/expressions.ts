/** Wires the project's expression language and workflow validator into the sandbox. */
import { evaluateExpression, parseExpression, type Expression, type Scope } from '../../server/src/language/expression';
import { validateWorkflow } from '../../server/src/language/workflow';
import type { Evaluate } from '../../server/src/routing';
import type { CheckExpression, ValidateWorkflow } from './app';

const MAX_CACHE = 5000;
const cache = new Map<string, Expression | null>();

/** The parsed tree of `text` in `scope`, or null when it has errors. Cached: routing evaluates the same texts often. */
function parsed(text: string, scope: Scope): Expression | null {
  const key = `${scope}\u0000${text}`;
  let ast = cache.get(key);
  if (ast === undefined) {
    const result = parseExpression(text, scope);
    ast = result.issues.some((i) => i.severity === 'error') ? null : result.ast;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, ast);
  }
  return ast;
}

/** Evaluates with the project's evaluator; an expression with errors matches nothing. */
export const evaluate: Evaluate = (expression, context) => {
  const scope = context.scope ?? 'filter';
  const ast = parsed(expression, scope);
  if (!ast) return false;
  try {
    return evaluateExpression(ast, { ...context, scope });
  } catch {
    return false;
  }
};

export const checkExpression: CheckExpression = (text, scope) => {
  const error = parseExpression(text, scope).issues.find((i) => i.severity === 'error');
  return error ? `${error.message} (at character ${error.start + 1})` : undefined;
};

export const checkWorkflow: ValidateWorkflow = (configuration, queueSids) => {
  const { diagnostics } = validateWorkflow(configuration, { queues: queueSids.map((sid) => ({ sid })) });
  return {
    errors: diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.message} (line ${d.range.start.line + 1}, column ${d.range.start.character + 1})`),
  };
};
