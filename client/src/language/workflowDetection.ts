// Whether a JSON text looks like a workflow configuration: an object with a top-level `task_routing` key. Pure: no
// `vscode` import. Reads only the start of the text, so a large JSON file costs the same as a small one.
import { createScanner } from 'jsonc-parser';
import { JsonToken } from '../../../server/src/language/jsonTokens';

/** How much of a document is scanned: a workflow's `task_routing` comes first or near the start. */
export const DETECTION_WINDOW = 4096;

/** True when one of the top-level keys within the first {@link DETECTION_WINDOW} characters is `task_routing`. */
export function looksLikeWorkflow(text: string): boolean {
  const scanner = createScanner(text.slice(text.startsWith('\uFEFF') ? 1 : 0, DETECTION_WINDOW), true);
  if (scanner.scan() !== JsonToken.OpenBrace) return false;
  let depth = 1;
  let expectKey = true;
  for (let token = scanner.scan(); token !== JsonToken.EOF && depth > 0; token = scanner.scan()) {
    switch (token) {
      case JsonToken.OpenBrace:
      case JsonToken.OpenBracket:
        depth++;
        break;
      case JsonToken.CloseBrace:
      case JsonToken.CloseBracket:
        depth--;
        break;
      case JsonToken.Comma:
        if (depth === 1) expectKey = true;
        break;
      case JsonToken.String:
        if (depth === 1 && expectKey) {
          if (scanner.getTokenValue() === 'task_routing') return true;
          expectKey = false;
        }
        break;
      case JsonToken.Unknown:
        return false;
      default:
        break;
    }
  }
  return false;
}
