/** `parseExpression`: the syntax pass followed by the scope checks. Never throws. */
import { checkExpression } from './checks';
import { SCOPES } from './codes';
import { parseSyntax } from './parser';
import type { ParseResult, Scope } from './types';

/**
 * Parses `text` as written in `scope` (default 'filter'). Always returns a tree (with `error` nodes where text was
 * missing or wrong) and the issues found, sorted by position. Never throws on any text; time is linear in the text's
 * length. A scope name that is not one of `SCOPES` is a programming error: a TypeError.
 */
export function parseExpression(text: string, scope: Scope = 'filter'): ParseResult {
  checkScope(scope);
  const source = typeof text === 'string' ? text : String(text);
  const syntax = parseSyntax(source, scope);
  const issues = syntax.issues.concat(checkExpression(syntax.ast, scope, source));
  issues.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ast: syntax.ast, issues };
}

/**
 * Throws a TypeError naming the valid scopes when `scope` is not one of them. JavaScript callers write the JSON key
 * (`'skip_if'`) easily; without this, every scope check would be skipped silently.
 */
export function checkScope(scope: unknown): asserts scope is Scope {
  if (!(SCOPES as readonly unknown[]).includes(scope)) {
    throw new TypeError(
      `Unknown expression scope ${JSON.stringify(scope) ?? String(scope)}: use one of ${SCOPES.map((s) => `'${s}'`).join(', ')}.`,
    );
  }
}
