/**
 * The session's error boundary, in process (the bundled server cannot be made to fail on purpose): a language
 * service whose every feature throws still gets empty answers to every request, a log line naming the document and
 * the feature, and a server that keeps answering.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import { startSession } from '../../../server/src/connection/session';
import { createLanguageService, type LanguageService } from '../../../server/src/language/service';
import { WORKSPACE, workflowText } from './fixtures';

/** A real service whose features all throw (settingsFor and the legend still work, so requests are routed). */
function throwingService(): LanguageService {
  const real = createLanguageService();
  const boom = (feature: string) => () => {
    throw new Error(`${feature} exploded`);
  };
  return {
    ...real,
    prepare: boom('prepare'),
    doValidation: boom('doValidation'),
    doComplete: boom('doComplete'),
    doHover: boom('doHover'),
    getCodeActions: boom('getCodeActions'),
    findDocumentSymbols: boom('findDocumentSymbols'),
    getFoldingRanges: boom('getFoldingRanges'),
    getSelectionRanges: boom('getSelectionRanges'),
    format: boom('format'),
    getSemanticTokens: boom('getSemanticTokens'),
  };
}

describe('language server session: a feature that throws', function () {
  this.timeout(20_000);
  let client: MessageConnection;
  const logs: string[] = [];
  const published: { uri: string; diagnostics: unknown[] }[] = [];
  const uri = 'file:///tmp/throws.workflow.json';
  const textDocument = { uri };
  const position = { line: 3, character: 10 };

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, toServer, toClient);
    startSession(connection, throwingService());
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) =>
      published.push(p),
    );
    client.onRequest('taskrouter/workspaceData', () => WORKSPACE);
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'taskrouter-workflow', version: 1, text: workflowText() },
    });
  });

  after(() => {
    // No `exit` notification: in process, the server's exit handler would end the test run.
    client.dispose();
  });

  it('answers every request empty and logs the feature, the document and the exception', async () => {
    const answers = {
      completion: await client.sendRequest('textDocument/completion', { textDocument, position }),
      hover: await client.sendRequest('textDocument/hover', { textDocument, position }),
      codeAction: await client.sendRequest('textDocument/codeAction', {
        textDocument,
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      documentSymbol: await client.sendRequest('textDocument/documentSymbol', { textDocument }),
      foldingRange: await client.sendRequest('textDocument/foldingRange', { textDocument }),
      selectionRange: await client.sendRequest('textDocument/selectionRange', { textDocument, positions: [position] }),
      formatting: await client.sendRequest('textDocument/formatting', {
        textDocument,
        options: { tabSize: 2, insertSpaces: true },
      }),
      rangeFormatting: await client.sendRequest('textDocument/rangeFormatting', {
        textDocument,
        range: { start: { line: 0, character: 0 }, end: position },
        options: { tabSize: 2, insertSpaces: true },
      }),
      semanticTokens: await client.sendRequest('textDocument/semanticTokens/full', { textDocument }),
    };
    assert.deepEqual(answers, {
      completion: { isIncomplete: false, items: [] },
      hover: null,
      codeAction: [],
      documentSymbol: [],
      foldingRange: [],
      selectionRange: [],
      formatting: [],
      rangeFormatting: [],
      semanticTokens: { data: [] },
    });
    for (const feature of ['Completion', 'Hover', 'Code actions', 'Semantic tokens']) {
      const line = logs.find((l) => l.startsWith(`${feature} failed for ${uri}: `));
      assert.ok(line, `a log line for ${feature}: ${logs.join('\n')}`);
    }
    assert.ok(
      logs.some((l) => l.includes('doComplete exploded')),
      'the log has the exception',
    );
  });

  it('publishes empty diagnostics when validation throws, and logs it', async () => {
    while (!published.some((p) => p.uri === uri)) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(logs.some((l) => l.startsWith(`Diagnostics failed for ${uri}: Error: doValidation exploded`)));
    // The parse done ahead while the client answers failed too: logged, and it did not stop the diagnostics.
    assert.ok(
      logs.some((l) => l.startsWith(`Preparing ${uri} failed: Error: prepare exploded`)),
      logs.join('\n'),
    );
    assert.deepEqual(
      published.filter((p) => p.uri === uri).map((p) => p.diagnostics),
      [[]],
    );
  });
});
