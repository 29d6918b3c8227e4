/**
 * `npm run test:vscode`: runs the integration suite (test/vscode/suite) inside a real VS Code on this machine.
 *
 * `@vscode/test-electron` downloads VS Code from the internet, which these machines cannot reach (it stays the runner
 * for desktops: electron.ts). Here the same suite runs in VS Code's server, from the `code-server` npm package,
 * whose extension host is the Node.js host a desktop VS Code uses, opened in headless Debian Chromium:
 *
 *  1. check the Debian packages and install VS Code's server into a cache outside the clone (first run only);
 *  2. start the server on 127.0.0.1 on a free port with fresh user-data, server-data and workspace folders;
 *  3. open the workbench in Chromium with a development payload: the extension at the repository root, the suite
 *     at dist/test/vscode/suite/index (built by scripts/build.mjs);
 *  4. print the suite's output (mocha's reporter), answer its screenshot requests, and wait for its result and for
 *     VS Code's exit code of the test run;
 *  5. stop the browser and the server by process id (also on failure, timeout and Ctrl-C) and exit non-zero on any
 *     failure, on a timeout, or when no test ran.
 *
 * Environment: TASKROUTER_VSCODE_CACHE (cache folder), TASKROUTER_VSCODE_TEST_TIMEOUT (seconds for the suite,
 * default 600), TASKROUTER_VSCODE_TEST_GREP (a regular expression matched against full test titles),
 * TASKROUTER_VSCODE_TEST_VERBOSE=1 (print the server's and the workbench's own console lines too).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import {
  CONSOLE_TAG,
  ENV_CHANNEL_DIR,
  ENV_LOGS_DIR,
  ENV_SCREENSHOTS,
  ENV_TAG_CONSOLE,
  RESULT_FILE,
  SCREENSHOT_NAME,
  parseMessage,
  type ScreenshotAnswer,
  type ScreenshotRequest,
  type SuiteResult,
} from '../protocol';
import { openBrowser, workbenchUrl } from './browser';
import { ensureVsCode } from './install';
import { cleanUpOnSignals, onCleanup, runCleanups, stoppingOnSignal } from './processes';
import { startServer } from './server';
import { USER_SETTINGS } from './settings';
import { RUNTIME_PACKAGES, requireSystem } from './system';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SUITE = path.join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index');
const OUTPUT = path.join(ROOT, 'test-output', 'vscode');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
const EXTENSION_ID = (() => {
  const { publisher, name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
    string,
    string
  >;
  return `${publisher}.${name}`;
})();
const TIMEOUT_MS = Number(process.env.TASKROUTER_VSCODE_TEST_TIMEOUT ?? 600) * 1000;
const VERBOSE = process.env.TASKROUTER_VSCODE_TEST_VERBOSE === '1';

/** How the suite's run ended, as far as the runner learned it. */
interface RunEnd {
  /** The suite's own report (console line, or result.json). */
  result?: SuiteResult;
  /** The exit code VS Code gives the test run (0 when `run()` resolved). */
  exitCode?: number;
}

