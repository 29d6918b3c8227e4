/**
 * Requests whose document closes or changes while the workspace data is awaited, in process with a client that
 * answers `taskrouter/workspaceData` only when told: they answer empty and never reach the language service (the
 * request's position belongs to the old version; a closed document must not be analysed into the cache again).
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
import type { WorkspaceDataResult } from '../../../server/src/protocol';
import { WORKSPACE, workflowText } from './fixtures';

describe('language server session: a document that closes or changes while its workspace data is awaited', function () {
  this.timeout(20_000);
  let client: MessageConnection;
  /** The service calls of interactive features: feature, document URI and version. */
  const calls: string[] = [];
  const answers: ((data: WorkspaceDataResult) => void)[] = [];
  let version = 0;

  function recordingService(): LanguageService {
    const real = createLanguageService();
    const record = (feature: string, document: { uri: string; version: number }): void =>
      void calls.push(`${feature} ${document.uri} v${document.version}`);
    return {
      ...real,
      doHover: (document, ...rest) => (record('hover', document), real.doHover(document, ...rest)),
      doComplete: (document, ...rest) => (record('completion', document), real.doComplete(document, ...rest)),
      findDocumentSymbols: (document, ...rest) => (
        record('symbols', document),
        real.findDocumentSymbols(document, ...rest)
      ),
    };
  }

  async function open(uri: string): Promise<void> {
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'taskrouter-workflow', version: ++version, text: workflowText() },
    });
    // The diagnostics run asks at once; the features share that request.
    while (answers.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  beforeEach(async () => {
    calls.length = 0;
    answers.length = 0;
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startSession(createConnection(ProposedFeatures.all, toServer, toClient), recordingService());
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest('taskrouter/workspaceData', () => new Promise<WorkspaceDataResult>((r) => answers.push(r)));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
  });

  afterEach(() => {
    // No `exit` notification: in process, the server's exit handler would end the test run.
    client.dispose();
  });

  it('answers empty for a document closed meanwhile, without analysing it', async () => {
    const uri = 'file:///tmp/closed.workflow.json';
    await open(uri);
    const textDocument = { uri };
    const position = { line: 3, character: 10 };
    const hover = client.sendRequest('textDocument/hover', { textDocument, position });
    const symbols = client.sendRequest('textDocument/documentSymbol', { textDocument });
    await client.sendNotification('textDocument/didClose', { textDocument });
    answers[0](WORKSPACE);
    assert.equal(await hover, null);
    assert.deepEqual(await symbols, []);
    assert.deepEqual(calls, []);
  });

  it('answers empty for a document changed meanwhile, and answers the next request on the new version', async () => {
    const uri = 'file:///tmp/changed.workflow.json';
    await open(uri);
    const opened = version;
    const textDocument = { uri };
    const position = { line: 6, character: 20 };
    const completion = client.sendRequest('textDocument/completion', { textDocument, position });
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
    answers[0](WORKSPACE);
    assert.deepEqual(await completion, { isIncomplete: false, items: [] });
    assert.deepEqual(calls, [], `nothing computed for v${opened} on the text of v${version}`);
    await client.sendRequest('textDocument/hover', { textDocument, position: { line: 7, character: 20 } });
    assert.deepEqual(calls, [`hover ${uri} v${version}`]);
  });
});
