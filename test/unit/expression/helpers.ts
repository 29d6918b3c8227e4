/** Shared helpers of the expression tests. */
import type { ExpressionIssue } from '../../../server/src/language/expression';

/** A deep copy of a tree without `start` / `end` (spans differ between a source and its printed form). */
export function stripOffsets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripOffsets);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'start' || key === 'end') continue;
      out[key] = stripOffsets(v);
    }
    return out;
  }
  return value;
}

export function codes(issues: readonly ExpressionIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

/** The text an issue underlines. */
export function underlined(text: string, issue: ExpressionIssue): string {
  return text.slice(issue.start, issue.end);
}