async function main(): Promise<number> {
  cleanUpOnSignals();
  for (const built of [path.join(ROOT, 'dist', 'extension.js'), SUITE + '.js']) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run node scripts/build.mjs`);
  }
  requireSystem(RUNTIME_PACKAGES);
  const install = await ensureVsCode();

  // Fresh folders for this run; VS Code's logs are copied to test-output/vscode/logs before they are removed.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskrouter-vscode-test-'));
  const dirs = {
    userData: path.join(temp, 'user-data'),
    serverData: path.join(temp, 'server-data'),
    workspace: path.join(temp, 'workspace'),
    channel: path.join(temp, 'channel'),
  };
  Object.values(dirs).forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
  fs.mkdirSync(path.join(dirs.userData, 'User'));
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  onCleanup('remove the temporary folders', () => {
    fs.rmSync(path.join(OUTPUT, 'logs'), { recursive: true, force: true });
    fs.mkdirSync(OUTPUT, { recursive: true });
    if (fs.existsSync(path.join(dirs.userData, 'logs'))) {
      fs.cpSync(path.join(dirs.userData, 'logs'), path.join(OUTPUT, 'logs'), { recursive: true });
    }
    fs.rmSync(temp, { recursive: true, force: true });
  });

  const serverLines: string[] = [];
  const server = await startServer(install, {
    userDataDir: dirs.userData,
    serverDataDir: dirs.serverData,
    env: {
      [ENV_CHANNEL_DIR]: dirs.channel,
      [ENV_LOGS_DIR]: path.join(dirs.userData, 'logs'),
      [ENV_SCREENSHOTS]: '1',
      [ENV_TAG_CONSOLE]: '1',
    },
    onLine: (line) => {
      serverLines.push(line);
      if (VERBOSE) console.log(`[server] ${line}`);
    },
  });
  console.log(`VS Code ${install.vscodeVersion} server listening on ${server.origin} (pid ${server.process.pid})`);

  const { page, browser, pid } = await openBrowser();
  console.log(`Chromium started (pid ${pid}); running the suite (timeout ${TIMEOUT_MS / 1000} s)`);

  // The run ends with two signals that arrive on different channels, in either order: the suite's result line on the
  // console, and the exit code VS Code reports when the extension host has finished the tests (it calls
  // `codeAutomationExit` on the page, which the smoke-test driver provides for automation). The exit code also
  // comes when the suite could not even load. Wait for both, or 10 s after the first.
  const ended = new Promise<RunEnd>((resolve, reject) => {
    const end: RunEnd = {};
    let grace: NodeJS.Timeout | undefined;
    const settle = (): void => {
      if (end.result && end.exitCode !== undefined) resolve(end);
      grace ??= setTimeout(() => resolve(end), 10_000);
    };
    void page.exposeFunction('codeAutomationExit', (code: number) => {
      end.exitCode ??= code;
      settle();
    });
    page.on('console', (message) => {
      const line = extensionHostLine(message);
      if (!line) {
        printWorkbenchLine(message);
        return;
      }
      const protocol = parseMessage(line.text);
      if (protocol?.kind === 'result') {
        end.result ??= protocol.result;
        settle();
      } else if (protocol?.kind === 'screenshot') {
        void answerScreenshot(page, protocol, dirs.channel);
      } else {
        const level = line.method === 'log' || line.method === 'info' ? '' : `:${line.method}`;
        printIndented(`[exthost${level}]`, line.text);
      }
    });
    page.on('pageerror', (error) => {
      const text = error.stack ?? error.message;
      if (VERBOSE || /taskrouter/i.test(text)) printIndented('[workbench:uncaught]', text);
    });
    page.on('crash', () => reject(new Error('the workbench page crashed')));
    browser.on('disconnected', () => reject(new Error('Chromium went away before the suite finished')));
    void server.exited.then((why) => reject(new Error(`${why} before the suite finished`)));
    const timer = setTimeout(
      () => reject(new Error(`the suite did not finish within ${TIMEOUT_MS / 1000} s`)),
      TIMEOUT_MS,
    );
    onCleanup('stop waiting', () => {
      clearTimeout(timer);
      clearTimeout(grace);
    });
  });
  // It may fail while the page is still loading: mark it handled now, it is awaited below.
  ended.catch(() => undefined);

  // No need to wait for the load event: what matters arrives on the console (and the machine may be busy).
  const url = workbenchUrl(server.origin, dirs.workspace, { extensionRoot: ROOT, testsModule: SUITE });
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  let end: RunEnd;
  try {
    end = await ended;
  } catch (error) {
    if (!stoppingOnSignal()) {
      console.error('\nLast lines of the server:\n  ' + serverLines.slice(-40).join('\n  '));
      printLogs(path.join(dirs.userData, 'logs'));
    }
    throw error;
  }
  // The suite also writes result.json: the fallback when its console line was lost.
  const resultFile = path.join(dirs.channel, RESULT_FILE);
  if (!end.result && fs.existsSync(resultFile))
    end.result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
  const outcome = end.result ?? {
    passes: 0,
    failures: 0,
    pending: 0,
    failed: [],
    vscodeVersion: install.vscodeVersion,
  };
  const passed = outcome.failures === 0 && outcome.passes > 0 && (end.exitCode ?? 0) === 0;
  if (!passed) printLogs(path.join(dirs.userData, 'logs'));

  console.log('');
  for (const failed of outcome.failed) console.log(`FAILED ${failed.title}\n  ${failed.error}`);
  if (!end.result) console.log('The suite reported no result (see the lines above and the logs).');
  else if (outcome.passes + outcome.failures === 0) console.log('No test ran: that is a failure.');
  if (end.exitCode === undefined) console.log('VS Code reported no exit code for the test run.');
  else if (end.exitCode !== 0) console.log(`The extension host's test run ended with exit code ${end.exitCode}.`);
  console.log(`VS Code logs: ${path.relative(ROOT, path.join(OUTPUT, 'logs'))}/`);
  console.log(`vscode: ${outcome.passes} passed, ${outcome.failures} failed`);
  return passed ? 0 : 1;
}

