/** Static facts about a tree, conservative: "unknown" whenever data could change the answer. */
import { compareValues, evaluateOperand } from './evaluator';
import type { Expression, Operand } from './types';

function isConstant(node: Operand): boolean {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return true;
    case 'array':
      return node.elements.every(isConstant);
    default:
      return false;
  }
}

const NO_DATA = (): null => null;

/**
 * True or false when the expression's value does not depend on any data (`1 == 1`, `true`, `'a' IN ['a']`, `AND` /
 * `OR` / `NOT` of such); undefined when it might depend on data, or when it contains errors.
 */
export function constantTruth(ast: Expression): boolean | undefined {
  switch (ast.kind) {
    case 'logical': {
      let unknown = false;
      for (const operand of ast.operands) {
        const value = constantTruth(operand);
        if (value === undefined) unknown = true;
        else if (value === (ast.operator === 'OR')) return value;
      }
      return unknown ? undefined : ast.operator === 'AND';
    }
    case 'not': {
      const value = constantTruth(ast.operand);
      return value === undefined ? undefined : !value;
    }
    case 'comparison':
      if (!isConstant(ast.left) || !isConstant(ast.right)) return undefined;
      return compareValues(ast.operator, evaluateOperand(ast.left, NO_DATA), evaluateOperand(ast.right, NO_DATA));
    case 'path':
    case 'error':
    case 'orderBy':
      return undefined;
    default:
      return isConstant(ast) ? evaluateOperand(ast, NO_DATA) === true : undefined;
  }
}

/** True only when the expression matches whatever the data (`1==1`, `true`, `x == 1 OR 1 == 1`). */
export function isAlwaysTrue(ast: Expression): boolean {
  return constantTruth(ast) === true;
}

/** True only when the expression can never match whatever the data (`1 == 0`, `x == 1 AND false`). */
export function isAlwaysFalse(ast: Expression): boolean {
  return constantTruth(ast) === false;
}
