/**
 * Reliability: a scripted sequence of 500 operations (creates, updates, reads, deletes and lists of workers, task
 * queues, tasks and activities) through the REST client, against a sandbox that answers 30% of requests with 429 or
 * 503 and stalls a few, behind a proxy that also loses the answer of some POSTs after the sandbox processed them.
 *
 * The client retries what is safe (429 always; 5xx, timeouts and broken connections for GET and DELETE and for
 * updates marked idempotent) and never re-sends a create that may have been processed. The script handles the rest
 * as a careful user would, and counts it:
 * - a create that failed ambiguously (503, timeout, broken connection) is looked up by its unique friendly name (or,
 *   for tasks, a unique attribute) before it is sent again;
 * - an update that failed ambiguously is re-read: if the server already shows the new values it is done, otherwise
 *   it is sent again (with the fresh ETag for workers and tasks);
 * - a delete the client gave up on is re-read: 404 means done.
 *
 * At the end the sandbox is closed and started again on the same data file without faults, and its state is
 * compared with what the script intended: every live resource exactly once, with its last update, and nothing that
 * was deleted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  NetworkError,
  TimeoutError,
  TwilioApiError,
  parseAttributes,
  type RequestLogEvent,
  type TaskRouterClient,
} from '../../../client/src/api';
import { startSandbox, type FaultKind, type Sandbox } from '../../../sandbox/src/index';
import { clientFor, collect } from './helpers';
import { seeded, startLossyProxy, type LossyProxy } from './lossyProxy';

const OPERATIONS = 500;
/** 429 and 503 each on 15% of requests. */
const FAULT_RATE_429_503 = 0.3;
/**
 * The sandbox picks a fault kind uniformly from `kinds`, so listing 429 and 503 ten times each and `stall` once
 * adds stalls on about 1.5% of requests on top of the 30%.
 */
const FAULT_KINDS: FaultKind[] = [...Array<FaultKind>(10).fill('429'), ...Array<FaultKind>(10).fill('503'), 'stall'];
const FAULT_RATE = (FAULT_RATE_429_503 * FAULT_KINDS.length) / (FAULT_KINDS.length - 1);
/** POSTs whose answer the proxy loses after the sandbox processed them. */
const POST_LOSS_RATE = 0.05;
/** The client's per-attempt timeout: short, so stalls cost little. */
const TIMEOUT_MS = 200;
/** How often the script itself tries one operation before the test gives up. */
const USER_ATTEMPTS = 25;

type Kind = 'worker' | 'queue' | 'task' | 'activity';
type Verb = 'create' | 'update' | 'read' | 'delete' | 'list';

interface WorkerModel {
  sid: string;
  name: string;
  version: number;
  etag: string | null;
}
interface QueueModel {
  sid: string;
  name: string;
  maxReservedWorkers: number;
  targetWorkers: string;
}
interface TaskModel {
  sid: string;
  op: string;
  version: number;
  etag: string | null;
}
interface ActivityModel {
  sid: string;
  name: string;
}

/** What went wrong with one attempt, from the caller's side. */
type Failure = 'not-processed' | 'ambiguous';

function classify(e: unknown): Failure | undefined {
  // Twilio never processes a request it answers with 429.
  if (e instanceof TwilioApiError && e.status === 429) return 'not-processed';
  if (e instanceof TwilioApiError && e.status >= 500) return 'ambiguous';
  if (e instanceof TimeoutError || e instanceof NetworkError) {
    return e.mayHaveBeenProcessed ? 'ambiguous' : 'not-processed';
  }
  return undefined;
}

function isNotFound(e: unknown): boolean {
  return e instanceof TwilioApiError && e.status === 404;
}

