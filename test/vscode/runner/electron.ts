/**
 * `npm run test:vscode:electron`: the same suite in a desktop VS Code downloaded by @vscode/test-electron (the
 * conventional runner; it needs internet to download VS Code into .vscode-test/, and a display or xvfb-run on
 * Linux). On machines that reach only package registries use `npm run test:vscode` (run.ts) instead.
 *
 * Environment: VSCODE_TEST_VERSION (default `stable`; e.g. `insiders` or `1.91.0`, the oldest version the manifest
 * accepts), TASKROUTER_VSCODE_TEST_GREP (mocha grep).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ENV_CHANNEL_DIR, ENV_GREP, ENV_LOGS_DIR, RESULT_FILE, type SuiteResult } from '../protocol';
import { USER_SETTINGS } from './settings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SUITE = path.join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index');

async function main(): Promise<number> {
  if (!fs.existsSync(SUITE + '.js')) throw new Error('dist/test/vscode/suite/index.js is missing: run the build');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'taskrouter-vscode-electron-'));
  const dirs = {
    userData: path.join(temp, 'user-data'),
    extensions: path.join(temp, 'extensions'),
    logs: path.join(temp, 'logs'),
    workspace: path.join(temp, 'workspace'),
    channel: path.join(temp, 'channel'),
  };
  Object.values(dirs).forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
  fs.mkdirSync(path.join(dirs.userData, 'User'));
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  try {
    let code: number;
    try {
      code = await runTests({
        version: process.env.VSCODE_TEST_VERSION ?? 'stable',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: SUITE,
        launchArgs: [
          dirs.workspace,
          '--user-data-dir',
          dirs.userData,
          '--extensions-dir',
          dirs.extensions,
          '--logsPath',
          dirs.logs,
          '--disable-extensions',
          '--skip-welcome',
          '--skip-release-notes',
        ],
        // No screenshot channel here: screenshot() says so and returns undefined.
        extensionTestsEnv: {
          [ENV_CHANNEL_DIR]: dirs.channel,
          [ENV_LOGS_DIR]: dirs.logs,
          [ENV_GREP]: process.env[ENV_GREP],
        },
      });
    } catch (error) {
      console.error(`test:vscode:electron: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
    const resultFile = path.join(dirs.channel, RESULT_FILE);
    if (!fs.existsSync(resultFile)) {
      console.error('test:vscode:electron: the suite reported no result');
      return 1;
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
    console.log(`vscode: ${result.passes} passed, ${result.failures} failed`);
    return code === 0 && result.failures === 0 && result.passes > 0 ? 0 : 1;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
