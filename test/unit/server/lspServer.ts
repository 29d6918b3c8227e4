/**
 * Test helper: the bundled language server (`dist/server.js`) started over `--stdio` (or `--node-ipc`), and an LSP
 * client for it built on vscode-jsonrpc. The client records what the server sends (diagnostics, messages, log lines, workspace data
 * requests) and answers `taskrouter/workspaceData` with whatever the test provides.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
} from 'vscode-languageserver/node';
import {
  WORKSPACE_DATA_REQUEST,
  type WorkspaceDataParams,
  type WorkspaceDataResult,
} from '../../../server/src/protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface StartOptions {
  /**
   * Answers `taskrouter/workspaceData`. Absent: the client does not implement the request (the server gets
   * MethodNotFound, as from an editor that only speaks LSP).
   */
  workspaceData?: (params: WorkspaceDataParams) => WorkspaceDataResult | Promise<WorkspaceDataResult>;
  initializationOptions?: unknown;
  /** `stdio` (other editors), or `ipc`: a forked process with `--node-ipc`, as VS Code's client starts it. */
  transport?: 'stdio' | 'ipc';
}

export interface TestServer {
  connection: MessageConnection;
  initializeResult: InitializeResult;
  published: Published[];
  /** The URIs of every `taskrouter/workspaceData` request, in order (answered or not). */
  asked: string[];
  /** `window/showMessage` notifications. */
  messages: { type: number; message: string }[];
  /** `window/logMessage` notifications. */
  logs: { type: number; message: string }[];
  /** Resolves once `test` holds; checked again whenever the server sends something. */
  until(test: () => boolean): Promise<void>;
  /** The first publication for `uri` from index `from` on that satisfies `test`. */
  nextPublication(uri: string, from: number, test?: (p: Published) => boolean): Promise<Published>;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  stop(): Promise<void>;
}

/** Fails clearly when the bundle the tests start is missing or older than the server's sources. */
export function assertBundleIsFresh(): void {
  if (!existsSync(SERVER_BUNDLE)) {
    throw new Error(`${path.relative(ROOT, SERVER_BUNDLE)} is missing: run \`npm run build\` first (npm test does).`);
  }
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  const newer = newestSource(path.join(ROOT, 'server', 'src'));
  if (newer && newer.mtimeMs > built) {
    throw new Error(
      `dist/server.js is older than ${path.relative(ROOT, newer.file)}: run \`npm run build\` so the tests start ` +
        'the current server.',
    );
  }
}

function newestSource(dir: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(file)
      : entry.name.endsWith('.ts')
        ? { file, mtimeMs: statSync(file).mtimeMs }
        : undefined;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  assertBundleIsFresh();
  let child: ChildProcess;
  let connection: MessageConnection;
  if (options.transport === 'ipc') {
    child = fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  } else {
    child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const published: Published[] = [];
  const asked: string[] = [];
  const messages: { type: number; message: string }[] = [];
  const logs: { type: number; message: string }[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());

  connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    published.push(params);
    wake();
  });
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
    wake();
  });
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    logs.push(params);
  });
  // Every request the server sends lands here; only the workspace data request is answered (when the test gives one).
  connection.onRequest((method, params) => {
    if (method === WORKSPACE_DATA_REQUEST) {
      const { uri } = params as WorkspaceDataParams;
      asked.push(uri);
      wake();
      if (options.workspaceData) return options.workspaceData({ uri });
    }
    return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
  connection.listen();

  async function stop(): Promise<void> {
    try {
      if (child.exitCode === null) {
        await Promise.race([connection.sendRequest('shutdown'), delay(2_000)]);
        await connection.sendNotification('exit');
        await Promise.race([exited, delay(2_000)]);
      }
    } catch {
      // The process may already be gone; it is killed below either way.
    } finally {
      connection.dispose();
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }
  }

  function until(test: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!test()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  }

  let initializeResult: InitializeResult;
  try {
    initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
  } catch (error) {
    await stop();
    throw new Error(`the server did not initialize: ${String(error)}\n${stderr}`);
  }

  return {
    connection,
    initializeResult,
    published,
    asked,
    messages,
    logs,
    until,
    nextPublication: async (uri, from, test = () => true) => {
      const matches = (p: Published) => p.uri === uri && test(p);
      await until(() => published.slice(from).some(matches));
      return published.slice(from).find(matches)!;
    },
    open: (uri, text, languageId = 'taskrouter-workflow', version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, text) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    stop,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The zero-based position of `needle` (plus `delta` characters) in `text`; throws when it is not there once. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0 || text.indexOf(needle, offset + 1) >= 0) {
    throw new Error(`the fixture needs ${JSON.stringify(needle)} exactly once`);
  }
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
