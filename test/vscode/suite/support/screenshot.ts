import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ENV_CHANNEL_DIR,
  ENV_SCREENSHOTS,
  SCREENSHOT_NAME,
  formatMessage,
  type ScreenshotAnswer,
} from '../../protocol';
import { log } from './console';
import { waitFor } from './wait';

export interface ScreenshotOptions {
  /**
   * A Playwright selector the runner waits for (visible) before taking the picture, e.g.
   * `.sidebar .composite.title >> text=TaskRouter`. The request fails when it does not appear in time, so a test can
   * also assert what the user sees.
   */
  waitForSelector?: string;
  timeoutMs?: number;
}

/**
 * Saves a PNG of the whole workbench as `test-output/screenshots/<name>.png` and returns its path.
 *
 * The suite runs in the extension host, which cannot see the browser, so it asks the runner: it prints a protocol
 * line on the console, the runner takes the picture with Playwright and writes `screenshot-<id>.json` into the
 * channel folder, and this function waits for that file. Returns `undefined` (and says so on the console) in a host
 * that takes no screenshots, such as `@vscode/test-electron`.
 */
export async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  if (!SCREENSHOT_NAME.test(name)) {
    throw new Error(`screenshot name ${JSON.stringify(name)} must be letters, digits, '.', '_' or '-'`);
  }
  const channel = process.env[ENV_CHANNEL_DIR];
  if (process.env[ENV_SCREENSHOTS] !== '1' || !channel) {
    log(`screenshot ${name}: this host takes no screenshots`);
    return undefined;
  }
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const answerFile = path.join(channel, `screenshot-${id}.json`);
  log(formatMessage({ kind: 'screenshot', id, name, waitForSelector: options.waitForSelector }));
  const answer = await waitFor(
    `the runner to save screenshot ${name}`,
    () => fs.existsSync(answerFile) && (JSON.parse(fs.readFileSync(answerFile, 'utf8')) as ScreenshotAnswer),
    { timeoutMs: options.timeoutMs ?? 30_000 },
  );
  if (answer.error || !answer.path) throw new Error(`screenshot ${name}: ${answer.error ?? 'no file written'}`);
  return answer.path;
}
