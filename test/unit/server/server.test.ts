/**
 * The bundled language server as a process, over stdio: capabilities, when diagnostics are published (open, debounced
 * change, latest version only, close), and the `taskrouter/workspaceData` exchange (asked per document, kept, asked
 * again on `taskrouter/workspaceDataChanged`). What is reported is tested in the language tests.
 */
import { strict as assert } from 'node:assert';
import { WORKSPACE_DATA_CHANGED_NOTIFICATION, type WorkspaceDataResult } from '../../../server/src/protocol';
import { marked } from '../workflow/marked';
import { SALES_QUEUE, SUPPORT_QUEUE, UNKNOWN_QUEUE_SID, WORKSPACE, workflowText } from './fixtures';
import { startServer, type TestServer } from './lspServer';

describe('language server over stdio (a client that answers taskrouter/workspaceData)', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;
  /** The answer per document; a test may replace it or hold it back. */
  let answer: (uri: string) => WorkspaceDataResult | Promise<WorkspaceDataResult> = () => WORKSPACE;

  before(async () => {
    server = await startServer({ workspaceData: ({ uri }) => answer(uri) });
  });

  after(async () => {
    await server?.stop();
  });

  afterEach(() => {
    answer = () => WORKSPACE;
  });

  const s = (): TestServer => server!;

  it('announces every feature, incremental sync and the semantic tokens legend', () => {
    const c = s().initializeResult.capabilities;
    assert.equal(c.textDocumentSync, 2);
    assert.deepEqual(c.completionProvider, { triggerCharacters: ['.', '"', ':', ' '], resolveProvider: false });
    assert.deepEqual(c.codeActionProvider, {
      codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.taskrouter'],
      resolveProvider: false,
    });
    for (const key of [
      'hoverProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
    ] as const) {
      assert.equal(c[key], true, key);
    }
    const tokens = c.semanticTokensProvider as { legend: { tokenTypes: string[] }; full: boolean };
    assert.equal(tokens.full, true);
    assert.ok(Array.isArray(tokens.legend.tokenTypes));
  });

  it('publishes diagnostics at once on open, with exact ranges, LSP severities, code and source', async () => {
    const uri = 'file:///tmp/open.workflow.json';
    const { text, ranges } = marked(
      '{"task_routing": {"default_filter": {«"task_queue_sid"»: "«WQ1»"}, "filters": [{"filter_friendly_name": "a", ' +
        `"expression": "x == 1", "targets": [{"queue": "«${UNKNOWN_QUEUE_SID}»", "priority": «"2"»}]}]}}`,
    );
    const mark = s().published.length;
    await s().open(uri, text);
    const p = await s().nextPublication(uri, mark);
    assert.equal(p.version, 1);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity, d.source, d.range]),
      [
        ['legacy-key', 2, 'taskrouter', ranges[0].range],
        ['malformed-queue-sid', 1, 'taskrouter', ranges[1].range],
        ['unknown-queue', 1, 'taskrouter', ranges[2].range],
        ['string-number', 2, 'taskrouter', ranges[3].range],
      ],
    );
  });

  it('debounces changes and publishes only the latest version', async () => {
    const uri = 'file:///tmp/debounce.workflow.json';
    let mark = s().published.length;
    await s().open(uri, workflowText());
    await s().nextPublication(uri, mark);
    mark = s().published.length;
    await s().change(uri, 2, workflowText('WQ2'));
    await s().change(uri, 3, workflowText('WQ3'));
    await s().change(uri, 4, workflowText());
    const p = await s().nextPublication(uri, mark);
    assert.equal(p.version, 4, 'the first publication after the changes is for the latest version');
    assert.deepEqual(p.diagnostics, []);
    assert.ok(
      s()
        .published.slice(mark)
        .every((x) => x.uri !== uri || x.version === 4),
      'versions 2 and 3 were superseded within the delay',
    );
  });

  it('drops diagnostics computed for a version that changed while the workspace data was awaited', async () => {
    const uri = 'file:///tmp/slow.workflow.json';
    let release!: () => void;
    answer = (asked) => (asked === uri ? new Promise((resolve) => (release = () => resolve(WORKSPACE))) : WORKSPACE);
    const asked = s().asked.length;
    const mark = s().published.length;
    await s().open(uri, workflowText(UNKNOWN_QUEUE_SID));
    await s().until(() => s().asked.slice(asked).includes(uri));
    // The change reaches the server before the answer (one ordered stream): the open's run must not publish.
    await s().change(uri, 2, workflowText());
    release();
    const p = await s().nextPublication(uri, mark);
    assert.equal(p.version, 2);
    assert.deepEqual(p.diagnostics, []);
    assert.deepEqual(
      s()
        .asked.slice(asked)
        .filter((u) => u === uri),
      [uri],
      'the run for version 2 shared the request in flight (or its answer) instead of asking again',
    );
  });

  it('publishes without the workspace data when the client is slow, and again with it when it comes', async () => {
    const uri = 'file:///tmp/slow-client.workflow.json';
    let release!: () => void;
    answer = (asked) => (asked === uri ? new Promise((resolve) => (release = () => resolve(WORKSPACE))) : WORKSPACE);
    const mark = s().published.length;
    await s().open(uri, workflowText(UNKNOWN_QUEUE_SID));
    const first = await s().nextPublication(uri, mark);
    assert.deepEqual(first.diagnostics, [], 'without the data, no queue SID is checked');
    release();
    const second = await s().nextPublication(uri, s().published.indexOf(first) + 1);
    assert.equal(second.version, 1);
    assert.deepEqual(
      second.diagnostics.map((d) => d.code),
      ['unknown-queue', 'unknown-queue'],
    );
  });

  it('clears diagnostics on close, and asks for the workspace data again when the document opens again', async () => {
    const uri = 'file:///tmp/close.workflow.json';
    let mark = s().published.length;
    const asked = s().asked.length;
    await s().open(uri, '{');
    assert.ok((await s().nextPublication(uri, mark)).diagnostics.length > 0);
    mark = s().published.length;
    await s().close(uri);
    const cleared = await s().nextPublication(uri, mark);
    assert.deepEqual(cleared.diagnostics, []);
    mark = s().published.length;
    await s().open(uri, '{');
    await s().nextPublication(uri, mark);
    assert.equal(
      s()
        .asked.slice(asked)
        .filter((u) => u === uri).length,
      2,
    );
  });

  it('asks per document, keeps the answer while typing, and asks again on taskrouter/workspaceDataChanged', async () => {
    const uri = 'file:///tmp/changed.workflow.json';
    const text = workflowText(SALES_QUEUE.sid);
    let mark = s().published.length;
    const asked = s().asked.length;
    await s().open(uri, text);
    assert.deepEqual((await s().nextPublication(uri, mark)).diagnostics, []);
    mark = s().published.length;
    await s().change(uri, 2, text + ' ');
    await s().nextPublication(uri, mark);
    assert.equal(
      s()
        .asked.slice(asked)
        .filter((u) => u === uri).length,
      1,
      'the answer was kept for the change',
    );

    // The sales queue is deleted: the client says so, the server asks again and validates with the new answer.
    answer = () => ({ ...WORKSPACE, queues: [SUPPORT_QUEUE] });
    mark = s().published.length;
    await s().connection.sendNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, { uri });
    const p = await s().nextPublication(uri, mark);
    assert.equal(
      s()
        .asked.slice(asked)
        .filter((u) => u === uri).length,
      2,
    );
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['unknown-queue', 'unknown-queue'],
    );
  });

  it('re-validates every open document when workspaceDataChanged names none', async () => {
    const uris = ['file:///tmp/all-1.workflow.json', 'file:///tmp/all-2.workflow.json'];
    let mark = s().published.length;
    for (const uri of uris) await s().open(uri, workflowText());
    for (const uri of uris) await s().nextPublication(uri, mark);
    answer = () => null;
    mark = s().published.length;
    const asked = s().asked.length;
    await s().connection.sendNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, {});
    for (const uri of uris) await s().nextPublication(uri, mark);
    for (const uri of uris) assert.ok(s().asked.slice(asked).includes(uri), `${uri} was asked again`);
  });

  it('reports an unknown queue SID only when the document has workspace data (a null answer checks nothing)', async () => {
    const known = 'file:///tmp/known.workflow.json';
    const unknown = 'file:///tmp/not-linked.workflow.json';
    answer = (uri) => (uri === known ? WORKSPACE : null);
    const mark = s().published.length;
    await s().open(known, workflowText(UNKNOWN_QUEUE_SID));
    await s().open(unknown, workflowText(UNKNOWN_QUEUE_SID));
    const withData = await s().nextPublication(known, mark);
    const withoutData = await s().nextPublication(unknown, mark);
    assert.deepEqual(
      withData.diagnostics.map((d) => d.code),
      ['unknown-queue', 'unknown-queue'],
    );
    assert.deepEqual(withoutData.diagnostics, []);
    assert.deepEqual(s().messages, [], 'a null answer is a normal answer: no message');
  });

  it('asks nothing and publishes nothing for a document the service does not read', async () => {
    const uri = 'file:///tmp/package.json';
    const asked = s().asked.length;
    const mark = s().published.length;
    await s().open(uri, '{', 'json');
    // A workflow opened after it is answered first: the server handles messages in order.
    const after = 'file:///tmp/after-package.workflow.json';
    await s().open(after, workflowText());
    await s().nextPublication(after, mark);
    assert.ok(!s().asked.slice(asked).includes(uri));
    assert.ok(
      s()
        .published.slice(mark)
        .every((p) => p.uri !== uri),
    );
  });
});

