import { strict as assert } from 'node:assert';
import {
  NetworkError,
  RequestAbortedError,
  TaskRouterClient,
  TimeoutError,
  TwilioApiError,
  backoffDelay,
  parseRetryAfter,
  type RequestLogEvent,
} from '../../../client/src/api';
import { resolveRetryOptions } from '../../../client/src/api/retry';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  WK,
  WS,
  clientFor,
  listBody,
  startServer,
  workerJson,
  type Reply,
  type TestServer,
} from './helpers';

const ok = (): Reply => ({ status: 200, body: workerJson(WK, 'Jamie') });
const created = (): Reply => ({ status: 201, body: workerJson(WK, 'Jamie') });
const status = (code: number, headers?: Record<string, string>): Reply => ({
  status: code,
  body: { code: code === 429 ? 20429 : 20500, message: `status ${code}`, more_info: 'x', status: code },
  ...(headers ? { headers } : {}),
});

describe('REST client: retries', () => {
  let server: TestServer;
  /** Replies in order; the last one repeats. */
  let script: Reply[] = [];

  beforeEach(async () => {
    script = [];
    server = await startServer((_req, i) => script[Math.min(i, script.length - 1)] ?? ok());
  });
  afterEach(() => server.close());

  describe('429 is retried for every method', () => {
    it('POST create: 429, 429, then 201 -> one worker, three requests', async () => {
      script = [status(429), status(429), created()];
      const delays: number[] = [];
      const worker = await clientFor(server, { delays }).workers(WS).create({ friendlyName: 'Jamie' });
      assert.equal(worker.sid, WK);
      assert.equal(server.requests.length, 3);
      assert.ok(server.requests.every((r) => r.method === 'POST' && r.form.get('FriendlyName') === 'Jamie'));
      assert.equal(delays.length, 2);
    });

    it('GET and DELETE too', async () => {
      script = [status(429), ok()];
      await clientFor(server).workers(WS).get(WK);
      assert.equal(server.requests.length, 2);
      script = [status(429), { status: 204 }];
      await server.close();
      server = await startServer((_req, i) => script[Math.min(i, script.length - 1)]!);
      await clientFor(server).workers(WS).delete(WK);
      assert.equal(server.requests.length, 2);
    });
  });

  describe('5xx is retried only for GET and DELETE', () => {
    for (const code of [500, 502, 503, 504]) {
      it(`GET: ${code} then 200 -> retried`, async () => {
        script = [status(code), ok()];
        const w = await clientFor(server).workers(WS).get(WK);
        assert.equal(w.sid, WK);
        assert.equal(server.requests.length, 2);
      });
    }

    it('POST create: 503 is not retried (it may have been processed)', async () => {
      script = [status(503), created()];
      const err = await clientFor(server)
        .workers(WS)
        .create({ friendlyName: 'Jamie' })
        .catch((e: unknown) => e);
      assert.ok(err instanceof TwilioApiError);
      assert.equal(err.status, 503);
      assert.equal(server.requests.length, 1);
    });

    it('POST update: 500 is not retried unless marked idempotent', async () => {
      script = [status(500), status(500), ok()];
      await assert.rejects(clientFor(server).workers(WS).update(WK, { friendlyName: 'x' }), TwilioApiError);
      assert.equal(server.requests.length, 1);
      await clientFor(server).workers(WS).update(WK, { friendlyName: 'x' }, { idempotent: true });
      assert.equal(server.requests.length, 3);
    });

    it('DELETE: 503 then 204 -> retried', async () => {
      script = [status(503), { status: 204 }];
      await clientFor(server).tasks(WS).delete('WT1');
      assert.equal(server.requests.length, 2);
    });

    it('DELETE: 503 then 404 counts as deleted (the first attempt may have deleted it)', async () => {
      script = [status(503), { status: 404, body: { code: 20404, message: 'not found', status: 404 } }];
      await clientFor(server).tasks(WS).delete('WT1');
      assert.equal(server.requests.length, 2);
    });

    it('DELETE: a 404 on the first attempt is an error', async () => {
      script = [{ status: 404, body: { code: 20404, message: 'not found', status: 404 } }];
      await assert.rejects(clientFor(server).tasks(WS).delete('WT1'), (e: TwilioApiError) => e.code === 20404);
      assert.equal(server.requests.length, 1);
    });

    it('4xx other than 429 is never retried', async () => {
      script = [{ status: 400, body: { code: 20001, message: 'bad', status: 400 } }, ok()];
      await assert.rejects(clientFor(server).workers(WS).get(WK), TwilioApiError);
      assert.equal(server.requests.length, 1);
    });
  });

  describe('bounds', () => {
    it('stops after maxAttempts and throws the last error', async () => {
      script = [status(503)];
      const delays: number[] = [];
      const err = await clientFor(server, { delays, retry: { maxAttempts: 3 } })
        .workers(WS)
        .get(WK)
        .catch((e: unknown) => e);
      assert.ok(err instanceof TwilioApiError);
      assert.equal(err.status, 503);
      assert.equal(server.requests.length, 3);
      assert.equal(delays.length, 2);
    });

    it('uses exponential backoff with full jitter, capped by maxDelayMs', async () => {
      script = [status(503)];
      const delays: number[] = [];
      await assert.rejects(
        clientFor(server, {
          delays,
          retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 },
        })
          .workers(WS)
          .get(WK),
      );
      assert.deepEqual(delays, [50, 100, 200, 400, 500]);
      const opts = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });
      assert.equal(backoffDelay(0, opts), 99);
      assert.equal(backoffDelay(10, opts), 999);
      assert.equal(backoffDelay(3, resolveRetryOptions({ random: () => 0 })), 0);
    });

    it('stops when the next wait would pass maxElapsedMs', async () => {
      script = [status(503)];
      let clock = 0;
      const delays: number[] = [];
      const client = new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, {
        baseUrl: server.baseUrl,
        retry: {
          maxAttempts: 100,
          baseDelayMs: 500,
          maxDelayMs: 1000,
          maxElapsedMs: 3000,
          random: () => 0.99,
          now: () => clock,
          sleep: (ms) => {
            delays.push(ms);
            clock += ms;
            return Promise.resolve();
          },
        },
      });
      await assert.rejects(client.workers(WS).get(WK), (e: TwilioApiError) => e.status === 503);
      assert.deepEqual(delays, [495, 990, 990]);
      assert.equal(server.requests.length, 4);
    });
  });

  describe('Retry-After', () => {
    it('honours delta seconds', async () => {
      script = [status(429, { 'Retry-After': '3' }), ok()];
      const delays: number[] = [];
      await clientFor(server, { delays }).workers(WS).get(WK);
      assert.deepEqual(delays, [3000]);
    });

    it('honours an HTTP date', async () => {
      const now = Date.parse('2024-01-01T00:00:00Z');
      script = [status(503, { 'Retry-After': 'Mon, 01 Jan 2024 00:00:07 GMT' }), ok()];
      const delays: number[] = [];
      await clientFor(server, { delays, retry: { now: () => now } })
        .workers(WS)
        .get(WK);
      assert.deepEqual(delays, [7000]);
    });

    it('honours it for a POST answered with 429', async () => {
      script = [status(429, { 'Retry-After': '1' }), created()];
      const delays: number[] = [];
      await clientFor(server, { delays }).workers(WS).create({ friendlyName: 'x' });
      assert.deepEqual(delays, [1000]);
      assert.equal(server.requests.length, 2);
    });

    it('gives up at once when Retry-After is longer than the remaining budget', async () => {
      script = [status(429, { 'Retry-After': '120' }), ok()];
      const delays: number[] = [];
      const err = await clientFor(server, { delays, retry: { maxElapsedMs: 10_000 } })
        .workers(WS)
        .get(WK)
        .catch((e: unknown) => e);
      assert.ok(err instanceof TwilioApiError);
      assert.equal(err.status, 429);
      assert.equal(err.retryAfterMs, 120_000);
      assert.deepEqual(delays, []);
      assert.equal(server.requests.length, 1);
    });

    it('parses the header forms', () => {
      const now = Date.parse('2024-01-01T00:00:00Z');
      assert.equal(parseRetryAfter('2', now), 2000);
      assert.equal(parseRetryAfter('0.5', now), 500);
      assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:00:02 GMT', now), 2000);
      assert.equal(parseRetryAfter('Sun, 31 Dec 2023 00:00:00 GMT', now), 0);
      assert.equal(parseRetryAfter('soon', now), undefined);
      assert.equal(parseRetryAfter(null, now), undefined);
    });
  });

  describe('cancellation', () => {
    it('aborting during the backoff wait rejects at once and sends nothing more', async () => {
      script = [status(503), ok()];
      const controller = new AbortController();
      let sleeping: () => void = () => undefined;
      const asleep = new Promise<void>((resolve) => (sleeping = resolve));
      const client = new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, {
        baseUrl: server.baseUrl,
        retry: {
          // A sleep that never ends by itself and ignores the signal: the client must still stop waiting.
          sleep: () => {
            sleeping();
            return new Promise<void>(() => undefined);
          },
        },
      });
      const call = client.workers(WS).get(WK, { signal: controller.signal });
      await asleep;
      controller.abort();
      const err = await call.catch((e: unknown) => e);
      assert.ok(err instanceof RequestAbortedError);
      assert.equal(err.name, 'AbortError');
      assert.match(err.message, /cancelled while waiting to retry/);
      assert.equal(server.requests.length, 1);
    });

    it('the default sleep is cancellable too', async () => {
      script = [status(503), ok()];
      const controller = new AbortController();
      const events: RequestLogEvent[] = [];
      let retryScheduled: () => void = () => undefined;
      const scheduled = new Promise<void>((resolve) => (retryScheduled = resolve));
      const client = new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, {
        baseUrl: server.baseUrl,
        retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.99 },
        logger: (e) => {
          events.push(e);
          if (e.retryInMs !== undefined) retryScheduled();
        },
      });
      const call = client.workers(WS).get(WK, { signal: controller.signal });
      await scheduled;
      controller.abort();
      await assert.rejects(call, RequestAbortedError);
      assert.equal(server.requests.length, 1);
      assert.equal(events[0]!.status, 503);
      assert.ok(events[0]!.retryInMs! > 1000);
    });

    it('an already aborted signal sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(clientFor(server).workers(WS).get(WK, { signal: controller.signal }), RequestAbortedError);
      assert.equal(server.requests.length, 0);
    });

    it('aborting a request in flight rejects with RequestAbortedError', async () => {
      script = ['hang'];
      const controller = new AbortController();
      const call = clientFor(server).workers(WS).get(WK, { signal: controller.signal });
      await server.waitForRequests(1);
      controller.abort();
      await assert.rejects(call, RequestAbortedError);
      assert.equal(server.requests.length, 1);
    });

    it('list() passes the signal to every page', async () => {
      await server.close();
      server = await startServer((req) =>
        req.query.get('PageToken')
          ? 'hang'
          : { body: listBody('workers', [workerJson(WK, 'a')], `/v1/Workspaces/${WS}/Workers?PageToken=1`) },
      );
      const controller = new AbortController();
      const it = clientFor(server).workers(WS).list({ pageSize: 1 }, { signal: controller.signal });
      assert.equal((await it.next()).value.sid, WK);
      const second = it.next();
      await server.waitForRequests(2);
      controller.abort();
      await assert.rejects(second, RequestAbortedError);
    });
  });

  describe('timeouts and broken connections', () => {
    it('a POST that timed out is never re-sent', async () => {
      script = ['hang', created()];
      const delays: number[] = [];
      const err = await clientFor(server, { delays, timeoutMs: 100 })
        .workers(WS)
        .create({ friendlyName: 'Jamie' })
        .catch((e: unknown) => e);
      assert.ok(err instanceof TimeoutError);
      assert.equal(err.mayHaveBeenProcessed, true);
      assert.equal(err.method, 'POST');
      assert.match(
        err.message,
        new RegExp(`^POST /v1/Workspaces/${WS}/Workers timed out after 100 ms\\. The request may have been processed`),
      );
      assert.match(err.message, /was not sent again/);
      assert.equal(server.requests.length, 1);
      assert.deepEqual(delays, []);
    });

    it('a GET that timed out is retried', async () => {
      script = ['hang', ok()];
      const w = await clientFor(server, { timeoutMs: 100 }).workers(WS).get(WK);
      assert.equal(w.sid, WK);
      assert.equal(server.requests.length, 2);
    });

    it('a GET that keeps timing out ends with TimeoutError after maxAttempts', async () => {
      script = ['hang'];
      const err = await clientFor(server, { timeoutMs: 50, retry: { maxAttempts: 2 } })
        .workers(WS)
        .get(WK)
        .catch((e: unknown) => e);
      assert.ok(err instanceof TimeoutError);
      assert.match(err.message, /^GET \/v1\/Workspaces\/WS\w+\/Workers\/WK\w+ timed out after 50 ms \(2 attempts\)\.$/);
      assert.equal(server.requests.length, 2);
    });

    it('the per-attempt timeout is cut to the remaining total budget', async () => {
      script = ['hang'];
      const err = await clientFor(server, { timeoutMs: 60_000, retry: { maxElapsedMs: 80 } })
        .workers(WS)
        .get(WK)
        .catch((e: unknown) => e);
      assert.ok(err instanceof TimeoutError);
      assert.equal(err.timeoutMs, 80);
      assert.equal(server.requests.length, 1);
    });

    it('a connection reset after sending: GET retried, POST not', async () => {
      script = ['destroy', ok()];
      const w = await clientFor(server).workers(WS).get(WK);
      assert.equal(w.sid, WK);
      assert.equal(server.requests.length, 2);

      await server.close();
      script = ['destroy', created()];
      server = await startServer((_req, i) => script[Math.min(i, script.length - 1)]!);
      const err = await clientFor(server)
        .workers(WS)
        .create({ friendlyName: 'Jamie' })
        .catch((e: unknown) => e);
      assert.ok(err instanceof NetworkError);
      assert.equal(err.mayHaveBeenProcessed, true);
      assert.match(err.message, /^Network error on POST \/v1\/Workspaces\/WS\w+\/Workers: .*not sent again/);
      assert.equal(server.requests.length, 1);
    });

    it('a refused connection is retried even for POST (nothing was sent)', async () => {
      const probe = await startServer(() => ok());
      const url = probe.baseUrl;
      await probe.close();
      const delays: number[] = [];
      const err = await clientFor({ baseUrl: url }, { delays, retry: { maxAttempts: 3 } })
        .workers(WS)
        .create({ friendlyName: 'x' })
        .catch((e: unknown) => e);
      assert.ok(err instanceof NetworkError);
      assert.equal(err.mayHaveBeenProcessed, false);
      assert.equal(delays.length, 2);
    });
  });
});
