/**
 * The suite's own console output, tagged for the web runner.
 *
 * In the web runner the extension host's console and the workbench's own console reach the same browser console in
 * the same shape, and VS Code does not let code in the extension host replace `console` methods. So the suite tags
 * what it prints itself (mocha's reporter and these helpers) with {@link CONSOLE_TAG}, and the runner prints those
 * lines. Untagged, the lines look the same as before in other hosts.
 */
import { format } from 'node:util';
import type Mocha from 'mocha';
import { CONSOLE_TAG, ENV_TAG_CONSOLE } from '../../protocol';

const tagging = process.env[ENV_TAG_CONSOLE] === '1';

function writer(method: 'log' | 'error'): (...args: unknown[]) => void {
  return (...args) => console[method](tagging ? `${CONSOLE_TAG}${method} ${format(...args)}` : format(...args));
}

/** console.log for the suite: tagged in the web runner. */
export const log = writer('log');
/** console.error for the suite: tagged in the web runner. */
export const logError = writer('error');

/** Sends mocha's reporters through {@link log} (they all print with `Base.consoleLog`). */
export function tagMochaOutput(mocha: typeof Mocha): void {
  (mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = log;
}