describe('language server over stdio (initializationOptions { workspaceData: false })', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;

  before(async () => {
    server = await startServer({
      workspaceData: () => WORKSPACE,
      initializationOptions: { workspaceData: false },
    });
  });

  after(async () => {
    await server?.stop();
  });

  it('never asks, checks no queue SID, and says nothing', async () => {
    const s = server!;
    const uri = 'file:///tmp/no-data.workflow.json';
    const mark = s.published.length;
    await s.open(uri, workflowText(UNKNOWN_QUEUE_SID));
    const p = await s.nextPublication(uri, mark);
    assert.deepEqual(p.diagnostics, []);
    await s.connection.sendNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, {});
    await s.nextPublication(uri, s.published.indexOf(p) + 1);
    assert.deepEqual(s.asked, []);
    assert.deepEqual(s.messages, []);
  });
});

describe('language server over stdio (a client without taskrouter/workspaceData: MethodNotFound)', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    await server?.stop();
  });

  it('says once that queue SIDs are not checked, stops asking, and still publishes diagnostics', async () => {
    const s = server!;
    const first =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/workflows/WW0123456789abcdef0123456789abcdef/a.workflow.json';
    const second = 'file:///tmp/second.workflow.json';
    let mark = s.published.length;
    await s.open(first, workflowText('WQ1'), 'taskrouter-workflow');
    const p1 = await s.nextPublication(first, mark);
    assert.deepEqual(
      p1.diagnostics.map((d) => d.code),
      ['malformed-queue-sid', 'malformed-queue-sid'],
    );
    mark = s.published.length;
    await s.open(second, workflowText(UNKNOWN_QUEUE_SID));
    await s.connection.sendNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, {});
    const p2 = await s.nextPublication(second, mark);
    assert.deepEqual(p2.diagnostics, [], 'no SID check without data');
    await s.until(() => s.messages.length > 0);
    assert.deepEqual(s.asked, [first], 'asked once, then never again');
    assert.equal(s.messages.length, 1);
    assert.equal(s.messages[0].type, 3, 'an information message');
    assert.match(s.messages[0].message, /taskrouter\/workspaceData/);
    assert.match(s.messages[0].message, /queue SIDs are not checked/);
  });
});

describe('language server over node-ipc (as VS Code starts it)', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;

  before(async () => {
    server = await startServer({ transport: 'ipc', workspaceData: () => WORKSPACE });
  });

  after(async () => {
    await server?.stop();
  });

  it('initializes, asks for the workspace data and publishes diagnostics', async () => {
    const s = server!;
    assert.equal(s.initializeResult.capabilities.textDocumentSync, 2);
    const uri = 'file:///tmp/ipc.workflow.json';
    const mark = s.published.length;
    await s.open(uri, workflowText(UNKNOWN_QUEUE_SID));
    const p = await s.nextPublication(uri, mark);
    assert.deepEqual(s.asked, [uri]);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['unknown-queue', 'unknown-queue'],
    );
  });
});
