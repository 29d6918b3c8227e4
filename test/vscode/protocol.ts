/**
 * The small contract between the suite (running inside VS Code's extension host) and whichever runner started it.
 *
 * The extension host cannot see the browser that shows the workbench, and the runner cannot see inside the
 * extension host. They talk through two channels:
 * - console lines that contain {@link MARKER}: the extension host's console reaches the web runner through the
 *   browser console (requests such as screenshots, and the result);
 * - files in the folder named by {@link ENV_CHANNEL_DIR}: the runner answers requests there and the suite writes
 *   `result.json` there (the Electron runner reads only that file).
 *
 * Both sides import this file; it must stay free of `vscode` and of Node-only APIs beyond plain types.
 */

/** Prefix of every protocol line on the extension host's console. */
export const MARKER = '@@taskrouter-vscode-test';

/** Folder where the suite writes `result.json` and the runner writes answers to requests. Optional. */
export const ENV_CHANNEL_DIR = 'TASKROUTER_VSCODE_TEST_CHANNEL';

/** Folder holding VS Code's log files for this run (the extension host's log is somewhere below it). Optional. */
export const ENV_LOGS_DIR = 'TASKROUTER_VSCODE_TEST_LOGS';

/** Set to `1` by a runner that answers screenshot requests. */
export const ENV_SCREENSHOTS = 'TASKROUTER_VSCODE_TEST_SCREENSHOTS';

/**
 * Set to `1` by the web runner: the suite then prefixes the lines it prints (mocha's reporter, its helpers) with
 * {@link CONSOLE_TAG} and the console method, so the runner can tell them from the workbench's own console lines
 * (both reach the same browser console, in the same shape).
 */
export const ENV_TAG_CONSOLE = 'TASKROUTER_VSCODE_TEST_TAG_CONSOLE';

/** Prefix of a tagged extension host console line: `@@exthost <method> <text>`. */
export const CONSOLE_TAG = '@@exthost ';

/** A mocha `grep` pattern passed from the runner's environment to the suite. Optional. */
export const ENV_GREP = 'TASKROUTER_VSCODE_TEST_GREP';

/** Name of the result file the suite writes into the channel folder. */
export const RESULT_FILE = 'result.json';

/** What the suite reports when mocha has finished. */
export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  /** Full titles of the failed tests with their error messages. */
  failed: { title: string; error: string }[];
  /** `vscode.version` of the host that ran the suite. */
  vscodeVersion: string;
}

/** A request to save a PNG of the workbench as `<test-output>/screenshots/<name>.png`. */
export interface ScreenshotRequest {
  kind: 'screenshot';
  /** Unique per request; the runner answers in `screenshot-<id>.json` in the channel folder. */
  id: string;
  name: string;
  /** A Playwright selector to wait for (visible) before the picture is taken. */
  waitForSelector?: string;
}

/** The runner's answer to a {@link ScreenshotRequest}. */
export interface ScreenshotAnswer {
  /** Absolute path of the PNG written, when it worked. */
  path?: string;
  /** What went wrong, when it did not. */
  error?: string;
}

export interface ResultMessage {
  kind: 'result';
  result: SuiteResult;
}

export type ProtocolMessage = ScreenshotRequest | ResultMessage;

/** A screenshot name becomes a file name: letters, digits, `.`, `_` and `-` only. */
export const SCREENSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The protocol line for a message. */
export function formatMessage(message: ProtocolMessage): string {
  return `${MARKER} ${JSON.stringify(message)}`;
}

/**
 * The protocol message inside a console line, or undefined for an ordinary line. The marker may appear after a
 * prefix the host adds (the web workbench prefixes extension host lines with styling), so it is searched for.
 */
export function parseMessage(line: string): ProtocolMessage | undefined {
  const at = line.indexOf(MARKER + ' ');
  if (at < 0) return undefined;
  const json = line.slice(at + MARKER.length + 1).trim();
  try {
    const value = JSON.parse(json) as ProtocolMessage;
    if (value && (value.kind === 'screenshot' || value.kind === 'result')) return value;
  } catch {
    // Not ours after all (or cut off): an ordinary line.
  }
  return undefined;
}
