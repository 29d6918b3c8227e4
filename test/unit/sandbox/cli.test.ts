import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { basicAuth, request } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'sandbox/src/main.ts');

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(output: () => string, pattern: RegExp, ms = 15000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = pattern.exec(output());
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sandbox: CLI', function () {
  // Each test starts node + tsx processes; slow machines need more than the default.
  this.timeout(60000);
  it('prints one ready line with made-up credentials (token hidden) and exits 0 on SIGTERM', async () => {
    const p = run(['--port', '0']);
    const [, url] = await waitFor(p.output, /TaskRouter sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const out = p.output();
    assert.equal(out.match(/TaskRouter sandbox listening on/g)!.length, 1);
    assert.match(out, /Account SID: AC[0-9a-f]{32}/);
    assert.doesNotMatch(out, /Auth Token: [0-9a-f]{32}/);
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('uses the given credentials and shows a made-up token only with --show-token; exits 0 on SIGINT', async () => {
    const sid = 'AC' + '1'.repeat(32);
    const key = 'SK' + '2'.repeat(32);
    const p = run([
      '--port',
      '0',
      '--account-sid',
      sid,
      '--auth-token',
      'given-token-1',
      '--api-key',
      key,
      '--api-secret',
      'key-secret-1',
    ]);
    const [, url] = await waitFor(p.output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    assert.doesNotMatch(p.output(), /given-token-1/);
    assert.equal((await request(`${url}/v1/Workspaces`, 'GET', basicAuth(sid, 'given-token-1'))).status, 200);
    assert.equal((await request(`${url}/v1/Workspaces`, 'GET', basicAuth(sid, 'other'))).status, 401);
    assert.equal((await request(`${url}/v1/Workspaces`, 'GET', basicAuth(key, 'key-secret-1'))).status, 200);
    assert.doesNotMatch(p.output(), /key-secret-1/);
    p.child.kill('SIGINT');
    assert.equal(await p.exited, 0);

    const shown = run(['--port', '0', '--show-token']);
    const [, token] = await waitFor(shown.output, /Auth Token: ([0-9a-f]{32})/);
    const [, sid2] = await waitFor(shown.output, /Account SID: (AC[0-9a-f]{32})/);
    const [, url2] = await waitFor(shown.output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    assert.equal((await request(`${url2}/v1/Workspaces`, 'GET', basicAuth(sid2, token))).status, 200);
    shown.child.kill('SIGTERM');
    assert.equal(await shown.exited, 0);
  });

  it('exits 2 with a clear usage error', async () => {
    const cases = [
      [['--port', 'abc'], /--port must be a number/],
      [['--account-sid', 'AC' + '1'.repeat(32)], /--account-sid and --auth-token go together/],
      [['--fault-rate', '2'], /--fault-rate must be a number from 0 to 1/],
      [['--fault-rate', '0.1', '--fault-kinds', '500'], /'500' is not one of 429, 503, stall/],
      [['--bogus'], /Unknown option '--bogus'/],
      [['--api-key', 'SK' + '1'.repeat(32)], /--api-key and --api-secret go together/],
    ] as [string[], RegExp][];
    // Started together: each is a separate process that exits at once.
    const runs = cases.map(([args]) => run(args));
    const codes = await Promise.all(runs.map((p) => p.exited));
    cases.forEach(([args, message], i) => {
      assert.equal(codes[i], 2, args.join(' '));
      assert.match(runs[i].output(), message);
      assert.match(runs[i].output(), /Usage: npm run sandbox/);
    });
  });
});