/** The extension host's line inside a browser console message (tagged by the suite), or undefined. */
function extensionHostLine(message: ConsoleMessage): { method: string; text: string } | undefined {
  const text = message.text();
  const at = text.indexOf(CONSOLE_TAG);
  if (at < 0) return undefined;
  const rest = text.slice(at + CONSOLE_TAG.length);
  const space = rest.indexOf(' ');
  return { method: rest.slice(0, space), text: rest.slice(space + 1) };
}

/**
 * Untagged console lines: the workbench's own, and what the extension host prints outside the suite (VS Code forwards
 * both the same way). The workbench is noisy here (it tries to reach the marketplace and GitHub, which this machine
 * cannot), so only lines that mention TaskRouter are printed, and every line when verbose.
 */
function printWorkbenchLine(message: ConsoleMessage): void {
  const type = message.type();
  // The workbench's logger prints `%c LEVEL`, `color: ...` before the message itself.
  const text = message.text().replace(/^%c\s*\w+ color: #\w+ /, '');
  if (VERBOSE || /taskrouter/i.test(text)) printIndented(`[console:${type}]`, text);
}

/**
 * After a failure: prints the extension's own log files (its log output channels, which VS Code writes to disk in the
 * extension host's log folder) and the error lines of the extension host's log.
 */
function printLogs(logsDir: string): void {
  if (!fs.existsSync(logsDir)) return;
  const files = (fs.readdirSync(logsDir, { recursive: true }) as string[]).map((f) => path.join(logsDir, f));
  for (const file of files.filter((f) => f.includes(EXTENSION_ID) || /taskrouter/i.test(path.basename(f)))) {
    if (!fs.statSync(file).isFile()) continue;
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    if (lines.length === 1 && lines[0] === '') continue;
    console.log(`\n--- ${path.relative(logsDir, file)} (last ${Math.min(lines.length, 200)} lines)`);
    console.log(lines.slice(-200).join('\n'));
  }
  for (const file of files.filter((f) => /exthost\.log$/.test(f))) {
    const errors = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /\[error\]/.test(line));
    if (errors.length > 0) console.log(`\n--- errors in ${path.relative(logsDir, file)}\n${errors.join('\n')}`);
  }
}

/** Prints a possibly multi-line text with `prefix` on its first line and its other lines indented. */
function printIndented(prefix: string, text: string): void {
  console.log(`${prefix} ${text.replace(/\n/g, '\n    ')}`);
}

/** Takes the screenshot a test asked for and writes the answer file it waits on (atomically, by a rename). */
async function answerScreenshot(page: Page, request: ScreenshotRequest, channel: string): Promise<void> {
  let answer: ScreenshotAnswer;
  try {
    if (!SCREENSHOT_NAME.test(request.name)) throw new Error(`bad screenshot name ${JSON.stringify(request.name)}`);
    if (request.waitForSelector) {
      await page.locator(request.waitForSelector).first().waitFor({ state: 'visible', timeout: 15_000 });
    }
    // Let the workbench paint what the test just did: two animation frames.
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${request.name}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshot saved: ${path.relative(ROOT, file)}`);
    answer = { path: file };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  const file = path.join(channel, `screenshot-${request.id}.json`);
  fs.writeFileSync(file + '.tmp', JSON.stringify(answer));
  fs.renameSync(file + '.tmp', file);
}

main()
  .then(
    (code) => code,
    (error: unknown) => {
      if (stoppingOnSignal()) return new Promise<number>(() => undefined); // the signal handler exits
      console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    },
  )
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  });
