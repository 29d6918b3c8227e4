/**
 * One language server session over an LSP connection: documents, the language service, the client's workspace data,
 * diagnostics and the feature requests wired together. The entry (`server.ts`) only creates the connection.
 */
import { MessageType, ShowMessageNotification, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../language/service';
import {
  WORKSPACE_DATA_CHANGED_NOTIFICATION,
  WORKSPACE_DATA_REQUEST,
  type InitializationOptions,
  type WorkspaceDataChangedParams,
  type WorkspaceDataParams,
  type WorkspaceDataResult,
} from '../protocol';
import { serverCapabilities } from './capabilities';
import { registerFeatures } from './features';
import { ValidationScheduler } from './validation';
import { WorkspaceDataCache } from './workspaceData';

/** How long after the last keystroke diagnostics are computed (keystrokes in between restart the wait). */
const VALIDATION_DELAY_MS = 200;
/** How long a document's workspace data is reused before the client is asked again. */
const WORKSPACE_DATA_TTL_MS = 30_000;
/**
 * How long diagnostics, completion, hover and code actions wait for workspace data that is asked for and has not
 * arrived. After that, diagnostics are published without it (and again when it comes); the other features answer
 * without it, and later requests use it.
 */
const DATA_WAIT_MS = 1_000;

/** Shown once when the client fails `taskrouter/workspaceData`. */
export const WORKSPACE_DATA_UNAVAILABLE_MESSAGE =
  'TaskRouter: this editor does not answer `taskrouter/workspaceData`, so queue SIDs are not checked against the ' +
  'workspace and not offered in completion. Everything else (diagnostics, completion, hover, quick fixes) keeps working.';

/** Wires and starts listening. `service` is replaceable for tests of the wiring itself. */
export function startSession(connection: Connection, service: LanguageService = createLanguageService()): void {
  const documents = new TextDocuments(TextDocument);

  const workspaceData = new WorkspaceDataCache({
    request: (uri) => {
      const params: WorkspaceDataParams = { uri };
      return connection.sendRequest<WorkspaceDataResult>(WORKSPACE_DATA_REQUEST, params);
    },
    onUnavailable: (error, uri) => {
      const reason = error instanceof Error ? error.message : String(error);
      connection.console.warn(`${WORKSPACE_DATA_REQUEST} failed for ${uri} (${reason}); not asking again.`);
      // A notification (window/showMessage), not showInformationMessage: that one is a request awaiting an answer.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: WORKSPACE_DATA_UNAVAILABLE_MESSAGE,
      });
    },
    ttlMs: WORKSPACE_DATA_TTL_MS,
    interactiveWaitMs: DATA_WAIT_MS,
  });

  const validation = new ValidationScheduler({
    document: (uri) => documents.get(uri),
    accepts: (document) => service.settingsFor(document.uri, document.languageId) !== undefined,
    workspaceData: (uri) => workspaceData.get(uri),
    prepare: (document) => service.prepare(document),
    compute: (document, data) => service.doValidation(document, data),
    publish: (uri, version, diagnostics) => {
      connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
    },
    log: (message) => connection.console.error(message),
    delayMs: VALIDATION_DELAY_MS,
    dataWaitMs: DATA_WAIT_MS,
  });

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (options.workspaceData === false) workspaceData.disable();
    return {
      capabilities: serverCapabilities(service.semanticTokensLegend),
      serverInfo: { name: 'taskrouter-language-server' },
    };
  });

  documents.onDidOpen((event) => validation.opened(event.document));
  documents.onDidChangeContent((event) => validation.changed(event.document));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    validation.closed(uri);
    workspaceData.invalidate(uri);
    service.forget(uri);
  });

  connection.onNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, (params: WorkspaceDataChangedParams | undefined) => {
    const uri = params?.uri;
    workspaceData.invalidate(uri);
    const affected = uri === undefined ? documents.all() : [documents.get(uri)];
    for (const document of affected) if (document) validation.revalidate(document);
  });

  registerFeatures({ connection, documents, service, workspaceData: (uri) => workspaceData.peek(uri) });

  documents.listen(connection);
  connection.listen();
}
