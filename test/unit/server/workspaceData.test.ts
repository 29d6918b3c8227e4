/**
 * The server's cache of `taskrouter/workspaceData` answers, with a fake client and a fake clock: TTL, de-duplication,
 * answers without waiting long for interactive features, invalidation, and turning asking off after a failure.
 */
import { strict as assert } from 'node:assert';
import { WorkspaceDataCache, type WorkspaceDataOptions } from '../../../server/src/connection/workspaceData';
import type { WorkspaceDataResult } from '../../../server/src/protocol';
import { WORKSPACE } from './fixtures';

const A = 'file:///a.workflow.json';
const B = 'file:///b.workflow.json';

interface Deferred {
  uri: string;
  resolve(data: WorkspaceDataResult): void;
  reject(error: unknown): void;
}

function fixture(overrides: Partial<WorkspaceDataOptions> = {}) {
  let now = 1_000;
  const requests: Deferred[] = [];
  const failures: { error: unknown; uri: string }[] = [];
  const cache = new WorkspaceDataCache({
    request: (uri) =>
      new Promise((resolve, reject) => {
        requests.push({ uri, resolve, reject });
      }),
    onUnavailable: (error, uri) => failures.push({ error, uri }),
    ttlMs: 30_000,
    interactiveWaitMs: 20,
    now: () => now,
    ...overrides,
  });
  return { cache, requests, failures, advance: (ms: number) => (now += ms) };
}

describe('WorkspaceDataCache', () => {
  it('asks once for concurrent gets of one document, and per document', async () => {
    const { cache, requests } = fixture();
    const first = cache.get(A);
    const second = cache.get(A);
    const other = cache.get(B);
    assert.deepEqual(
      requests.map((r) => r.uri),
      [A, B],
    );
    requests[0].resolve(WORKSPACE);
    requests[1].resolve(null);
    assert.equal(await first, WORKSPACE);
    assert.equal(await second, WORKSPACE);
    assert.equal(await other, null);
  });

  it('keeps an answer (null too) for the TTL, then asks again', async () => {
    const { cache, requests, advance } = fixture();
    const first = cache.get(A);
    requests[0].resolve(null);
    await first;
    advance(29_999);
    assert.equal(await cache.get(A), null);
    assert.equal(requests.length, 1);
    advance(1);
    const again = cache.get(A);
    assert.equal(requests.length, 2);
    requests[1].resolve(WORKSPACE);
    assert.equal(await again, WORKSPACE);
  });

  it('peek: a stale answer at once while a fresh one is asked for; nothing after the wait when none came', async () => {
    const { cache, requests, advance } = fixture();
    const firstPeek = cache.peek(A);
    assert.equal(requests.length, 1);
    assert.equal(await firstPeek, null, 'no answer within the wait');
    requests[0].resolve(WORKSPACE);
    assert.equal(await cache.peek(A), WORKSPACE);
    advance(30_000);
    assert.equal(await cache.peek(A), WORKSPACE, 'the stale answer, without waiting');
    assert.equal(requests.length, 2, 'a fresh one is asked for');
    const updated = { ...WORKSPACE, queues: [] };
    requests[1].resolve(updated);
    await cache.get(A);
    assert.equal(await cache.peek(A), updated);
  });

  it('peek: the answer in flight when it comes within the wait', async () => {
    const { cache, requests } = fixture({ interactiveWaitMs: 10_000 });
    const peek = cache.peek(A);
    requests[0].resolve(WORKSPACE);
    assert.equal(await peek, WORKSPACE);
  });

  it('invalidate drops one document or all; an answer asked before the drop is not kept', async () => {
    const { cache, requests } = fixture();
    const a = cache.get(A);
    const b = cache.get(B);
    requests[0].resolve(WORKSPACE);
    requests[1].resolve(WORKSPACE);
    await Promise.all([a, b]);
    cache.invalidate(A);
    void cache.get(A);
    void cache.get(B);
    assert.deepEqual(
      requests.slice(2).map((r) => r.uri),
      [A],
    );
    cache.invalidate();
    requests[2].resolve(WORKSPACE);
    await new Promise((resolve) => setImmediate(resolve));
    void cache.get(A);
    void cache.get(B);
    assert.deepEqual(
      requests.slice(3).map((r) => r.uri),
      [A, B],
    );
  });

  it('a failed request turns asking off and reports it once', async () => {
    const { cache, requests, failures } = fixture();
    const a = cache.get(A);
    const b = cache.get(B);
    const error = new Error('Unhandled method taskrouter/workspaceData');
    requests[0].reject(error);
    requests[1].reject(error);
    assert.equal(await a, null);
    assert.equal(await b, null);
    assert.deepEqual(failures, [{ error, uri: A }]);
    assert.equal(cache.asking, false);
    assert.equal(await cache.get(A), null);
    assert.equal(await cache.peek(B), null);
    assert.equal(requests.length, 2, 'never asked again');
  });

  it('a request that throws at once (the connection closed) answers null and turns asking off', async () => {
    const closed = new Error('Connection is closed.');
    const { cache, failures } = fixture({
      request: () => {
        throw closed;
      },
    });
    assert.equal(await cache.get(A), null);
    assert.equal(await cache.peek(B), null);
    assert.deepEqual(failures, [{ error: closed, uri: A }]);
    assert.equal(cache.asking, false);
  });

  it('a report of the failure that throws (the connection closed) still answers null', async () => {
    const { cache, requests } = fixture({
      onUnavailable: () => {
        throw new Error('Connection is closed.');
      },
    });
    const a = cache.get(A);
    const b = cache.peek(A);
    requests[0].reject(new Error('Connection got disposed.'));
    assert.equal(await a, null);
    assert.equal(await b, null);
  });

  it('disable: never asks', async () => {
    const { cache, requests } = fixture();
    cache.disable();
    assert.equal(await cache.get(A), null);
    assert.equal(await cache.peek(A), null);
    assert.equal(requests.length, 0);
  });
});
