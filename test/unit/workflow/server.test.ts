/**
 * The language server as a process: LSP over stdio, driven with vscode-jsonrpc. Checks the wiring only
 * (publish on open and change, LSP severities, clear on close); what is reported is tested elsewhere.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import { Q1 } from './marked';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code: string; severity: number; source: string; range: unknown }[];
}

describe('language server (LSP over stdio)', function () {
  this.timeout(60_000);
  let child: ChildProcessWithoutNullStreams;
  let connection: MessageConnection;
  const published: Published[] = [];
  const waiters: (() => void)[] = [];

  /** Resolves with the first publication (from index `from` on) that satisfies `test`. */
  function next(from: number, test: (p: Published) => boolean): Promise<Published> {
    return new Promise((resolve) => {
      const check = () => {
        const found = published.slice(from).find(test);
        if (found) resolve(found);
        else waiters.push(check);
      };
      check();
    });
  }

  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts', '--stdio'], { stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      published.push(params);
      waiters.splice(0).forEach((w) => w());
    });
    connection.listen();
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    })) as { capabilities: { textDocumentSync: number } };
    assert.equal(result.capabilities.textDocumentSync, 2);
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendNotification('exit');
    await exited;
    connection.dispose();
  });

  const uri = 'file:///tmp/routing.workflow.json';

  it('publishes diagnostics on open, with LSP severities and the code', async () => {
    const mark = published.length;
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'taskrouter-workflow',
        version: 1,
        text: '{"task_routing": {"default_filter": {"queue": "WQ1", "priority": 1}}}',
      },
    });
    const p = await next(mark, (x) => x.uri === uri);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity, d.source]),
      [
        ['malformed-queue-sid', 1, 'taskrouter'],
        ['misplaced-key', 2, 'taskrouter'],
      ],
    );
  });

  it('publishes again after a change (debounced), for the latest version', async () => {
    const mark = published.length;
    for (const [version, queue] of [
      [2, 'WQ2'],
      [3, Q1],
    ] as const) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: `{"task_routing": {"default_filter": {"queue": "${queue}"}}}` }],
      });
    }
    const p = await next(mark, (x) => x.uri === uri && x.diagnostics.length === 0);
    assert.equal(p.version, 3);
    assert.ok(
      published.slice(mark).every((x) => x.version !== 2),
      'the change to version 2 was superseded within the delay',
    );
  });

  it('clears diagnostics on close', async () => {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ text: '{' }],
    });
    await next(0, (x) => x.uri === uri && x.version === 4 && x.diagnostics.length > 0);
    const mark = published.length;
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const p = await next(mark, (x) => x.uri === uri);
    assert.deepEqual(p.diagnostics, []);
  });
});
