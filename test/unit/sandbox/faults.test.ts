import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/src/index';
import { basicAuth, harness, request } from './helpers';

describe('sandbox: fault injection', () => {
  it('answers the chosen fraction of requests with 429 or 503, deterministically, and never processes them', async () => {
    const outcomes: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const h = await harness({ faults: { rate: 0.3, kinds: ['429', '503'], seed: 42 } });
      const seen: string[] = [];
      let created = 0;
      for (let i = 0; i < 200; i++) {
        const res = await h.call('POST', '/v1/Workspaces', { FriendlyName: `ws-${i}` });
        seen.push(String(res.status));
        if (res.status === 201) created++;
        if (res.status === 429) {
          assert.deepEqual(res.body, {
            code: 20429,
            message: 'Too Many Requests',
            more_info: 'https://www.twilio.com/docs/errors/20429',
            status: 429,
          });
        }
        if (res.status === 503) assert.equal(res.body.status, 503);
      }
      const faults = seen.filter((s) => s === '429' || s === '503').length;
      // 30% of 200 with a fixed seed: a binomial count well inside [40, 80].
      assert.ok(faults >= 40 && faults <= 80, `faults: ${faults}`);
      assert.ok(seen.includes('429') && seen.includes('503'));
      assert.equal(h.sandbox.stats['429'] + h.sandbox.stats['503'], faults);
      // Faulted creates were not processed: exactly the acknowledged ones exist (read with faults disabled by retrying).
      let list = await h.get('/v1/Workspaces', { PageSize: '1000' });
      for (let tries = 0; list.status !== 200 && tries < 50; tries++) {
        list = await h.get('/v1/Workspaces', { PageSize: '1000' });
      }
      assert.equal(list.status, 200);
      assert.equal(list.body.workspaces.length, created);
      outcomes.push(seen);
      await h.close();
    }
    assert.deepEqual(outcomes[0], outcomes[1], 'same seed, same sequence');
  });

  it('stalls a request until the client gives up, without processing it', async () => {
    const sandbox = await startSandbox({ faults: { rate: 1, kinds: ['stall'], seed: 7 } });
    const controller = new AbortController();
    const pending = fetch(`${sandbox.url}/v1/Workspaces`, {
      method: 'POST',
      headers: {
        Authorization: basicAuth(sandbox.accountSid, sandbox.authToken),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'FriendlyName=stalled',
      signal: controller.signal,
    });
    // Wait until the server has taken the request in, then give up like a client timeout would.
    const deadline = Date.now() + 5000;
    while (sandbox.stats.stall === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    assert.equal(sandbox.stats.stall, 1);
    controller.abort();
    await assert.rejects(pending, /abort/i);
    assert.equal(sandbox.stats.processed, 0);
    await sandbox.close();
  });

  it('rejects fault options out of range', async () => {
    await assert.rejects(startSandbox({ faults: { rate: 1.5, kinds: ['429'] } }), /rate/);
    await assert.rejects(
      startSandbox({ faults: { rate: 0.1, kinds: ['500' as '429'] } }),
      /not one of 429, 503, stall/,
    );
    const ok = await startSandbox({ faults: { rate: 0, kinds: ['429'] } });
    const res = await request(`${ok.url}/v1/Workspaces`, 'GET', basicAuth(ok.accountSid, ok.authToken));
    assert.equal(res.status, 200);
    await ok.close();
  });
});
