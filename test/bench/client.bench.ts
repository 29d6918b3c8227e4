/**
 * The REST client against the sandbox: creating 10,000 workers, then listing them page by page with `list()` at
 * PageSize 50 and 1000. Prints the creation rate, the time per page (median, p95) and the client's heap sampled
 * at every page boundary, to show that `list()` is lazy: memory stays flat however many workers there are.
 *
 * The sandbox runs in a child process (the CLI on port 0), so the heap figures are the client's alone. Heap samples
 * are taken after a forced garbage collection, so they show what is retained, not the garbage of the last page.
 * Loopback only, bounded in count. Prints figures; never fails on a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as readline from 'node:readline';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TaskRouterClient, type RequestLogEvent, type Worker } from '../../client/src/api';

const WORKERS = 10_000;
const CREATE_CONCURRENCY = 16;
const PAGE_SIZES = [50, 1000];
const READY_TIMEOUT_MS = 30_000;

/** A forced GC: `global.gc` when node runs with --expose-gc, else enabled here for this process. */
function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Time spent in forced GCs, so listing times can leave it out. */
let gcNanos = 0n;

function heapMb(gc: () => void): number {
  const started = process.hrtime.bigint();
  gc();
  gcNanos += process.hrtime.bigint() - started;
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(values: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `sandbox/src/main.ts` on port 0 and waits (with a deadline) for its "listening on" line. */
async function startSandboxProcess(accountSid: string, authToken: string): Promise<Child> {
  const main = path.join(__dirname, '..', '..', 'sandbox', 'src', 'main.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', main, '--port', '0', '--account-sid', accountSid, '--auth-token', authToken],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the sandbox did not print its "listening on" line within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^TaskRouter sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (code ${String(code)}) before it was ready`));
    });
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function run(): Promise<void> {
  const gc = gcFunction();
  const accountSid = 'AC' + randomBytes(16).toString('hex');
  const authToken = randomBytes(16).toString('hex');
  const sandbox = await startSandboxProcess(accountSid, authToken);
  try {
    // Durations of successful GETs of the worker list, as the client measured them (request and body).
    let pageTimes: number[] = [];
    const createTimes: number[] = [];
    let failures = 0;
    const logger = (e: RequestLogEvent): void => {
      if (e.status === undefined || e.status >= 400) failures++;
      else if (e.method === 'GET' && e.path.endsWith('/Workers')) pageTimes.push(e.durationMs);
      else if (e.method === 'POST' && e.path.endsWith('/Workers')) createTimes.push(e.durationMs);
    };
    const client = new TaskRouterClient(accountSid, authToken, { baseUrl: sandbox.url, logger });
    const ws = await client.workspaces.create({ friendlyName: 'Client bench', template: 'FIFO' });
    const workers = client.workers(ws.sid);

    // ------------------------------------------------------------------ creation
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CREATE_CONCURRENCY }, async () => {
        while (next < WORKERS) {
          const n = next++;
          await workers.create({ friendlyName: `agent-${n}`, attributes: { n, skills: ['en', n % 2 ? 'es' : 'fr'] } });
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const c = stats(createTimes);
    console.log(
      `create: ${WORKERS} workers, ${CREATE_CONCURRENCY} in flight, in ${fmt(seconds, 2)} s = ` +
        `${fmt(WORKERS / seconds, 0)} workers/s (per request: median ${fmt(c.median)} ms, p95 ${fmt(c.p95)} ms)`,
    );

    // ------------------------------------------------------------------ lazy listing
    for (const pageSize of PAGE_SIZES) {
      pageTimes = [];
      const heap: number[] = [];
      const baseline = heapMb(gc);
      let count = 0;
      let lastName = '';
      const listStarted = process.hrtime.bigint();
      const gcBefore = gcNanos;
      for await (const worker of workers.list({ pageSize })) {
        // Only a count and the last name are kept: nothing of earlier pages is retained.
        if (count % pageSize === 0) heap.push(heapMb(gc));
        count++;
        lastName = worker.friendlyName;
      }
      const listSeconds = Number(process.hrtime.bigint() - listStarted - (gcNanos - gcBefore)) / 1e9;
      const afterListing = heapMb(gc);
      const p = stats(pageTimes);
      const h = stats(heap);
      console.log(
        `list PageSize ${pageSize}: ${count} workers (last ${lastName}) in ${pageTimes.length} pages, ` +
          `${fmt(listSeconds, 2)} s without the forced GCs; per page median ${fmt(p.median)} ms, p95 ${fmt(p.p95)} ms, max ${fmt(p.max)} ms`,
      );
      console.log(
        `  heap used at each page (after GC, the current page held): first page ${fmt(heap[0])} MB, ` +
          `last page ${fmt(heap[heap.length - 1])} MB, min ${fmt(h.min)} / median ${fmt(h.median)} / ` +
          `max ${fmt(h.max)} MB over ${heap.length} pages; before listing ${fmt(baseline)} MB, after ${fmt(afterListing)} MB`,
      );
    }

    // ------------------------------------------------------------------ for contrast: keeping every item
    const before = heapMb(gc);
    const kept: Worker[] = [];
    for await (const worker of workers.list({ pageSize: 1000 })) kept.push(worker);
    const after = heapMb(gc);
    console.log(
      `for contrast, collecting all ${kept.length} workers into an array retains ${fmt(after - before)} MB ` +
        `(${fmt(((after - before) * 1024 * 1024) / kept.length / 1024, 2)} KB per worker)`,
    );
    kept.length = 0;
    if (failures > 0) console.log(`requests answered with an error or not at all: ${failures}`);
  } finally {
    await sandbox.stop();
  }
}
