/**
 * Entry of the integration suite, in the shape every VS Code extension test runner expects: a module exporting
 * `run()`, loaded by the extension host once the extension under development is installed. It runs unchanged under
 * `@vscode/test-electron` (desktop) and under the web runner here (VS Code's server opened by headless Chromium).
 *
 * esbuild bundles this file with every test, so test files are not found by a glob at run time: they are listed in
 * `tests.ts`, which is imported only after mocha has put `describe`/`it` on the global object.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { ENV_CHANNEL_DIR, ENV_GREP, RESULT_FILE, formatMessage, type SuiteResult } from '../protocol';
import { log, tagMochaOutput } from './support/console';

export async function run(): Promise<void> {
  tagMochaOutput(Mocha);
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env[ENV_GREP];
  if (grep) mocha.grep(new RegExp(grep)); // a regular expression matched against full test titles

  // What `mocha.loadFiles()` does for each file, for a bundle: expose the bdd interface, then evaluate the tests.
  mocha.suite.emit('pre-require', globalThis, 'tests.ts', mocha);
  try {
    await import('./tests');
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    report({
      passes: 0,
      failures: 1,
      pending: 0,
      failed: [{ title: 'loading the test files', error: message }],
      vscodeVersion: vscode.version,
    });
    throw error;
  }

  const result = await new Promise<SuiteResult>((resolve) => {
    const failed: SuiteResult['failed'] = [];
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({
        passes: stats?.passes ?? 0,
        failures: stats?.failures ?? failed.length,
        pending: stats?.pending ?? 0,
        failed,
        vscodeVersion: vscode.version,
      });
    });
    runner.on('fail', (test, error: unknown) => {
      failed.push({ title: test.fullTitle(), error: error instanceof Error ? error.message : String(error) });
    });
  });

  report(result);
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.passes + result.failures} tests failed`);
  if (result.passes === 0) throw new Error('no test ran');
}

/** Tell the runner how it went: a protocol line on the console, and `result.json` when a channel folder is set. */
function report(result: SuiteResult): void {
  log(`VS Code ${result.vscodeVersion}: ${result.passes} passing, ${result.failures} failing`);
  const channel = process.env[ENV_CHANNEL_DIR];
  if (channel) {
    const file = path.join(channel, RESULT_FILE);
    fs.writeFileSync(file + '.tmp', JSON.stringify(result, null, 2));
    fs.renameSync(file + '.tmp', file);
  }
  log(formatMessage({ kind: 'result', result }));
}
