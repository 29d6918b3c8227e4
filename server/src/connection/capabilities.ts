/**
 * What the server announces in its `initialize` answer, in one place: the features, the completion trigger
 * characters and the code action kinds. docs/language-server.md describes the same list for other editors.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type SemanticTokensLegend,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { ADD_KIND, FIX_ALL_KIND } from '../language/features/quickFixes';

/**
 * Characters that open the completion list without Ctrl+Space:
 * - `.` after `task`, `worker`, `workers`, `taskrouter` or an attribute path (`worker.routing.`);
 * - `"` at the start of a key or of a string value (keys; queue SIDs by name in `"queue": "`);
 * - `:` after a key, for its values (`ASC`/`DESC`, queue SIDs);
 * - ` ` inside an expression, for the operator or keyword that comes next (`IN`, `HAS`, `AND`, ...). Only inside a
 *   string: see `isCompletionTriggerWanted`, so spaces between JSON tokens do not pop the list up.
 */
export const COMPLETION_TRIGGER_CHARACTERS = ['.', '"', ':', ' '];

/** Space is a trigger inside an expression only. */
export const STRING_ONLY_TRIGGER_CHARACTERS = [' '];

/**
 * The code action kinds the server produces, taken from the feature that produces them: quick fixes of diagnostics
 * (legacy key, numeric string, unknown queue SID, hyphenated name, ...), the "Add filter" / "Add target" refactors
 * (`refactor.rewrite`), and fix-all of legacy keys (`source.fixAll.taskrouter`: what
 * `editor.codeActionsOnSave: { "source.fixAll": "explicit" }` asks for on save).
 */
export const CODE_ACTION_KINDS: string[] = [CodeActionKind.QuickFix, ADD_KIND, FIX_ALL_KIND];

export function serverCapabilities(legend: SemanticTokensLegend): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    semanticTokensProvider: { legend, full: true, range: false },
  };
}
