/**
 * Whether a completion request opened by a trigger character is worth answering. A space is a trigger only inside a
 * JSON string (an expression): typing spaces between JSON tokens should not pop the list up.
 */
import { CompletionTriggerKind, type CompletionContext } from 'vscode-languageserver/node';
import { STRING_ONLY_TRIGGER_CHARACTERS } from './capabilities';

export function isCompletionTriggerWanted(context: CompletionContext | undefined, lineBeforeCursor: string): boolean {
  if (context?.triggerKind !== CompletionTriggerKind.TriggerCharacter) return true;
  if (!STRING_ONLY_TRIGGER_CHARACTERS.includes(context.triggerCharacter ?? '')) return true;
  return isInsideString(lineBeforeCursor);
}

/**
 * True when the end of `line` (the text before the cursor) is inside a JSON string. JSON strings never span lines,
 * so the line alone decides; a `//` comment outside a string ends the scan (block comments across lines are not
 * followed: at worst a space in one opens the list).
 */
export function isInsideString(line: string): boolean {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 47 /* / */ && line.charCodeAt(i + 1) === 47) {
      return false;
    }
  }
  return inString;
}
