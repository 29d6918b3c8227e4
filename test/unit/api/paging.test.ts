import { strict as assert } from 'node:assert';
import { WK, WS, clientFor, listBody, startServer, workerJson, type TestServer } from './helpers';

const sids = Array.from({ length: 7 }, (_, i) => `WK${String(i).padStart(32, '0')}`);

/** Serves `sids` as workers, `PageSize` per page, with next_page_url pointing at `origin`. */
function workerPages(origin: () => string) {
  return (req: { path: string; query: URLSearchParams }) => {
    const size = Number(req.query.get('PageSize') ?? '50');
    const token = Number(req.query.get('PageToken') ?? '0');
    const items = sids.slice(token, token + size).map((sid, i) => workerJson(sid, `worker ${token + i}`));
    const next =
      token + size < sids.length
        ? `${origin()}/v1/Workspaces/${WS}/Workers?PageSize=${size}&Page=${token / size + 1}&PageToken=${token + size}`
        : null;
    return { body: listBody('workers', items, next) };
  };
}

describe('REST client: paging', () => {
  let server: TestServer;
  let origin = '';

  beforeEach(async () => {
    server = await startServer((req) => workerPages(() => origin)(req));
    origin = server.baseUrl;
  });
  afterEach(() => server.close());

  it('page() returns items and a next page that follows next_page_url', async () => {
    const workers = clientFor(server).workers(WS);
    const first = await workers.page({ pageSize: 3 });
    assert.deepEqual(
      first.items.map((w) => w.sid),
      sids.slice(0, 3),
    );
    assert.equal(first.hasNextPage, true);
    assert.match(first.nextPageUrl!, /PageToken=3$/);
    const second = await first.nextPage();
    assert.deepEqual(
      second!.items.map((w) => w.sid),
      sids.slice(3, 6),
    );
    const third = await second!.nextPage();
    assert.deepEqual(
      third!.items.map((w) => w.sid),
      sids.slice(6),
    );
    assert.equal(third!.hasNextPage, false);
    assert.equal(third!.nextPageUrl, null);
    assert.equal(await third!.nextPage(), null);
    assert.deepEqual(
      server.requests.map((r) => r.query.get('PageToken')),
      [null, '3', '6'],
    );
  });

  it('list() is lazy: page 2 is fetched only when iteration reaches it', async () => {
    const iterator = clientFor(server).workers(WS).list({ pageSize: 3 });
    assert.equal(server.requests.length, 0, 'nothing is fetched before iteration starts');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await iterator.next();
      seen.push((r.value as { sid: string }).sid);
    }
    assert.equal(server.requests.length, 1, 'the first three items come from page 1 only');
    const fourth = await iterator.next();
    seen.push((fourth.value as { sid: string }).sid);
    assert.equal(server.requests.length, 2, 'the fourth item needs page 2');
    for await (const w of iterator) seen.push(w.sid);
    assert.deepEqual(seen, sids);
    assert.equal(server.requests.length, 3);
  });

  it('list({ limit }) stops after limit items and fetches no more pages than needed', async () => {
    const out: string[] = [];
    for await (const w of clientFor(server).workers(WS).list({ limit: 4, pageSize: 3 })) out.push(w.sid);
    assert.deepEqual(out, sids.slice(0, 4));
    assert.equal(server.requests.length, 2);
  });

  it('list({ limit }) without pageSize uses the limit as the page size', async () => {
    const out: string[] = [];
    for await (const w of clientFor(server).workers(WS).list({ limit: 2 })) out.push(w.sid);
    assert.deepEqual(out, sids.slice(0, 2));
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.query.get('PageSize'), '2');
  });

  it('breaking out of list() stops fetching', async () => {
    for await (const w of clientFor(server).workers(WS).list({ pageSize: 2 })) {
      if (w.sid === sids[1]) break;
    }
    assert.equal(server.requests.length, 1);
  });

  it('keeps credentials on the configured host when next_page_url names another origin', async () => {
    origin = 'https://evil.example.invalid';
    const all: string[] = [];
    for await (const w of clientFor(server).workers(WS).list({ pageSize: 5 })) all.push(w.sid);
    assert.deepEqual(all, sids);
    assert.equal(server.requests.length, 2, 'the second page was requested from the test server, re-based');
    assert.equal(server.requests[1]!.path, `/v1/Workspaces/${WS}/Workers`);
    assert.equal(server.requests[1]!.query.get('PageToken'), '5');
  });

  it('pageAt() accepts a path and an absolute URL', async () => {
    const workers = clientFor(server).workers(WS);
    const a = await workers.pageAt(`/v1/Workspaces/${WS}/Workers?PageSize=2&PageToken=2`);
    const b = await workers.pageAt(`${server.baseUrl}/v1/Workspaces/${WS}/Workers?PageSize=2&PageToken=4`);
    assert.deepEqual(
      [...a.items, ...b.items].map((w) => w.sid),
      sids.slice(2, 6),
    );
  });

  it('stops with an error when a server repeats the same next_page_url', async () => {
    await server.close();
    server = await startServer(() => ({
      body: listBody('workers', [workerJson(WK, 'a')], `/v1/Workspaces/${WS}/Workers?PageToken=same`),
    }));
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const w of clientFor(server).workers(WS).list()) seen.push(w.sid);
      })(),
      /workers\.list: the server sent the same next_page_url twice/,
    );
    assert.equal(seen.length, 2);
    assert.equal(server.requests.length, 2);
  });

  it('reads items under meta.key and fails clearly on a body without the list', async () => {
    await server.close();
    server = await startServer((req) =>
      req.query.get('PageSize') === '1'
        ? { body: { meta: { key: 'workers', next_page_url: null }, workers: [workerJson(WK, 'a')] } }
        : { body: { meta: { next_page_url: null } } },
    );
    const workers = clientFor(server).workers(WS);
    assert.equal((await workers.page({ pageSize: 1 })).items[0]!.sid, WK);
    await assert.rejects(workers.page({ pageSize: 2 }), /workers: the list response has no "workers" array/);
  });
});
