/**
 * The lint CLI, run as a real process through its TypeScript entry (lib/cli.ts via tsx), on the fixture files in
 * test/fixtures/workflow/.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = 'test/fixtures/workflow';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx lib/cli.ts ...args` and resolves when the process exits. */
function cli(...args: string[]): Promise<Run> {
  return cliWithInput(undefined, ...args);
}

/** Like `cli`, writing `input` to the process's standard input. */
function cliWithInput(input: string | undefined, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli.ts', ...args], { stdio: 'pipe' });
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('taskrouter-lint CLI', function () {
  // Each test starts node processes (tsx compiles the CLI on start-up).
  this.timeout(60_000);

  it('exits 0 and prints nothing for a valid file', async () => {
    const run = await cli(`${FIXTURES}/valid.json`);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '');
    assert.equal(run.code, 0);
  });

  it('prints file:line:col severity code message (1-based) and exits 1 on errors', async () => {
    const file = `${FIXTURES}/errors.json`;
    const run = await cli(file);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      `${file}:9:23 error malformed-queue-sid "WQ123" is not a queue SID: a queue SID is \`WQ\` followed by 32 hexadecimal digits, found 3.`,
      `${file}:10:24 error invalid-timeout \`timeout\` must be a positive number of seconds, found 0.`,
      `${file}:16:7 warning legacy-key \`task_queue_sid\` is a legacy key: write \`queue\`. Twilio's Console and documentation use \`queue\`; whether the API still reads \`task_queue_sid\` is not documented.`,
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await cli(`${FIXTURES}/warnings.json`);
    assert.equal(run.code, 0);
    const codes = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ')[2]);
    assert.deepEqual(codes, ['legacy-key', 'string-number']);
  });

  it('--format json prints an array of {file, ...diagnostic} for every file', async () => {
    const run = await cli('--format', 'json', `${FIXTURES}/valid.json`, `${FIXTURES}/not-json.json`);
    assert.equal(run.code, 1);
    const diagnostics = JSON.parse(run.stdout) as {
      file: string;
      code: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number } };
    }[];
    assert.deepEqual(
      diagnostics.map((d) => [d.file, d.code, d.severity, d.range.start]),
      [
        [`${FIXTURES}/not-json.json`, 'comment-not-allowed', 'error', { line: 1, character: 2 }],
        [`${FIXTURES}/not-json.json`, 'trailing-comma', 'error', { line: 3, character: 69 }],
      ],
    );
    const again = await cli(`--format=json`, `${FIXTURES}/valid.json`);
    assert.deepEqual(JSON.parse(again.stdout), []);
  });

  it('exits 2 with the usage on an unknown flag, a bad format, or no files', async () => {
    for (const args of [['--fast', `${FIXTURES}/valid.json`], ['--format', 'xml', `${FIXTURES}/valid.json`], []]) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^taskrouter-lint: (unknown option --fast|unknown format "xml"|no files given)/);
      assert.match(run.stderr, /Usage: taskrouter-lint/);
      assert.equal(run.stdout, '');
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await cli('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: taskrouter-lint \[--format text\|json\] FILE/);
  });

  it('exits 2 naming an unreadable file and why, and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskrouter-lint-'));
    try {
      const missing = join(dir, 'missing.json');
      const run = await cli(missing, dir, `${FIXTURES}/errors.json`);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`cannot read ${escape(missing)}: no such file`));
      assert.match(run.stderr, new RegExp(`cannot read ${escape(dir)}: it is a directory`));
      assert.match(run.stdout, /errors\.json:9:23 error malformed-queue-sid/);
      if (process.getuid?.() !== 0) {
        const locked = join(dir, 'locked.json');
        writeFileSync(locked, '{}');
        chmodSync(locked, 0);
        const denied = await cli(locked);
        assert.match(denied.stderr, /permission denied/);
        assert.equal(denied.code, 2);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads standard input for the file -', async () => {
    const run = await cliWithInput('{"task_routing": {"default_filter": {"queue": "WQ1"}}}', '-');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^-:1:48 error malformed-queue-sid /);
  });

  it('treats arguments after -- as files', async () => {
    const run = await cli('--', '--help');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read --help: no such file/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
