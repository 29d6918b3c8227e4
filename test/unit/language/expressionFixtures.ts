/** Shared fixtures of the completion and hover tests: SIDs, and workflows that hold one expression. */

export const SUPPORT = `WQ${'1'.repeat(32)}`;
export const IDLE = `WA${'a'.repeat(32)}`;
export const BREAK = `WA${'b'.repeat(32)}`;

/** A workflow whose only filter's expression is `expression` (JSON text; may hold the cursor marker). */
export function inFilter(expression: string): string {
  return `{"task_routing": {"filters": [{"expression": "${expression}", "targets": [{"queue": "${SUPPORT}"}]}]}}`;
}

/** A workflow whose only target holds `key` with the value `expression` (JSON text; may hold the cursor marker). */
export function inTarget(key: string, expression: string): string {
  return `{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [{"queue": "${SUPPORT}", "${key}": "${expression}"}]}]}}`;
}
