import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock, startSandbox } from '../../../sandbox/src/index';
import { basicAuth, fifoWorkspace, harness, request } from './helpers';

describe('sandbox: persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-sandbox-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged change across a restart, with the same Account SID', async () => {
    const dataFile = path.join(dir, 'state.json');
    const clock = new ManualClock(Date.UTC(2024, 5, 1, 12, 0, 0));
    const h1 = await harness({ dataFile, clock, authToken: 'token-one-123' });
    const f = await fifoWorkspace(h1);
    const k = await h1.call('POST', `/v1/Workspaces/${f.ws}/Workers`, {
      FriendlyName: 'alice',
      Attributes: '{"skills":["a"]}',
      ActivitySid: f.activities.Available,
    });
    const t = await h1.call('POST', `/v1/Workspaces/${f.ws}/Tasks`, { Attributes: '{"n":1}', Timeout: '600' });
    // The file is written before the response: it already holds the task and its reservation.
    const onDisk = fs.readFileSync(dataFile, 'utf8');
    assert.ok(onDisk.includes(t.body.sid));
    assert.ok(onDisk.includes('"reservation_status":"pending"'));
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n !== 'state.json'),
      [],
      'no temporary file is left behind',
    );
    const accountSid = h1.sandbox.accountSid;
    await h1.close();

    const h2 = await harness({ dataFile, clock, authToken: 'token-two-456' });
    assert.equal(h2.sandbox.accountSid, accountSid);
    const worker = await h2.get(`/v1/Workspaces/${f.ws}/Workers/${k.body.sid}`);
    assert.equal(worker.status, 200);
    assert.equal(worker.body.attributes, '{"skills":["a"]}');
    const task = await h2.get(`/v1/Workspaces/${f.ws}/Tasks/${t.body.sid}`);
    assert.equal(task.body.assignment_status, 'reserved');
    const rs = await h2.get(`/v1/Workspaces/${f.ws}/Tasks/${t.body.sid}/Reservations`);
    assert.equal(rs.body.reservations[0].worker_sid, k.body.sid);
    // Time-based routing resumes after the restart: the task TTL still cancels it.
    h2.sandbox.advance(600_000);
    assert.equal((await h2.get(`/v1/Workspaces/${f.ws}/Tasks/${t.body.sid}`)).body.assignment_status, 'canceled');
    // Paging by token still works on the restored state.
    for (let i = 0; i < 3; i++) await h2.call('POST', `/v1/Workspaces/${f.ws}/Workers`, { FriendlyName: `w${i}` });
    const page = await h2.get(`/v1/Workspaces/${f.ws}/Workers`, { PageSize: '2' });
    assert.ok(page.body.meta.next_page_url);
    await h2.close();
  });

  it('undoes a change the data file could not take, answers 500, and takes changes again once it can write', async () => {
    const dataFile = path.join(dir, 'state.json');
    const h = await harness({ dataFile });
    const f = await fifoWorkspace(h);
    const k = await h.call('POST', `/v1/Workspaces/${f.ws}/Workers`, { FriendlyName: 'alice' });
    // A non-empty folder where the data file was: the atomic rename over it fails, whoever runs the test.
    const aside = path.join(dir, 'aside.json');
    fs.renameSync(dataFile, aside);
    fs.mkdirSync(dataFile);
    fs.writeFileSync(path.join(dataFile, 'blocker'), '');

    const renamed = await h.call('POST', `/v1/Workspaces/${f.ws}/Workers/${k.body.sid}`, { FriendlyName: 'bob' });
    assert.equal(renamed.status, 500);
    assert.match(String(renamed.body.message), /could not write its data file.*the change was not made/);
    const created = await h.call('POST', `/v1/Workspaces/${f.ws}/Workers`, { FriendlyName: 'carol' });
    assert.equal(created.status, 500);
    // Nothing of either refused change is visible: the state is what was last written.
    assert.equal((await h.get(`/v1/Workspaces/${f.ws}/Workers/${k.body.sid}`)).body.friendly_name, 'alice');
    const names = (await h.get(`/v1/Workspaces/${f.ws}/Workers`)).body.workers.map(
      (w: { friendly_name: string }) => w.friendly_name,
    );
    assert.deepEqual(names, ['alice']);

    fs.rmSync(dataFile, { recursive: true });
    fs.renameSync(aside, dataFile);
    const again = await h.call('POST', `/v1/Workspaces/${f.ws}/Workers/${k.body.sid}`, { FriendlyName: 'bob' });
    assert.equal(again.status, 200);
    assert.ok(fs.readFileSync(dataFile, 'utf8').includes('"bob"'));
    await h.close();
  });

  it('refuses a data file it did not write, without touching it', async () => {
    const dataFile = path.join(dir, 'other.json');
    fs.writeFileSync(dataFile, '{"hello":"world"}');
    await assert.rejects(harness({ dataFile }), /not written by this sandbox/);
    assert.equal(fs.readFileSync(dataFile, 'utf8'), '{"hello":"world"}');
  });

  it('refuses to start when the data file cannot be written, instead of failing the first change', async () => {
    const dataFile = path.join(dir, 'missing-folder', 'state.json');
    // Closed again if it starts after all, so a failure here does not keep the test run alive.
    const started = startSandbox({ port: 0, dataFile }).then(async (sandbox) => {
      await sandbox.close();
      return sandbox;
    });
    await assert.rejects(started, (err: Error) => err.message.includes(dataFile) && /cannot write/i.test(err.message));
  });

  it('writes the data file at start, so a restart keeps the made-up Account SID even without changes', async () => {
    const dataFile = path.join(dir, 'fresh.json');
    const s1 = await startSandbox({ port: 0, dataFile });
    assert.ok(fs.existsSync(dataFile));
    await s1.close();
    const s2 = await startSandbox({ port: 0, dataFile });
    assert.equal(s2.accountSid, s1.accountSid);
    await s2.close();
  });

  it('keeps state in memory only without a data file', async () => {
    const h1 = await harness();
    await fifoWorkspace(h1);
    await h1.close();
    const h2 = await harness();
    assert.equal((await h2.get('/v1/Workspaces')).body.workspaces.length, 0);
    await h2.close();
  });
});

