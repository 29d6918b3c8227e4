/**
 * Paging in the tree: a workspace with 2,000 workers shows its first page, and more on request, one page load at a
 * time. Times are printed, never asserted.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Workspace } from '../../../client/src/api';
import type { TreeNode } from '../../../client/src/explorer/treeNode';
import { ExplorerFixture, child, folder, labelOf, runCommand, startFixture } from './explorerFixture.test';
import { log } from './support/console';

const WORKERS = 2000;

describe('explorer: paging', function () {
  this.timeout(180_000);
  let f: ExplorerFixture;
  let workspace: Workspace;

  before(async () => {
    f = await startFixture('Paging test sandbox');
    workspace = await f.rest.workspaces.create({ friendlyName: 'Big Team', template: 'NONE' });
    const started = Date.now();
    let next = 0;
    const createSome = async () => {
      while (next < WORKERS) {
        const n = next++;
        await f.rest.workers(workspace.sid).create({ friendlyName: `Agent ${String(n).padStart(4, '0')}` });
      }
    };
    await Promise.all(Array.from({ length: 16 }, createSome));
    log(`paging: created ${WORKERS} workers in ${Date.now() - started} ms`);
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('taskrouter.explorer.pageSize', undefined, vscode.ConfigurationTarget.Global);
    await f?.close();
  });

  async function workersFolder(): Promise<TreeNode> {
    return folder(f.api, await child(f.api, f.account, 'Big Team'), 'Workers');
  }

  it('shows the first page with one request, and loads more on request', async () => {
    const workers = await workersFolder();
    const before = f.sandbox.stats.processed;
    let started = Date.now();
    const first = await f.api.tree.getChildren(workers);
    log(`paging: first page of workers in ${Date.now() - started} ms`);
    assert.strictEqual(f.sandbox.stats.processed - before, 1, 'one request for the first page');
    assert.strictEqual(first.length, 51);
    const more = first[50];
    assert.strictEqual(labelOf(f.api, more), 'Load more…');
    assert.strictEqual(f.api.tree.getTreeItem(more).command?.command, 'taskrouter.loadMore');

    // Two clicks while the page loads: one request.
    started = Date.now();
    const beforeMore = f.sandbox.stats.processed;
    await Promise.all([
      runCommand(f.api, 'taskrouter.loadMore', more, []),
      runCommand(f.api, 'taskrouter.loadMore', more, []),
    ]);
    log(`paging: second page in ${Date.now() - started} ms`);
    assert.strictEqual(f.sandbox.stats.processed - beforeMore, 1, 'one page load in flight at a time');
    const second = await f.api.tree.getChildren(workers);
    assert.strictEqual(second.length, 101);
    assert.deepStrictEqual(
      second.slice(0, 100).map((n) => labelOf(f.api, n)),
      Array.from({ length: 100 }, (_, i) => `Agent ${String(i).padStart(4, '0')}`),
      'pages are kept in order',
    );
    assert.strictEqual(second[0], first[0], 'items already shown are kept');
  });

  it('loads every worker page by page with the largest page size, then shows no "Load more"', async () => {
    await vscode.workspace
      .getConfiguration()
      .update('taskrouter.explorer.pageSize', 1000, vscode.ConfigurationTarget.Global);
    await f.api.tree.refresh();
    const workers = await workersFolder();
    let children = await f.api.tree.getChildren(workers);
    assert.strictEqual(children.length, 1001);
    await runCommand(f.api, 'taskrouter.loadMore', children[1000], []);
    children = await f.api.tree.getChildren(workers);
    assert.strictEqual(children.length, WORKERS, 'no "Load more" after the last page');
    assert.strictEqual(new Set(children.map((n) => n.id)).size, WORKERS, 'every worker once');
  });
});
