/**
 * The LSP requests, each routed to the language service. Every handler:
 * - answers empty for a document the service does not read (or one that is not open);
 * - catches the feature's exception, logs it with the document's URI and answers empty, so one bug in one feature
 *   never takes the server (and every other feature) down;
 * - answers empty when the document closed or changed while its workspace data was awaited: the request's positions
 *   belong to the version it was sent for (the open document is updated in place), and a closed document must not
 *   be analysed into the service's cache again after `forget`.
 */
import type { CompletionList, Connection, SemanticTokens, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../language/service';
import type { WorkspaceDataResult } from '../protocol';
import { describe } from './errors';
import { isCompletionTriggerWanted } from './triggers';

export interface FeatureDependencies {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LanguageService;
  /** Workspace data without waiting long (see WorkspaceDataCache.peek). */
  workspaceData(uri: string): Promise<WorkspaceDataResult>;
}

/** Thrown by `data()` when the request's document closed or changed while its workspace data was awaited. */
class StaleDocument extends Error {}

export function registerFeatures({ connection, documents, service, workspaceData }: FeatureDependencies): void {
  /** Wraps one feature: the routing and the error boundary every request shares. */
  function handler<P extends { textDocument: { uri: string } }, R>(
    feature: string,
    empty: () => R,
    body: (document: TextDocument, params: P, data: () => Promise<WorkspaceDataResult>) => R | Promise<R>,
  ): (params: P) => Promise<R> {
    return async (params) => {
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document || !service.settingsFor(uri, document.languageId)) return empty();
      const version = document.version;
      const data = async (): Promise<WorkspaceDataResult> => {
        const result = await workspaceData(uri);
        if (documents.get(uri) !== document || document.version !== version) throw new StaleDocument();
        return result;
      };
      try {
        return await body(document, params, data);
      } catch (error) {
        if (error instanceof StaleDocument) return empty();
        connection.console.error(`${feature} failed for ${uri}: ${describe(error)}`);
        return empty();
      }
    };
  }

  connection.onCompletion(
    handler('Completion', emptyCompletion, async (document, params, data) => {
      const line = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
      if (!isCompletionTriggerWanted(params.context, line)) return emptyCompletion();
      return service.doComplete(document, params.position, await data());
    }),
  );
  connection.onHover(
    handler(
      'Hover',
      () => null,
      async (document, params, data) => service.doHover(document, params.position, await data()),
    ),
  );
  connection.onCodeAction(
    handler(
      'Code actions',
      () => [],
      async (document, params, data) => service.getCodeActions(document, params.range, params.context, await data()),
    ),
  );
  connection.onDocumentSymbol(
    handler(
      'Document symbols',
      () => [],
      async (document, _params, data) => service.findDocumentSymbols(document, await data()),
    ),
  );
  connection.onFoldingRanges(
    handler(
      'Folding ranges',
      () => [],
      (document) => service.getFoldingRanges(document),
    ),
  );
  connection.onSelectionRanges(
    handler(
      'Selection ranges',
      () => [],
      (document, params) => service.getSelectionRanges(document, params.positions),
    ),
  );
  connection.onDocumentFormatting(
    handler(
      'Formatting',
      () => [],
      (document, params) => service.format(document, undefined, params.options),
    ),
  );
  connection.onDocumentRangeFormatting(
    handler(
      'Range formatting',
      () => [],
      (document, params) => service.format(document, params.range, params.options),
    ),
  );
  connection.languages.semanticTokens.on(
    handler(
      'Semantic tokens',
      (): SemanticTokens => ({ data: [] }),
      (document) => service.getSemanticTokens(document),
    ),
  );
}

function emptyCompletion(): CompletionList {
  return { isIncomplete: false, items: [] };
}
