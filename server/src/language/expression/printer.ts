/**
 * The printer: canonical text for a tree. Keywords upper-case, `==` / `!=`, single spaces around operators, `, `
 * between array values, strings in single quotes (double quotes when the text contains a single quote: handy inside
 * JSON, where double quotes need escaping), and only the parentheses the tree needs: `OR` inside `AND`, and a
 * parenthesised group of the same operator (kept so that `parseExpression(printExpression(ast))` gives the same tree).
 */
import { pathText } from './references';
import type { ExpressionNode, Operand } from './types';

export function printExpression(ast: ExpressionNode): string {
  switch (ast.kind) {
    case 'logical':
      return ast.operands
        .map((operand) => {
          const text = printExpression(operand);
          const group = operand.kind === 'logical' && (ast.operator === 'AND' || operand.operator === 'OR');
          return group ? `(${text})` : text;
        })
        .join(` ${ast.operator} `);
    case 'not':
      return ast.operand.kind === 'logical'
        ? `NOT (${printExpression(ast.operand)})`
        : `NOT ${printExpression(ast.operand)}`;
    case 'comparison':
      return `${printExpression(ast.left)} ${ast.operator} ${printExpression(ast.right)}`;
    case 'path':
      return pathText(ast);
    case 'string':
      return quote(ast.value);
    case 'number':
      return formatNumber(ast.value);
    case 'boolean':
      return ast.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'array':
      return `[${ast.elements.map((element: Operand) => printExpression(element)).join(', ')}]`;
    case 'error':
      // Not valid syntax on purpose: printing a tree with errors must not hide them.
      return '?';
    case 'orderBy':
      return ast.clauses.map((clause) => printExpression(clause)).join(', ');
    case 'orderClause':
      return ast.direction === null ? printExpression(ast.key) : `${printExpression(ast.key)} ${ast.direction}`;
  }
}

/** Strings have no escapes in TaskRouter expressions, so a string with both kinds of quote cannot be written. */
function quote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new RangeError('A TaskRouter string constant cannot contain both \' and " (the language has no escapes).');
}

/** Plain decimal digits (never `1e21`), so the tokenizer reads back the same number; -0 stays -0. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (!Number.isFinite(value)) {
    if (Number.isNaN(value)) throw new RangeError('NaN cannot be written in a TaskRouter expression.');
    return `${value < 0 ? '-' : ''}1${'0'.repeat(309)}`;
  }
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent;
  let result: string;
  if (pointAt <= 0) result = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) result = digits + '0'.repeat(pointAt - digits.length);
  else result = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${result}` : result;
}
