// The language server entry: it only wires the LSP connection to the pure language service.
import {
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type Diagnostic } from './language/service';

/** How long to wait after the last change before validating (keystrokes in between restart the wait). */
const VALIDATION_DELAY_MS = 200;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createLanguageService();
const pending = new Map<string, ReturnType<typeof setTimeout>>();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
}));

const SEVERITIES: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

function toLsp(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: 'taskrouter',
    message: diagnostic.message,
  };
}

function validate(document: TextDocument): void {
  pending.delete(document.uri);
  const diagnostics = service.doValidation(document).map(toLsp);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function schedule(document: TextDocument, delay: number): void {
  const previous = pending.get(document.uri);
  if (previous) clearTimeout(previous);
  pending.set(
    document.uri,
    setTimeout(() => {
      const current = documents.get(document.uri);
      if (current) validate(current);
    }, delay),
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
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
