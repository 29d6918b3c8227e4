/**
 * The lint command behind `taskrouter-lint` (lib/cli.ts). Kept free of `process` so tests can run it directly.
 *
 *   taskrouter-lint [--format json|text] FILE...
 *
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage or a file that cannot be read.
 */
import { validateWorkflow } from '../server/src/language/workflow';
import type { Diagnostic } from '../server/src/language/workflow';

export const USAGE = `Usage: taskrouter-lint [--format text|json] FILE...

Validates TaskRouter workflow configuration files (JSON) and prints their diagnostics.
A FILE of - reads standard input.

Options:
  --format text   one line per diagnostic: FILE:LINE:COLUMN SEVERITY CODE MESSAGE (default)
  --format json   a JSON array of {file, range, severity, code, message} (0-based line/character)
  -h, --help      show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or a file that cannot be read.`;

export interface LintIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export type Format = 'text' | 'json';

interface Usage {
  format: Format;
  files: string[];
  help: boolean;
}

class UsageError extends Error {}

function parseArguments(args: readonly string[]): Usage {
  const usage: Usage = { format: 'text', files: [], help: false };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      usage.files.push(arg);
    } else if (arg === '--') {
      onlyFiles = true;
    } else if (arg === '--help' || arg === '-h') {
      usage.help = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value === undefined) throw new UsageError('--format needs a value: text or json');
      if (value !== 'text' && value !== 'json') {
        throw new UsageError(`unknown format ${JSON.stringify(value)}: use text or json`);
      }
      usage.format = value;
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!usage.help && usage.files.length === 0) throw new UsageError('no files given');
  return usage;
}

/** Runs the linter; returns the exit code. */
export function runLint(args: readonly string[], io: LintIo): number {
  let usage: Usage;
  try {
    usage = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`taskrouter-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (usage.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let unreadable = false;
  let errors = false;
  const results: (Diagnostic & { file: string })[] = [];
  for (const file of usage.files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.stderr(`taskrouter-lint: cannot read ${file}: ${readError(error)}\n`);
      unreadable = true;
      continue;
    }
    for (const diagnostic of validateWorkflow(stripBom(text)).diagnostics) {
      if (diagnostic.severity === 'error') errors = true;
      results.push({ file, ...diagnostic });
    }
  }
  if (usage.format === 'json') {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const d of results) io.stdout(`${formatText(d.file, d)}\n`);
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

/** `file:line:col severity code message`, 1-based line and column. */
function formatText(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Editors on Windows may save a byte-order mark; it is not part of the JSON. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
