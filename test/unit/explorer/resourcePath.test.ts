import { strict as assert } from 'node:assert';
import { fileNameFor, formatDocumentPath, parseDocumentPath, resourceKey } from '../../../client/src/fs/resourcePath';

const WS = `WS${'1'.repeat(32)}`;
const WW = `WW${'2'.repeat(32)}`;
const WK = `WK${'3'.repeat(32)}`;

describe('fs/resourcePath', () => {
  it('round-trips workspace, resource and configuration paths', () => {
    const cases = [
      { accountId: 'acc1', workspaceSid: WS, kind: 'workspace', sid: WS, view: 'resource' },
      { accountId: 'acc1', workspaceSid: WS, kind: 'worker', sid: WK, view: 'resource' },
      { accountId: 'local-sandbox', workspaceSid: WS, kind: 'workflow', sid: WW, view: 'resource' },
      { accountId: 'local-sandbox', workspaceSid: WS, kind: 'workflow', sid: WW, view: 'configuration' },
    ] as const;
    for (const address of cases) {
      const p = formatDocumentPath(address, 'Gold / Tickets');
      assert.deepEqual(parseDocumentPath(p), address, p);
    }
    assert.equal(
      formatDocumentPath(cases[3], 'Gold Tickets'),
      `/local-sandbox/${WS}/workflows/${WW}/Gold Tickets.workflow.json`,
    );
    assert.equal(resourceKey(cases[2]), resourceKey(cases[3]));
  });

  it('makes friendly names safe for a tab title', () => {
    assert.equal(fileNameFor('a/b\\c:d*e?f"g<h>i|j', 'x'), 'a_b_c_d_e_f_g_h_i_j');
    assert.equal(fileNameFor('  ', 'WK1'), 'WK1');
    assert.equal(fileNameFor('..', 'WK1'), 'WK1');
    assert.equal(fileNameFor(undefined, 'WK1'), 'WK1');
  });

  it('says what is wrong with paths that are not ours', () => {
    const bad = (p: string) => {
      const r = parseDocumentPath(p);
      assert.ok('error' in r, p);
      return r.error;
    };
    assert.match(bad('/a'), /not a TaskRouter document path/);
    assert.match(bad(`/a/${WS}/pets/${WK}/x.json`), /'pets' is not a kind/);
    assert.match(bad(`/a/${WS}/workers/${WW}/x.json`), /is not a worker SID/);
    assert.match(bad(`/a/WSnope/workers/${WK}/x.json`), /is not a workspace SID/);
    assert.match(bad(`/a/${WS}/x.workflow.json`), /not a TaskRouter workspace document/);
    assert.throws(
      () =>
        formatDocumentPath({ accountId: 'a', workspaceSid: WS, kind: 'worker', sid: WK, view: 'configuration' }, 'x'),
      /Only workflows have a configuration document/,
    );
  });
});
