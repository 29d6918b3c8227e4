// The language server entry: it only wires the LSP connection to the pure language service.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './language/service';
import { WORKSPACE_DATA_REQUEST, type WorkspaceDataParams, type WorkspaceDataResult } from './protocol';

/** How long to wait after the last change before validating (keystrokes in between restart the wait). */
const VALIDATION_DELAY_MS = 200;
/** How long a workspace's queue list is reused before the extension is asked again. */
const QUEUES_TTL_MS = 30_000;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createLanguageService();
const pending = new Map<string, ReturnType<typeof setTimeout>>();
const queueLists = new Map<string, { at: number; queues: Promise<WorkspaceDataResult> }>();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
}));

/** The data of the workspace a `taskrouter:` document belongs to, asked of the extension and kept for a while. */
async function workspaceDataFor(uri: string): Promise<WorkspaceDataResult> {
  if (!uri.startsWith('taskrouter:')) return null;
  let cached = queueLists.get(uri);
  if (!cached || Date.now() - cached.at > QUEUES_TTL_MS) {
    const params: WorkspaceDataParams = { uri };
    const data = connection
      .sendRequest<WorkspaceDataResult>(WORKSPACE_DATA_REQUEST, params)
      .catch((): WorkspaceDataResult => null);
    cached = { at: Date.now(), queues: data };
    queueLists.set(uri, cached);
  }
  return cached.queues;
}

async function validate(uri: string): Promise<void> {
  pending.delete(uri);
  const data = await workspaceDataFor(uri);
  // Validate the newest text: the document may have changed (or closed) while the queues were fetched.
  const document = documents.get(uri);
  if (!document) return;
  const diagnostics = service.doValidation(document, data);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

function schedule(document: TextDocument, delay: number): void {
  const previous = pending.get(document.uri);
  if (previous) clearTimeout(previous);
  pending.set(
    document.uri,
    setTimeout(() => void validate(document.uri), delay),
  );
}

// TextDocuments fires onDidOpen and then onDidChangeContent for a newly opened document: validate that one at once.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  schedule(event.document, justOpened.delete(uri) ? 0 : VALIDATION_DELAY_MS);
});
documents.onDidClose((event) => {
  justOpened.delete(event.document.uri);
  const previous = pending.get(event.document.uri);
  if (previous) clearTimeout(previous);
  pending.delete(event.document.uri);
  queueLists.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
