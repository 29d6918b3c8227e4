/**
 * The evaluator, with TaskRouter's semantics as this project understands them (see docs/expression-language.md):
 * - a missing key is null;
 * - `==`, `!=`, `>`, … compare two scalars (string, number, boolean, null) and are false when either side is an
 *   array or object; no conversion between types (`1 == '1'` is false, `1 != '1'` is true);
 * - `>`, `>=`, `<`, `<=` order two numbers or two strings (by UTF-16 code units); anything else is false;
 * - `CONTAINS` is true when both sides are strings and the left contains the right (case-sensitive);
 * - `IN` is true when the right side is an array holding the left value (an array on the left: any of its values);
 *   `HAS` is `IN` with the sides swapped; `NOT IN` / `NOT HAS` are their negation but, like every array operator,
 *   false when the array side is not an array;
 * - a bare operand is true only when its value is the boolean `true`; an `error` node is false.
 */
import { ACTIVITY_SID, TASKROUTER_VARIABLES } from './codes';
import { checkScope, parseExpression } from './parse';
import type {
  ComparisonOperator,
  Condition,
  EvaluationContext,
  Expression,
  ExpressionIssue,
  KeyPath,
  NameResolver,
  Operand,
  OrderByExpression,
  PathSegment,
  Scope,
} from './types';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Thrown by `evaluateExpression` when given text with errors, or an expression that is not a condition. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly issues: ExpressionIssue[] = [],
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** The values of `taskrouter.*` at `now` (UTC). `currentTime` is HHMM as an integer (9:05 is 905). */
export function taskrouterVariables(now: Date): Record<(typeof TASKROUTER_VARIABLES)[number], number | string> {
  const hour = now.getUTCHours();
  const minute = now.getUTCMinutes();
  return {
    currentTime: hour * 100 + minute,
    currentHour: hour,
    currentMin: minute,
    dayOfWeek: DAY_NAMES[now.getUTCDay()],
  };
}

/** Follows `segments` (from index `from`) through a JSON value; anything missing is null. */
export function getPath(root: unknown, segments: readonly PathSegment[], from = 0): unknown {
  let current: unknown = root;
  for (let i = from; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'index') {
      if (!Array.isArray(current) || segment.index >= current.length) return null;
      current = current[segment.index];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
      if (!Object.prototype.hasOwnProperty.call(current, segment.name)) return null;
      current = (current as Record<string, unknown>)[segment.name];
    }
  }
  return current === undefined ? null : current;
}

/** The resolver `evaluateExpression` uses: unprefixed names and prefixes resolve as the context's scope says. */
export function createResolver(context: EvaluationContext): NameResolver {
  const scope: Scope = context.scope ?? 'filter';
  let clock: Record<string, unknown> | undefined;
  const variables = (): Record<string, unknown> =>
    (clock ??= taskrouterVariables(context.now !== undefined ? context.now() : new Date()));
  return (path: KeyPath): unknown => {
    const [head, second] = path.segments;
    const headName = head.kind === 'name' ? head.name : '';
    const secondName = second !== undefined && second.kind === 'name' ? second.name : undefined;
    if (
      headName === 'taskrouter' &&
      path.segments.length === 2 &&
      secondName !== undefined &&
      scope !== 'skipIf' &&
      (TASKROUTER_VARIABLES as readonly string[]).includes(secondName)
    ) {
      return variables()[secondName];
    }
    switch (scope) {
      case 'filter':
        return getPath(context.task, path.segments);
      case 'targetWorkers':
        return getPath(context.worker, path.segments);
      case 'skipIf': {
        const counts = context.workers;
        if (headName !== 'workers' || path.segments.length !== 2 || secondName === undefined || counts === undefined) {
          return null;
        }
        if (secondName === 'available') return counts.available;
        if (secondName === 'unavailable') return counts.unavailable;
        if (ACTIVITY_SID.test(secondName)) return counts.byActivity?.[secondName] ?? 0;
        return null;
      }
      default:
        // target, knownWorker, orderBy: `task.` and `worker.` prefixes.
        if (headName === 'task') return getPath(context.task, path.segments, 1);
        if (headName === 'worker') return getPath(context.worker, path.segments, 1);
        return null;
    }
  };
}

