/** `taskrouter-lint` (dist/cli.js): validates workflow configuration files. See lib/lint.ts for the options. */
import { readFileSync } from 'node:fs';
import { runLint } from './lint';

const code = runLint(process.argv.slice(2), {
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
