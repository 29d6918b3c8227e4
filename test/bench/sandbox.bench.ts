/**
 * The sandbox's requests per second on loopback for a mixed read/write load: concurrent clients doing fetches,
 * list pages, worker updates and task creates (about 60% reads, 40% writes), in memory and with a data file.
 * Bounded in count and time, loopback only. Prints figures; never fails on a time.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/src/index';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function call(
  sb: Sandbox,
  method: string,
  urlPath: string,
  form?: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${sb.url}${urlPath}`,
      {
        method,
        agent,
        auth: `${sb.accountSid}:${sb.authToken}`,
        headers: body
          ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function measure(
  label: string,
  dataFile: string | undefined,
  totalRequests: number,
  concurrency: number,
): Promise<void> {
  const sb = await startSandbox({ ...(dataFile ? { dataFile } : {}) });
  try {
    const ws = JSON.parse(
      (await call(sb, 'POST', '/v1/Workspaces', { FriendlyName: 'Bench', Template: 'FIFO' })).body,
    ) as {
      sid: string;
    };
    const base = `/v1/Workspaces/${ws.sid}`;
    const workers: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await call(sb, 'POST', `${base}/Workers`, {
        FriendlyName: `seed-${i}`,
        Attributes: `{"level":${i % 10}}`,
      });
      workers.push((JSON.parse(res.body) as { sid: string }).sid);
    }
    let issued = 0;
    let errors = 0;
    const counts = { fetch: 0, list: 0, update: 0, create: 0 };
    const deadline = Date.now() + 20_000;
    const client = async (id: number) => {
      while (issued < totalRequests && Date.now() < deadline) {
        const n = issued++;
        const pick = n % 10;
        const worker = workers[(n * 7 + id) % workers.length];
        let res;
        if (pick < 4) {
          counts.fetch++;
          res = await call(sb, 'GET', `${base}/Workers/${worker}`);
        } else if (pick < 6) {
          counts.list++;
          res = await call(sb, 'GET', `${base}/Workers?PageSize=20`);
        } else if (pick < 8) {
          counts.update++;
          res = await call(sb, 'POST', `${base}/Workers/${worker}`, { Attributes: `{"level":${n % 10},"n":${n}}` });
        } else {
          counts.create++;
          res = await call(sb, 'POST', `${base}/Tasks`, { Attributes: `{"n":${n}}` });
        }
        if (res.status >= 400) errors++;
      }
    };
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const done = counts.fetch + counts.list + counts.update + counts.create;
    console.log(
      `${label}: ${done} requests (${counts.fetch} fetch, ${counts.list} list, ${counts.update} update, ${counts.create} create) ` +
        `by ${concurrency} clients in ${seconds.toFixed(2)} s = ${(done / seconds).toFixed(0)} req/s, ${errors} errors`,
    );
  } finally {
    await sb.close();
  }
}

export async function run(): Promise<void> {
  await measure('in memory', undefined, 5000, 16);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-sandbox-bench-'));
  try {
    await measure('with --data (fsync per write)', path.join(dir, 'state.json'), 1000, 16);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    agent.destroy();
  }
}
