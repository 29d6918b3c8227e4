import { strict as assert } from 'node:assert';
import { PageLike, PagedList } from '../../../client/src/explorer/pagedList';

/** Pages over `0..total-1`, `size` per page; `failAt` makes the load of that page index fail once. */
function pager(total: number, size: number, options: { failAt?: number } = {}) {
  const calls: number[] = [];
  let failAt = options.failAt;
  const pageAt = async (index: number): Promise<PageLike<number>> => {
    calls.push(index);
    await Promise.resolve();
    if (failAt === index) {
      failAt = undefined;
      throw new Error(`page ${index} failed`);
    }
    const items = Array.from({ length: Math.max(0, Math.min(size, total - index * size)) }, (_, i) => index * size + i);
    const hasNextPage = (index + 1) * size < total;
    return { items, hasNextPage, nextPage: () => (hasNextPage ? pageAt(index + 1) : Promise.resolve(null)) };
  };
  return { calls, first: () => pageAt(0) };
}

describe('explorer/PagedList', () => {
  it('loads one page at a time and keeps the pages already loaded', async () => {
    const p = pager(5, 2);
    const list = new PagedList(p.first);
    assert.equal(list.state, 'idle');
    await list.loadMore();
    assert.deepEqual(list.items, [0, 1]);
    assert.equal(list.hasMore, true);
    await list.loadMore();
    await list.loadMore();
    assert.deepEqual(list.items, [0, 1, 2, 3, 4]);
    assert.equal(list.hasMore, false);
    await list.loadMore();
    assert.deepEqual(p.calls, [0, 1, 2]);
    assert.equal(list.state, 'loaded');
  });

  it('shares one load between concurrent callers', async () => {
    const p = pager(10, 3);
    const list = new PagedList(p.first);
    const a = list.loadMore();
    const b = list.loadMore();
    assert.equal(a, b);
    assert.equal(list.state, 'loading');
    await Promise.all([a, b]);
    assert.deepEqual(p.calls, [0]);
    assert.deepEqual(list.items, [0, 1, 2]);
  });

  it('keeps loaded items when a later page fails, and retries that page', async () => {
    const p = pager(6, 2, { failAt: 1 });
    const list = new PagedList(p.first);
    await list.loadMore();
    await list.loadMore();
    assert.equal(list.state, 'error');
    assert.match(String(list.error), /page 1 failed/);
    assert.deepEqual(list.items, [0, 1]);
    await list.loadMore();
    assert.equal(list.state, 'loaded');
    assert.deepEqual(list.items, [0, 1, 2, 3]);
    assert.deepEqual(p.calls, [0, 1, 1]);
  });

  it('a failed first page leaves nothing loaded and can be retried', async () => {
    const p = pager(1, 2, { failAt: 0 });
    const list = new PagedList(p.first);
    await list.loadMore();
    assert.equal(list.state, 'error');
    assert.equal(list.started, false);
    await list.loadMore();
    assert.deepEqual(list.items, [0]);
    assert.equal(list.hasMore, false);
  });

  it('discards a load that finishes after a reset', async () => {
    let release: (() => void) | undefined;
    const list = new PagedList<number>(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ items: [1], hasNextPage: false, nextPage: () => Promise.resolve(null) });
        }),
    );
    const pending = list.loadMore();
    list.reset();
    release?.();
    await pending;
    assert.deepEqual(list.items, []);
    assert.equal(list.state, 'idle');
  });

  it('replaces an item in place', async () => {
    const list = new PagedList(pager(3, 3).first);
    await list.loadMore();
    assert.equal(
      list.replace((n) => n === 1, 10),
      true,
    );
    assert.deepEqual(list.items, [0, 10, 2]);
    assert.equal(
      list.replace((n) => n === 7, 0),
      false,
    );
  });
});
