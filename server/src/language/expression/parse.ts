/** `parseExpression`: the syntax pass followed by the scope checks. Never throws. */
import { checkExpression } from './checks';
import { parseSyntax } from './parser';
import type { ParseResult, Scope } from './types';

/**
 * Parses `text` as written in `scope` (default 'filter'). Always returns a tree (with `error` nodes where text was
 * missing or wrong) and the issues found, sorted by position. Never throws; time is linear in the text's length.
 */
export function parseExpression(text: string, scope: Scope = 'filter'): ParseResult {
  const source = typeof text === 'string' ? text : String(text);
  const syntax = parseSyntax(source, scope);
  const issues = syntax.issues.concat(checkExpression(syntax.ast, scope, source));
  issues.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ast: syntax.ast, issues };
}
