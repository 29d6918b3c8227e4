/** Starts VS Code's own server (not the code-server wrapper, which rejects flags it does not know). */
import type { ChildProcess } from 'node:child_process';
import { startGroup } from './processes';
import type { VsCodeInstall } from './install';

export interface ServerOptions {
  /** The port to listen on; 0 (the default) takes a free one. */
  port?: number;
  userDataDir: string;
  serverDataDir: string;
  /** Extra environment for the server; the extension host it starts inherits it. */
  env?: NodeJS.ProcessEnv;
  /** Receives every line the server prints. */
  onLine?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface RunningServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  process: ChildProcess;
  /** Resolves with a description when the server exits. */
  exited: Promise<string>;
}

/**
 * Starts the server on 127.0.0.1 on a free port (the server binds port 0 and prints the port it got) and resolves
 * once it listens. `--enable-smoke-test-driver` makes the built workbench accept a development payload
 * (extensionDevelopmentPath, extensionTestsPath) in its URL.
 */
export function startServer(install: VsCodeInstall, options: ServerOptions): Promise<RunningServer> {
  const child = startGroup(
    'VS Code server',
    install.node,
    [
      install.serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--user-data-dir',
      options.userDataDir,
      '--server-data-dir',
      options.serverDataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`VS Code's server exited with ${signal ?? `code ${code}`}`));
    child.once('error', (error) => resolve(`VS Code's server could not start: ${error.message}`));
  });

  return new Promise((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const timer = setTimeout(
      () => reject(new Error(`VS Code's server did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    void exited.then((why) => {
      clearTimeout(timer);
      reject(new Error(why));
    });
    forEachLine(child, (line) => {
      options.onLine?.(line);
      const listening = /Extension host agent listening on (\d+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        const port = Number(listening[1]);
        resolve({ port, origin: `http://127.0.0.1:${port}`, process: child, exited });
      }
    });
  });
}

/** Calls `onLine` for each line of the child's stdout and stderr. */
function forEachLine(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split(/\r?\n/);
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    stream?.on('end', () => pending && onLine(pending));
  }
}