describe('sandbox: persistence under a crash', function () {
  // Starts a node + tsx process; slow machines need more than the default.
  this.timeout(60000);

  it('loses nothing acknowledged when the process is killed mid-load (SIGKILL)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-sandbox-crash-'));
    const dataFile = path.join(dir, 'state.json');
    const sid = 'AC' + 'c'.repeat(32);
    const token = 'crash-token-1';
    const root = path.resolve(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'sandbox/src/main.ts'),
        '--port',
        '0',
        '--account-sid',
        sid,
        '--auth-token',
        token,
        '--data',
        dataFile,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const deadline = Date.now() + 15000;
      while (!/listening on (http:\S+)/.test(out)) {
        if (Date.now() > deadline) throw new Error(`sandbox did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const url = /listening on (http:\S+)/.exec(out)![1];
      const auth = basicAuth(sid, token);
      const ws = await request(`${url}/v1/Workspaces`, 'POST', auth, { FriendlyName: 'crash' });
      const acknowledged: string[] = [];
      let killed = false;
      const writer = async (n: number) => {
        for (let i = 0; i < 200 && !killed; i++) {
          try {
            const res = await request(`${url}/v1/Workspaces/${ws.body.sid}/Workers`, 'POST', auth, {
              FriendlyName: `w-${n}-${i}`,
            });
            if (res.status === 201) acknowledged.push(res.body.sid);
          } catch {
            return; // the connection died with the process
          }
          if (acknowledged.length >= 60 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(writer));
      await exited;
      assert.ok(acknowledged.length >= 60);
      const restarted = await startSandbox({ port: 0, accountSid: sid, authToken: token, dataFile });
      try {
        assert.deepEqual(fs.readdirSync(dir), ['state.json'], 'a temporary file left by the crash is cleaned up');
        const list = await request(`${restarted.url}/v1/Workspaces/${ws.body.sid}/Workers?PageSize=1000`, 'GET', auth);
        const stored = new Set(list.body.workers.map((w: { sid: string }) => w.sid));
        const lost = acknowledged.filter((s) => !stored.has(s));
        assert.deepEqual(lost, [], `${lost.length} acknowledged creates lost`);
      } finally {
        await restarted.close();
      }
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
