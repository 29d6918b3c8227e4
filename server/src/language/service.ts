/**
 * The language-service facade: one object the language server (or a test, or another host) calls, one method per
 * feature, in LSP's types. Pure: no editor, no connection. Each feature lives in `features/<feature>.ts` and works on
 * an `AnalyzedDocument`, which the facade builds once per document version and keeps for the next request.
 */
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SemanticTokensLegend,
  TextEdit,
} from 'vscode-languageserver-types';
import type { WorkspaceData } from '../protocol';
import { getCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { doValidation } from './features/diagnostics';
import { ExpressionMemo } from './features/expressionMemo';
import { AnalyzedDocument, settingsFor, type DocumentSettings, type ServiceDocument } from './features/document';
import { getFoldingRanges, getSelectionRanges } from './features/folding';
import { format } from './features/formatting';
import { doHover } from './features/hover';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { findDocumentSymbols } from './features/symbols';
import { indexWorkspace } from './features/workspace';

/** What the workspace a document belongs to holds; null or undefined when unknown (no SID checks). */
export type MaybeWorkspaceData = WorkspaceData | null | undefined;

export interface LanguageService {
  /** Whether (and how) the service reads this document; undefined when it has nothing to offer for it. */
  settingsFor(uri: string, languageId: string): DocumentSettings | undefined;
  doValidation(document: ServiceDocument, data?: MaybeWorkspaceData): Diagnostic[];
  doComplete(document: ServiceDocument, position: Position, data?: MaybeWorkspaceData): CompletionList;
  doHover(document: ServiceDocument, position: Position, data?: MaybeWorkspaceData): Hover | null;
  getCodeActions(
    document: ServiceDocument,
    range: Range,
    context: CodeActionContext,
    data?: MaybeWorkspaceData,
  ): CodeAction[];
  findDocumentSymbols(document: ServiceDocument, data?: MaybeWorkspaceData): DocumentSymbol[];
  getFoldingRanges(document: ServiceDocument): FoldingRange[];
  getSelectionRanges(document: ServiceDocument, positions: Position[]): SelectionRange[];
  /** Edits that format the document, or only `range` of it. */
  format(document: ServiceDocument, range: Range | undefined, options: FormattingOptions): TextEdit[];
  getSemanticTokens(document: ServiceDocument): SemanticTokens;
  /** The legend `getSemanticTokens` encodes with (the server announces it in its capabilities). */
  readonly semanticTokensLegend: SemanticTokensLegend;
  /** Analyses this version of the document now, so that the next request on it finds the work done. */
  prepare(document: ServiceDocument): void;
  /** Drops what is kept for a closed document. */
  forget(uri: string): void;
}

/** Analysed documents kept, most recently used last (a few open editors; older ones are parsed again). */
const CACHE_SIZE = 16;

export function createLanguageService(): LanguageService {
  const cache = new Map<string, AnalyzedDocument>();

  /** The analysis of this version of the document, built once. Documents the service does not read get `workflow`. */
  function analyze(document: ServiceDocument): AnalyzedDocument {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version && cached.text === document.getText()) {
      cache.delete(document.uri);
      cache.set(document.uri, cached);
      return cached;
    }
    const settings = settingsFor(document.uri, document.languageId) ?? { kind: 'workflow', allowComments: false };
    const analysed = new AnalyzedDocument(document, settings);
    cache.delete(document.uri);
    cache.set(document.uri, analysed);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return analysed;
  }

  /** One memo of parsed expressions per open document (dropped by `forget` when it closes). */
  const memos = new Map<string, ExpressionMemo>();
  function memoFor(uri: string): ExpressionMemo {
    let memo = memos.get(uri);
    if (!memo) {
      memos.set(uri, (memo = new ExpressionMemo()));
      // Hosts that never call forget (a script validating many files) keep only the newest few.
      if (memos.size > CACHE_SIZE) memos.delete(memos.keys().next().value as string);
    }
    return memo;
  }

  return {
    settingsFor,
    doValidation: (document, data) => doValidation(analyze(document), indexWorkspace(data), memoFor(document.uri)),
    doComplete: (document, position, data) => {
      const analysed = analyze(document);
      return doComplete(analysed, analysed.offsetAt(position), indexWorkspace(data));
    },
    doHover: (document, position, data) => {
      const analysed = analyze(document);
      return doHover(analysed, analysed.offsetAt(position), indexWorkspace(data));
    },
    getCodeActions: (document, range, context, data) =>
      getCodeActions(analyze(document), range, context, indexWorkspace(data)),
    findDocumentSymbols: (document, data) => findDocumentSymbols(analyze(document), indexWorkspace(data)),
    getFoldingRanges: (document) => getFoldingRanges(analyze(document)),
    getSelectionRanges: (document, positions) => getSelectionRanges(analyze(document), positions),
    format: (document, range, options) => format(analyze(document), range, options),
    getSemanticTokens: (document) => getSemanticTokens(analyze(document)),
    semanticTokensLegend: SEMANTIC_TOKENS_LEGEND,
    prepare: (document) => void analyze(document),
    forget: (uri) => {
      cache.delete(uri);
      memos.delete(uri);
    },
  };
}

export { settingsFor, WORKFLOW_LANGUAGE_ID } from './features/document';
export type { DocumentKind, DocumentSettings, ServiceDocument } from './features/document';
export type { WorkspaceData } from '../protocol';
