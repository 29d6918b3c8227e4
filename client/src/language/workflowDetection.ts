// Whether a JSON text looks like a workflow configuration: an object with a top-level `task_routing` key. Pure: no
// `vscode` import. Reads only the start of the text, so a large JSON file costs the same as a small one.
import { createScanner, type SyntaxKind } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read at run time: its (stable) values here.
const Token = {
  OpenBrace: 1 as SyntaxKind.OpenBraceToken,
  CloseBrace: 2 as SyntaxKind.CloseBraceToken,
  OpenBracket: 3 as SyntaxKind.OpenBracketToken,
  CloseBracket: 4 as SyntaxKind.CloseBracketToken,
  Comma: 5 as SyntaxKind.CommaToken,
  String: 10 as SyntaxKind.StringLiteral,
  Unknown: 16 as SyntaxKind.Unknown,
  EOF: 17 as SyntaxKind.EOF,
};

/** How much of a document is scanned: a workflow's `task_routing` comes first or near the start. */
export const DETECTION_WINDOW = 4096;

/** True when one of the top-level keys within the first {@link DETECTION_WINDOW} characters is `task_routing`. */
export function looksLikeWorkflow(text: string): boolean {
  const scanner = createScanner(text.slice(text.startsWith('\uFEFF') ? 1 : 0, DETECTION_WINDOW), true);
  if (scanner.scan() !== Token.OpenBrace) return false;
  let depth = 1;
  let expectKey = true;
  for (let token = scanner.scan(); token !== Token.EOF && depth > 0; token = scanner.scan()) {
    switch (token) {
      case Token.OpenBrace:
      case Token.OpenBracket:
        depth++;
        break;
      case Token.CloseBrace:
      case Token.CloseBracket:
        depth--;
        break;
      case Token.Comma:
        if (depth === 1) expectKey = true;
        break;
      case Token.String:
        if (depth === 1 && expectKey) {
          if (scanner.getTokenValue() === 'task_routing') return true;
          expectKey = false;
        }
        break;
      case Token.Unknown:
        return false;
      default:
        break;
    }
  }
  return false;
}
