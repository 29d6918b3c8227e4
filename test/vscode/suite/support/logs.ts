/**
 * VS Code's log files for this run. Both runners pass the folder in TASKROUTER_VSCODE_TEST_LOGS (the web runner: the
 * server's user-data logs; the Electron runner: the folder it gives VS Code as --logsPath).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV_LOGS_DIR } from '../../protocol';

export function logsFolder(): string {
  const folder = process.env[ENV_LOGS_DIR];
  if (!folder) throw new Error(`${ENV_LOGS_DIR} is not set: the runner must say where VS Code writes its logs`);
  return folder;
}

/** Every file below the logs folder. */
export function logFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(logsFolder());
  return files;
}

/** The extension host's own log (`remoteexthost.log` in the web runner, `exthost.log` on a desktop). */
export function extensionHostLog(): { file: string; text: string } | undefined {
  const file = logFiles().find((f) => /exthost\.log$/.test(path.basename(f)));
  return file ? { file, text: fs.readFileSync(file, 'utf8') } : undefined;
}

/** Lines that VS Code's loggers and the language client mark as errors. */
export function errorLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /\[error\b/i.test(line));
}