/** The value of an operand (arrays element by element); missing keys are null. */
export function evaluateOperand(node: Operand, resolve: NameResolver): unknown {
  switch (node.kind) {
    case 'path': {
      const value = resolve(node);
      return value === undefined ? null : value;
    }
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
    case 'error':
      return null;
    case 'array':
      return node.elements.map((element) => evaluateOperand(element, resolve));
  }
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function scalarEquals(a: unknown, b: unknown): boolean {
  return isScalar(a) && isScalar(b) && a === b;
}

/** `value IN array` (any of `value`'s elements when it is an array); undefined when `array` is not an array. */
function membership(value: unknown, array: unknown): boolean | undefined {
  if (!Array.isArray(array)) return undefined;
  if (Array.isArray(value)) return value.some((v) => array.some((e) => scalarEquals(v, e)));
  if (!isScalar(value)) return undefined;
  return array.some((e) => scalarEquals(value, e));
}

/** Applies one comparison operator to two values. */
export function compareValues(operator: ComparisonOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return scalarEquals(left, right);
    case '!=':
      return isScalar(left) && isScalar(right) && left !== right;
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const comparable =
        (typeof left === 'number' && typeof right === 'number') ||
        (typeof left === 'string' && typeof right === 'string');
      if (!comparable) return false;
      const l = left as number | string;
      const r = right as number | string;
      if (operator === '>') return l > r;
      if (operator === '>=') return l >= r;
      if (operator === '<') return l < r;
      return l <= r;
    }
    case 'CONTAINS':
      return typeof left === 'string' && typeof right === 'string' && left.includes(right);
    case 'NOT CONTAINS':
      return typeof left === 'string' && typeof right === 'string' && !left.includes(right);
    case 'IN':
      return membership(left, right) === true;
    case 'NOT IN':
      return membership(left, right) === false;
    case 'HAS':
      return membership(right, left) === true;
    case 'NOT HAS':
      return membership(right, left) === false;
  }
}

/**
 * The low-level evaluator shared by the sandbox and the routing simulator: evaluates a condition, resolving every key
 * path with `resolve`.
 */
export function evaluate(ast: Condition, resolve: NameResolver): boolean {
  switch (ast.kind) {
    case 'logical':
      if (ast.operator === 'AND') {
        for (const operand of ast.operands) if (!evaluate(operand, resolve)) return false;
        return true;
      }
      for (const operand of ast.operands) if (evaluate(operand, resolve)) return true;
      return false;
    case 'not':
      return !evaluate(ast.operand, resolve);
    case 'comparison':
      if (ast.left.kind === 'error' || ast.right.kind === 'error') return false;
      return compareValues(ast.operator, evaluateOperand(ast.left, resolve), evaluateOperand(ast.right, resolve));
    case 'error':
      return false;
    default:
      return evaluateOperand(ast, resolve) === true;
  }
}

/** The tree of `astOrText`: a tree as given, text parsed in `scope`; text with errors throws an `ExpressionError`. */
function treeOf(astOrText: Expression | string, scope: Scope, what: string): Expression {
  if (typeof astOrText !== 'string') return astOrText;
  const result = parseExpression(astOrText, scope);
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return result.ast;
  const first = errors[0];
  throw new ExpressionError(
    `${what} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}: ` +
      `${first.message} (at offset ${first.start})`,
    errors,
  );
}

function conditionOf(astOrText: Expression | string, scope: Scope): Condition {
  const ast = treeOf(astOrText, scope, `The ${scope} expression`);
  if (ast.kind === 'orderBy' || scope === 'orderBy' || scope === 'knownWorker') {
    throw new ExpressionError(
      `A ${scope === 'knownWorker' ? 'known worker reference' : 'order_by'} is not a condition: use ` +
        `${scope === 'knownWorker' ? 'resolveKnownWorker' : 'sortWorkers'} instead.`,
    );
  }
  return ast;
}

/**
 * Evaluates a condition (a tree, or text parsed in `context.scope`, default 'filter') against a task, a worker,
 * worker counts and a clock. Text with errors throws an `ExpressionError` carrying the issues.
 */
export function evaluateExpression(astOrText: Expression | string, context: EvaluationContext = {}): boolean {
  const scope = context.scope ?? 'filter';
  checkScope(scope);
  return evaluate(conditionOf(astOrText, scope), createResolver({ ...context, scope }));
}

/**
 * The value a `known_worker_sid` / `known_worker_friendly_name` reference (`task.agent_sid`) points at, or null.
 */
export function resolveKnownWorker(astOrText: Expression | string, task: Record<string, unknown>): unknown {
  const ast = treeOf(astOrText, 'knownWorker', 'The known worker reference');
  if (ast.kind !== 'path') return null;
  return createResolver({ scope: 'knownWorker', task })(ast);
}

/**
 * Sorts workers by an `order_by` (tree or text): clause by clause, `ASC` or `DESC` (ascending when left out);
 * workers without the attribute (or with a non-number) come after those that have it, whatever the direction;
 * ties keep the input order. Returns a new array.
 */
export function sortWorkers<T>(
  orderBy: OrderByExpression | string,
  workers: readonly T[],
  attributesOf: (worker: T) => Record<string, unknown> = (w) => w as unknown as Record<string, unknown>,
): T[] {
  const ast = treeOf(orderBy, 'orderBy', 'The order_by');
  if (ast.kind !== 'orderBy') throw new ExpressionError('sortWorkers needs an order_by expression.');
  const clauses = ast.clauses.filter((c) => c.key.kind === 'path');
  const keyed = workers.map((worker, index) => {
    const resolve = createResolver({ scope: 'orderBy', worker: attributesOf(worker) });
    return { worker, index, keys: clauses.map((c) => resolve(c.key as KeyPath)) };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < clauses.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      const xs = typeof x === 'number';
      const ys = typeof y === 'number';
      if (xs && ys) {
        if (x !== y)
          return clauses[i].direction === 'DESC' ? (y as number) - (x as number) : (x as number) - (y as number);
      } else if (xs !== ys) {
        return xs ? -1 : 1;
      }
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.worker);
}