describe('integration: reliability with injected faults', function () {
  // Usually a few seconds; the margin is for slow machines, not a figure.
  this.timeout(120_000);

  let dir: string | undefined;
  let faulty: Sandbox | undefined;
  let proxy: LossyProxy | undefined;
  let clean: Sandbox | undefined;

  after(async () => {
    await proxy?.close();
    await faulty?.close();
    await clean?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`completes ${OPERATIONS} scripted operations with 30% 429/503 (plus stalls and lost answers): no duplicated creates, no lost updates`, async () => {
    // The data file only lets a second, fault-free sandbox read the final state; tmpfs (when there is one) keeps
    // the sandbox's per-change fsync cheap.
    const tmp = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
    dir = fs.mkdtempSync(path.join(tmp, 'taskrouter-reliability-'));
    const dataFile = path.join(dir, 'sandbox.json');
    faulty = await startSandbox({ port: 0, dataFile, faults: { rate: FAULT_RATE, kinds: FAULT_KINDS, seed: 2024 } });
    proxy = await startLossyProxy(faulty.url, { postLossRate: POST_LOSS_RATE, seed: 7 });

    const clientRetries = { '429': 0, '503': 0, timeout: 0, network: 0 };
    const logger = (event: RequestLogEvent): void => {
      if (event.retryInMs === undefined) return;
      if (event.status === 429) clientRetries['429']++;
      else if (event.status !== undefined && event.status >= 500) clientRetries['503']++;
      else if (event.error?.startsWith('timed out')) clientRetries.timeout++;
      else clientRetries.network++;
    };
    const client: TaskRouterClient = clientFor(
      { url: proxy.url, accountSid: faulty.accountSid, authToken: faulty.authToken },
      {
        timeoutMs: TIMEOUT_MS,
        // Short waits so the test runs in seconds; 8 attempts make a read that fails every time rare (0.3^8).
        retry: { maxAttempts: 8, baseDelayMs: 2, maxDelayMs: 20, maxElapsedMs: 20_000 },
        logger,
      },
    );

    /** What the script did about failures the client did not (or could not) retry away. */
    const user = {
      resentAfter429: 0,
      ambiguousCreates: 0,
      createsFoundDone: 0,
      createsResent: 0,
      ambiguousUpdates: 0,
      updatesFoundApplied: 0,
      updatesResent: 0,
      deletesGivenUp: 0,
      deletesFoundDone: 0,
      deletesResent: 0,
      readsRepeated: 0,
    };
    const intended: Record<Verb, number> = { create: 0, update: 0, read: 0, delete: 0, list: 0 };

    /** A read, repeated while it fails for a transient reason (the client has already retried it). */
    async function read<T>(fn: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn();
        } catch (e) {
          if (!classify(e) || attempt >= USER_ATTEMPTS) throw e;
          user.readsRepeated++;
        }
      }
    }

    /** A create that is never repeated blindly: after an ambiguous failure, look it up first. */
    async function createOnce<T>(
      what: string,
      send: () => Promise<T>,
      lookup: () => Promise<T | undefined>,
    ): Promise<T> {
      for (let attempt = 1; attempt <= USER_ATTEMPTS; attempt++) {
        try {
          return await send();
        } catch (e) {
          const failure = classify(e);
          if (!failure) throw e;
          if (failure === 'not-processed') {
            user.resentAfter429++;
            continue;
          }
          user.ambiguousCreates++;
          const found = await read(lookup);
          if (found !== undefined) {
            user.createsFoundDone++;
            return found;
          }
          user.createsResent++;
        }
      }
      throw new Error(`create of ${what} did not succeed in ${USER_ATTEMPTS} attempts`);
    }

    /**
     * An update: after an ambiguous failure, re-read; done when the server already shows it, else sent again with
     * what was just read (its ETag).
     */
    async function updateOnce<T>(
      what: string,
      send: (current: T | undefined) => Promise<T>,
      fetch: () => Promise<T>,
      applied: (current: T) => boolean,
    ): Promise<T> {
      let current: T | undefined;
      for (let attempt = 1; attempt <= USER_ATTEMPTS; attempt++) {
        try {
          return await send(current);
        } catch (e) {
          const failure = classify(e);
          if (!failure) throw e;
          if (failure === 'not-processed') {
            user.resentAfter429++;
            continue;
          }
          user.ambiguousUpdates++;
          current = await read(fetch);
          if (applied(current)) {
            user.updatesFoundApplied++;
            return current;
          }
          user.updatesResent++;
        }
      }
      throw new Error(`update of ${what} did not succeed in ${USER_ATTEMPTS} attempts`);
    }

    /** A delete (the client retries DELETE itself); if it still failed, re-read: 404 means it is gone. */
    async function deleteOnce(what: string, send: () => Promise<void>, fetch: () => Promise<unknown>): Promise<void> {
      for (let attempt = 1; attempt <= USER_ATTEMPTS; attempt++) {
        try {
          await send();
          return;
        } catch (e) {
          if (!classify(e)) throw e;
          user.deletesGivenUp++;
          try {
            await read(fetch);
          } catch (e2) {
            if (!isNotFound(e2)) throw e2;
            user.deletesFoundDone++;
            return;
          }
          user.deletesResent++;
        }
      }
      throw new Error(`delete of ${what} did not succeed in ${USER_ATTEMPTS} attempts`);
    }

    // The workspace itself is created the same careful way (its name is unique in the account).
    const ws = await createOnce(
      'the workspace',
      () => client.workspaces.create({ friendlyName: 'Reliability', template: 'FIFO' }),
      async () => (await collect(client.workspaces.list({ friendlyName: 'Reliability' })))[0],
    );
    const workflows = await read(() => collect(client.workflows(ws.sid).list()));
    assert.equal(workflows.length, 1);
    const workflowSid = workflows[0].sid;
    const workers = client.workers(ws.sid);
    const queues = client.taskQueues(ws.sid);
    const tasks = client.tasks(ws.sid);
    const activities = client.activities(ws.sid);

    const model = {
      worker: new Map<string, WorkerModel>(),
      queue: new Map<string, QueueModel>(),
      task: new Map<string, TaskModel>(),
      activity: new Map<string, ActivityModel>(),
    };
    const deleted: { kind: Kind; sid: string }[] = [];
    let serial = 0;
    const random = seeded(99);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

    const ops: Record<Kind, Record<Exclude<Verb, 'list'>, () => Promise<void>>> = {
      worker: {
        async create() {
          const name = `worker-${++serial}`;
          const w = await createOnce(
            name,
            () => workers.create({ friendlyName: name, attributes: { name, version: 0 } }),
            async () => (await collect(workers.list({ friendlyName: name })))[0],
          );
          model.worker.set(w.sid, { sid: w.sid, name, version: 0, etag: w.etag });
        },
        async update() {
          const m = pick([...model.worker.values()]);
          const version = m.version + 1;
          const attributes = { name: m.name, version };
          const w = await updateOnce(
            m.name,
            // If-Match with the ETag the script last saw: a change it did not make would be refused, not lost.
            async (current) =>
              workers.update(m.sid, { attributes }, { ifMatch: await etagOf(current ?? m, () => workers.get(m.sid)) }),
            () => workers.get(m.sid),
            (current) => parseAttributes(current).version === version,
          );
          m.version = version;
          m.etag = w.etag;
        },
        async read() {
          const m = pick([...model.worker.values()]);
          const w = await read(() => workers.get(m.sid));
          assert.deepEqual(parseAttributes(w), { name: m.name, version: m.version }, `worker ${m.name}`);
          m.etag = w.etag;
        },
        async delete() {
          const m = pick([...model.worker.values()]);
          await deleteOnce(
            m.name,
            () => workers.delete(m.sid),
            () => workers.get(m.sid),
          );
          model.worker.delete(m.sid);
          deleted.push({ kind: 'worker', sid: m.sid });
        },
      },
      queue: {
        async create() {
          const name = `queue-${++serial}`;
          const q = await createOnce(
            name,
            () => queues.create({ friendlyName: name, targetWorkers: `version >= 0`, maxReservedWorkers: 1 }),
            async () => (await collect(queues.list({ friendlyName: name })))[0],
          );
          model.queue.set(q.sid, { sid: q.sid, name, maxReservedWorkers: 1, targetWorkers: 'version >= 0' });
        },
        async update() {
          const m = pick([...model.queue.values()]);
          const maxReservedWorkers = (m.maxReservedWorkers % 50) + 1;
          const targetWorkers = `version >= ${maxReservedWorkers}`;
          // Absolute values, so repeating the update is harmless: marked idempotent, the client retries it itself.
          await updateOnce(
            m.name,
            () => queues.update(m.sid, { maxReservedWorkers, targetWorkers }, { idempotent: true }),
            () => queues.get(m.sid),
            (current) => current.maxReservedWorkers === maxReservedWorkers && current.targetWorkers === targetWorkers,
          );
          m.maxReservedWorkers = maxReservedWorkers;
          m.targetWorkers = targetWorkers;
        },
        async read() {
          const m = pick([...model.queue.values()]);
          const q = await read(() => queues.get(m.sid));
          assert.deepEqual(
            [q.friendlyName, q.maxReservedWorkers, q.targetWorkers],
            [m.name, m.maxReservedWorkers, m.targetWorkers],
            `queue ${m.name}`,
          );
        },
        async delete() {
          const m = pick([...model.queue.values()]);
          await deleteOnce(
            m.name,
            () => queues.delete(m.sid),
            () => queues.get(m.sid),
          );
          model.queue.delete(m.sid);
          deleted.push({ kind: 'queue', sid: m.sid });
        },
      },
      task: {
        async create() {
          // Tasks have no name: a unique attribute plays its part for the lookup.
          const op = `task-${++serial}`;
          const t = await createOnce(
            op,
            () => tasks.create({ workflowSid, attributes: { op, version: 0 } }),
            async () => (await collect(tasks.list({ evaluateTaskAttributes: `op == '${op}'` })))[0],
          );
          model.task.set(t.sid, { sid: t.sid, op, version: 0, etag: t.etag });
        },
        async update() {
          const m = pick([...model.task.values()]);
          const version = m.version + 1;
          const t = await updateOnce(
            m.op,
            async (current) =>
              tasks.update(
                m.sid,
                { attributes: { op: m.op, version }, priority: version },
                { ifMatch: await etagOf(current ?? m, () => tasks.get(m.sid)) },
              ),
            () => tasks.get(m.sid),
            (current) => parseAttributes(current).version === version,
          );
          m.version = version;
          m.etag = t.etag;
        },
        async read() {
          const m = pick([...model.task.values()]);
          const t = await read(() => tasks.get(m.sid));
          assert.deepEqual(
            [parseAttributes(t), t.priority, t.assignmentStatus],
            [{ op: m.op, version: m.version }, m.version, 'pending'],
            `task ${m.op}`,
          );
          m.etag = t.etag;
        },
        async delete() {
          const m = pick([...model.task.values()]);
          await deleteOnce(
            m.op,
            () => tasks.delete(m.sid),
            () => tasks.get(m.sid),
          );
          model.task.delete(m.sid);
          deleted.push({ kind: 'task', sid: m.sid });
        },
      },
      activity: {
        async create() {
          // Activity names need not be unique in TaskRouter: the script keeps its own unique, so it can look up.
          const name = `activity-${++serial}`;
          const a = await createOnce(
            name,
            () => activities.create({ friendlyName: name, available: false }),
            async () => (await collect(activities.list({ friendlyName: name })))[0],
          );
          model.activity.set(a.sid, { sid: a.sid, name });
        },
        async update() {
          const m = pick([...model.activity.values()]);
          const name = `activity-${++serial}`;
          await updateOnce(
            m.name,
            () => activities.update(m.sid, { friendlyName: name }, { idempotent: true }),
            () => activities.get(m.sid),
            (current) => current.friendlyName === name,
          );
          m.name = name;
        },
        async read() {
          const m = pick([...model.activity.values()]);
          const a = await read(() => activities.get(m.sid));
          assert.deepEqual([a.friendlyName, a.available], [m.name, false], `activity ${m.name}`);
        },
        async delete() {
          const m = pick([...model.activity.values()]);
          await deleteOnce(
            m.name,
            () => activities.delete(m.sid),
            () => activities.get(m.sid),
          );
          model.activity.delete(m.sid);
          deleted.push({ kind: 'activity', sid: m.sid });
        },
      },
    };

    /**
     * The ETag to send as If-Match: the one last seen, or (after a create found by a list lookup, whose items carry
     * none) the one a fresh get returns.
     */
    async function etagOf(
      seen: { etag: string | null },
      fetch: () => Promise<{ etag: string | null }>,
    ): Promise<string> {
      const etag = seen.etag ?? (await read(fetch)).etag;
      assert.ok(etag, 'the sandbox sends an ETag with a single task or worker');
      return etag;
    }

    /** A paged list of every worker (20 a page), compared with the model. */
    async function listWorkers(): Promise<void> {
      const all = await read(() => collect(workers.list({ pageSize: 20 })));
      assert.deepEqual(
        all.map((w) => w.friendlyName).sort(),
        [...model.worker.values()].map((m) => m.name).sort(),
        'the listed workers',
      );
    }

    const kinds: Kind[] = ['worker', 'worker', 'queue', 'task', 'task', 'activity'];
    const verbs: Exclude<Verb, 'list'>[] = [
      'create',
      'create',
      'create',
      'update',
      'update',
      'update',
      'read',
      'read',
      'delete',
    ];
    for (let i = 0; i < OPERATIONS; i++) {
      if (random() < 0.04) {
        intended.list++;
        await listWorkers();
        continue;
      }
      const kind = pick(kinds);
      let verb = pick(verbs);
      // Nothing of this kind to change yet: create one instead.
      if (verb !== 'create' && model[kind].size === 0) verb = 'create';
      intended[verb]++;
      await ops[kind][verb]();
    }

    const faultCounts = { ...faulty.stats };
    const lost = { ...proxy.lost };
    await proxy.close();
    proxy = undefined;
    await faulty.close();
    faulty = undefined;

    // ------------------------------------------------------------------ the state, read without faults
    clean = await startSandbox({ port: 0, dataFile });
    const reader = clientFor(clean);
    const serverWorkers = await collect(reader.workers(ws.sid).list({ pageSize: 1000 }));
    const serverQueues = await collect(reader.taskQueues(ws.sid).list({ pageSize: 1000 }));
    const serverTasks = await collect(reader.tasks(ws.sid).list({ pageSize: 1000 }));
    const defaultActivities = new Set(['Offline', 'Available', 'Unavailable']);
    const serverActivities = (await collect(reader.activities(ws.sid).list({ pageSize: 1000 }))).filter(
      (a) => !defaultActivities.has(a.friendlyName),
    );
    const fifoQueue = JSON.parse((await reader.workflows(ws.sid).get(workflowSid)).configuration) as {
      task_routing: { default_filter: { queue: string } };
    };
    const scriptQueues = serverQueues.filter((q) => q.sid !== fifoQueue.task_routing.default_filter.queue);

    /** Counts, per kind: resources under the same unique key more than once, missing ones, and wrong ones. */
    function compare<S, M>(
      found: S[],
      expected: Map<string, M>,
      keyOf: (s: S) => string,
      modelKey: (m: M) => string,
      same: (s: S, m: M) => boolean,
    ): { duplicated: number; missing: number; lostUpdates: number; unexpected: number } {
      const byKey = new Map<string, S[]>();
      for (const s of found) byKey.set(keyOf(s), [...(byKey.get(keyOf(s)) ?? []), s]);
      let duplicated = 0;
      let missing = 0;
      let lostUpdates = 0;
      for (const m of expected.values()) {
        const matches = byKey.get(modelKey(m)) ?? [];
        if (matches.length === 0) missing++;
        if (matches.length > 1) duplicated += matches.length - 1;
        if (matches.length >= 1 && !same(matches[0], m)) lostUpdates++;
      }
      const keys = new Set([...expected.values()].map(modelKey));
      const unexpected = found.filter((s) => !keys.has(keyOf(s))).length;
      return { duplicated, missing, lostUpdates, unexpected };
    }

    const result = {
      worker: compare(
        serverWorkers,
        model.worker,
        (w) => w.friendlyName,
        (m) => m.name,
        (w, m) => w.sid === m.sid && parseAttributes(w).version === m.version,
      ),
      queue: compare(
        scriptQueues,
        model.queue,
        (q) => q.friendlyName,
        (m) => m.name,
        (q, m) =>
          q.sid === m.sid && q.maxReservedWorkers === m.maxReservedWorkers && q.targetWorkers === m.targetWorkers,
      ),
      task: compare(
        serverTasks,
        model.task,
        (t) => String(parseAttributes(t).op),
        (m) => m.op,
        (t, m) => t.sid === m.sid && parseAttributes(t).version === m.version && t.priority === m.version,
      ),
      activity: compare(
        serverActivities,
        model.activity,
        (a) => a.sid,
        (m) => m.sid,
        (a, m) => a.friendlyName === m.name,
      ),
    };
    // Activities are compared by SID (their names change); their duplicates show up as unexpected extra ones.
    const activityNames = serverActivities.map((a) => a.friendlyName);
    assert.equal(new Set(activityNames).size, activityNames.length, 'no activity name twice');

    const liveSids = new Set(
      [...serverWorkers, ...serverQueues, ...serverTasks, ...serverActivities].map((r) => r.sid),
    );
    const resurrected = deleted.filter((d) => liveSids.has(d.sid)).length;

    const summary = {
      operations: intended,
      sandboxFaults: faultCounts,
      lostAnswers: lost,
      clientRetries,
      user,
      final: result,
      live: {
        workers: model.worker.size,
        queues: model.queue.size,
        tasks: model.task.size,
        activities: model.activity.size,
        deleted: deleted.length,
      },
    };
    console.log(`      reliability: ${JSON.stringify(summary)}`);

    assert.equal(
      Object.values(intended).reduce((a, b) => a + b, 0),
      OPERATIONS,
    );
    for (const [kind, r] of Object.entries(result)) {
      assert.deepEqual(r, { duplicated: 0, missing: 0, lostUpdates: 0, unexpected: 0 }, `${kind}s on the server`);
    }
    assert.equal(resurrected, 0, 'deleted resources stay deleted');
    assert.equal(
      scriptQueues.length,
      serverQueues.length - 1,
      'the FIFO queue is the only one the script did not make',
    );

    // The faults really happened, and every branch of the careful handling was taken.
    const requests = faultCounts.processed + faultCounts['429'] + faultCounts['503'] + faultCounts.stall;
    const rate = (faultCounts['429'] + faultCounts['503']) / requests;
    assert.ok(rate > 0.25 && rate < 0.35, `429/503 on ${(rate * 100).toFixed(1)}% of ${requests} requests`);
    assert.ok(faultCounts.stall > 0, 'some requests stalled');
    assert.ok(lost['503'] + lost.reset > 0, 'some processed POSTs lost their answer');
    assert.ok(clientRetries['429'] > 0 && clientRetries['503'] > 0 && clientRetries.timeout > 0);
    assert.ok(user.createsFoundDone > 0, 'some ambiguous creates had been processed: found, not repeated');
    assert.ok(user.createsResent > 0, 'some ambiguous creates had not been processed: sent again');
    assert.ok(user.ambiguousUpdates > 0, 'some updates failed ambiguously and were checked');
    assert.equal(
      user.createsFoundDone + user.createsResent,
      user.ambiguousCreates,
      'every ambiguous create was looked up before anything else was sent',
    );
  });
});
