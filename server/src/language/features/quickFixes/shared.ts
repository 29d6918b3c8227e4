/**
 * What every quick fix shares: the fix signature, the CodeAction shape (edits as `changes` for the document, the
 * diagnostic attached) and the one subtle edit, a replacement inside an expression string, where the decoded value
 * and the document differ by the JSON escapes.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Span } from '../../workflow/types';
import type { AnalyzedDocument } from '../document';
import type { WorkspaceIndex } from '../workspace';

export interface FixContext {
  doc: AnalyzedDocument;
  workspace: WorkspaceIndex | undefined;
}

/** The fixes for one diagnostic (none when nothing sensible can be offered). */
export type QuickFix = (context: FixContext, diagnostic: Diagnostic, span: Span) => CodeAction[];

export function quickFix(
  doc: AnalyzedDocument,
  title: string,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  preferred = false,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [doc.uri]: edits } },
  };
}

export function replace(doc: AnalyzedDocument, span: Span, newText: string): TextEdit {
  return { range: doc.rangeOf(span), newText };
}

/** A document span inside an expression string, as the decoded value's text and span; undefined outside one. */
export function expressionText(
  doc: AnalyzedDocument,
  span: Span,
): { text: string; start: number; end: number } | undefined {
  const site = doc.siteAt(span.start);
  if (!site || !site.containsOffset(span.end)) return undefined;
  const start = site.toValue(span.start);
  const end = site.toValue(span.end);
  return { text: site.field.value.slice(start, end), start, end };
}

/** The characters around a span of an expression's decoded value (for spacing a replacement). */
export function expressionAround(doc: AnalyzedDocument, span: Span): { before: string; after: string } {
  const site = doc.siteAt(span.start);
  if (!site) return { before: '', after: '' };
  const value = site.field.value;
  return { before: value.charAt(site.toValue(span.start) - 1), after: value.charAt(site.toValue(span.end)) };
}

/** Text to write inside a JSON string for a piece of decoded value: `"` and `\` escaped again. */
export function encodeInString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
