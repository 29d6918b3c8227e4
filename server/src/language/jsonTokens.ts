/**
 * jsonc-parser's token kinds. Its `SyntaxKind` is a const enum in its types, which isolated modules cannot read, so
 * its stable values are written here once for every scanner loop (parser, folding, the extension's detection).
 */
import type { SyntaxKind } from 'jsonc-parser';

export const JsonToken = {
  OpenBrace: 1 as SyntaxKind.OpenBraceToken,
  CloseBrace: 2 as SyntaxKind.CloseBraceToken,
  OpenBracket: 3 as SyntaxKind.OpenBracketToken,
  CloseBracket: 4 as SyntaxKind.CloseBracketToken,
  Comma: 5 as SyntaxKind.CommaToken,
  String: 10 as SyntaxKind.StringLiteral,
  LineComment: 12 as SyntaxKind.LineCommentTrivia,
  BlockComment: 13 as SyntaxKind.BlockCommentTrivia,
  Unknown: 16 as SyntaxKind.Unknown,
  EOF: 17 as SyntaxKind.EOF,
} as const;
