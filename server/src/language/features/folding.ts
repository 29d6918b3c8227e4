/**
 * Folding ranges (objects and arrays over several lines, block comments, `// #region` markers) and selection ranges
 * (smart expand: inside an expression token -> comparison -> ... -> the whole expression -> the string -> the
 * property -> the object -> ...).
 *
 * Folding runs jsonc-parser's scanner once over the text: no tree, so it stays linear and cheap on a 1 MB document
 * and works on broken JSON too (an unclosed bracket simply gets no range).
 */
import { createScanner, findNodeAtOffset, type Node } from 'jsonc-parser';
import { FoldingRangeKind, type FoldingRange, type Position, type SelectionRange } from 'vscode-languageserver-types';
import { tokenize } from '../expression/tokenizer';
import type { ExpressionNode, Span } from '../expression/types';
import { JsonToken } from '../jsonTokens';
import type { AnalyzedDocument, ExpressionSite } from './document';

const REGION_START = /^\/\/\s*#?region\b/;
const REGION_END = /^\/\/\s*#?endregion\b/;

export function getFoldingRanges(doc: AnalyzedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const scanner = createScanner(doc.text, false);
  /** Start lines of the open brackets. */
  const open: number[] = [];
  const regions: number[] = [];
  for (let kind = scanner.scan(); kind !== JsonToken.EOF; kind = scanner.scan()) {
    switch (kind) {
      case JsonToken.OpenBrace:
      case JsonToken.OpenBracket:
        open.push(scanner.getTokenStartLine());
        break;
      case JsonToken.CloseBrace:
      case JsonToken.CloseBracket: {
        const startLine = open.pop();
        if (startLine === undefined) break;
        const closeLine = scanner.getTokenStartLine();
        // Keep the closing bracket visible when it starts its line (`}` alone), as editors do for JSON.
        const endLine = scanner.getTokenStartCharacter() === indentOf(doc, closeLine) ? closeLine - 1 : closeLine;
        if (endLine > startLine) ranges.push({ startLine, endLine });
        break;
      }
      case JsonToken.BlockComment: {
        const startLine = scanner.getTokenStartLine();
        const endLine = doc.positionAt(scanner.getTokenOffset() + scanner.getTokenLength()).line;
        if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
        break;
      }
      case JsonToken.LineComment: {
        const comment = doc.text.substr(scanner.getTokenOffset(), scanner.getTokenLength());
        if (REGION_START.test(comment)) {
          regions.push(scanner.getTokenStartLine());
        } else if (REGION_END.test(comment)) {
          const startLine = regions.pop();
          const endLine = scanner.getTokenStartLine();
          if (startLine !== undefined && endLine > startLine) {
            ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
          }
        }
        break;
      }
    }
  }
  // Brackets close inner-first; editors want ranges ordered by start.
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges;
}

/** The column of the first non-blank character of a line. */
function indentOf(doc: AnalyzedDocument, line: number): number {
  const start = doc.offsetAt({ line, character: 0 });
  let i = start;
  while (i < doc.text.length && (doc.text[i] === ' ' || doc.text[i] === '\t')) i++;
  return i - start;
}

export function getSelectionRanges(doc: AnalyzedDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = doc.offsetAt(position);
    const spans: Span[] = [];
    const add = (span: Span) => {
      const last = spans[spans.length - 1];
      if (last && (span.start > last.start || span.end < last.end)) return; // not an enclosing span
      if (last && span.start === last.start && span.end === last.end) return;
      spans.push(span);
    };
    const site = doc.siteAt(offset);
    if (site) for (const span of expressionSpans(site, offset)) add(span);
    for (const span of jsonSpans(doc, offset)) add(span);
    if (spans.length === 0) spans.push({ start: offset, end: offset });
    let result: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) {
      result = { range: doc.rangeOf(spans[i]), ...(result ? { parent: result } : {}) };
    }
    return result!;
  });
}

/** Innermost first: the token, the expression nodes around it, the expression, the string's contents. */
function expressionSpans(site: ExpressionSite, offset: number): Span[] {
  const value = site.field.value;
  const at = site.toValue(offset);
  const spans: Span[] = [];
  const tokens = tokenize(value);
  // A cursor right after a token (`skills|`) selects that token.
  const token = tokens.find((t) => t.start <= at && at < t.end) ?? tokens.find((t) => t.start <= at && at <= t.end);
  const inner: Span = token ?? { start: at, end: at };
  if (token) spans.push(token);
  const chain: Span[] = [];
  collectEnclosing(site.parse().ast, inner, chain);
  for (let i = chain.length - 1; i >= 0; i--) spans.push(chain[i]);
  const trimmedStart = value.length - value.trimStart().length;
  const trimmedEnd = value.trimEnd().length;
  if (trimmedEnd > trimmedStart) spans.push({ start: trimmedStart, end: trimmedEnd });
  const mapped = spans.map((s) => site.spanToDocument(s));
  mapped.push({ start: site.contentStart, end: site.contentEnd });
  return mapped;
}

/** The nodes of the expression tree that contain `inner`, outermost first. */
function collectEnclosing(node: ExpressionNode, inner: Span, chain: Span[]): void {
  if (node.start > inner.start || node.end < inner.end) return;
  chain.push(node);
  for (const child of childrenOf(node)) {
    if (child.start <= inner.start && child.end >= inner.end) {
      collectEnclosing(child, inner, chain);
      return;
    }
  }
}

function childrenOf(node: ExpressionNode): ExpressionNode[] {
  switch (node.kind) {
    case 'logical':
      return node.operands;
    case 'not':
      return [node.operand];
    case 'comparison':
      return [node.left, node.right];
    case 'array':
      return node.elements;
    case 'orderBy':
      return node.clauses;
    case 'orderClause':
      return [node.key];
    default:
      return [];
  }
}

/** Innermost first: the JSON value at the offset, its property (key and value), the object, ... up to the root. */
function jsonSpans(doc: AnalyzedDocument, offset: number): Span[] {
  const root = doc.jsonTree;
  if (!root) return [];
  const spans: Span[] = [];
  for (let node: Node | undefined = findNodeAtOffset(root, offset, true); node; node = node.parent) {
    spans.push({ start: node.offset, end: node.offset + node.length });
  }
  return spans;
}
