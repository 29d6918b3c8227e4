/**
 * The TaskRouter explorer against a sandbox: accounts, the tree, and every create, edit and delete driven through
 * the commands with scripted answers, then checked in the tree and on the server.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Activity, TaskChannel, TaskQueue, Task, Worker, Workflow, Workspace } from '../../../client/src/api';
import type { Account } from '../../../client/src/accounts/account';
import type { TreeNode } from '../../../client/src/explorer/treeNode';
import type { TaskRouterTestApi } from '../../../client/src/testApi';
import { ScriptedPrompter } from '../../../client/src/ui/scriptedPrompter';
import { startSandbox, type Sandbox } from '../../../sandbox/src/index';
import {
  ExplorerFixture,
  assertGone,
  child,
  descriptionOf,
  fixtureFor,
  folder,
  labelOf,
  labels,
  runCommand,
  testApi,
} from './explorerFixture.test';
import { screenshot } from './support/screenshot';
import { logFiles } from './support/logs';
import { waitFor } from './support/wait';
// The other explorer test files, so the suite's list of test files needs one line for all of them.
import './explorerDocuments.test';
import './explorerPaging.test';

describe('explorer: accounts', () => {
  let api: TaskRouterTestApi;
  let sandbox: Sandbox;

  before(async () => {
    api = await testApi();
    sandbox = await startSandbox({ port: 0 });
  });
  after(async () => {
    for (const a of api.accounts.list().filter((a) => a.source === 'added' && a.baseUrl === sandbox.url)) {
      await api.accounts.remove(a.id);
    }
    await sandbox.close();
  });

  it('shows the built-in local sandbox account without starting it', async () => {
    const roots = await api.tree.getChildren();
    const local = roots.find((n) => n.id === 'local-sandbox');
    assert.ok(local, 'the Local sandbox account is in the tree');
    assert.strictEqual(labelOf(api, local), 'Local sandbox');
    assert.strictEqual(api.tree.getTreeItem(local).contextValue, 'account;localSandbox');
    assert.strictEqual(api.tree.getTreeItem(local).description, 'built-in · not started');
    // Only the local sandbox so far: the view offers to add a Twilio account (a welcome view would never show).
    const add = roots[roots.length - 1];
    assert.strictEqual(labelOf(api, add), 'Add a Twilio account…');
    assert.strictEqual(api.tree.getTreeItem(add).command?.command, 'taskrouter.addAccount');
  });

  it('refuses credentials the API rejects, and stores nothing', async () => {
    const before = api.accounts.list().length;
    const { prompter } = await runCommand(
      api,
      'taskrouter.addAccount',
      undefined,
      [
        { step: 'method', pick: 'Another server' },
        { step: 'baseUrl', input: sandbox.url },
        { step: 'credential', pick: 'Auth Token' },
        { step: 'accountSid', input: sandbox.accountSid },
        { step: 'secret', input: 'not-the-token' },
        { step: 'label', input: 'Wrong token' },
      ],
      { expectError: /The account was not saved: the API refused the credentials\. Authentication failed/ },
    );
    assert.ok(!prompter.errors[0].includes('not-the-token'), 'the secret is not in the message');
    assert.strictEqual(api.accounts.list().length, before);
  });

  it('says when the credentials could not be checked, without blaming them', async () => {
    const gone = await startSandbox({ port: 0 });
    await gone.close();
    const before = api.accounts.list().length;
    const { prompter } = await runCommand(
      api,
      'taskrouter.addAccount',
      undefined,
      [
        { step: 'method', pick: 'Another server' },
        { step: 'baseUrl', input: gone.url },
        { step: 'credential', pick: 'Auth Token' },
        { step: 'accountSid', input: gone.accountSid },
        { step: 'secret', input: gone.authToken },
        { step: 'label', input: 'Nobody there' },
      ],
      { expectError: /The account was not saved: the credentials could not be checked\. Network error/ },
    );
    assert.ok(!/refused the credentials/.test(prompter.errors[0]), prompter.errors[0]);
    assert.ok(!prompter.errors[0].includes(gone.authToken), 'the secret is not in the message');
    assert.strictEqual(api.accounts.list().length, before);
  });

  it('adds an account that signs in with an API Key', async () => {
    const keySid = `SK${'5'.repeat(32)}`;
    const keySecret = 'api-key-secret-under-test';
    const keyed = await startSandbox({ port: 0, apiKeys: [{ sid: keySid, secret: keySecret }] });
    try {
      const { result: account } = await runCommand<Account>(api, 'taskrouter.addAccount', undefined, [
        { step: 'method', pick: 'Another server' },
        { step: 'baseUrl', input: keyed.url },
        { step: 'credential', pick: 'API Key' },
        { step: 'accountSid', input: keyed.accountSid },
        { step: 'apiKeySid', input: keySid },
        { step: 'secret', input: keySecret },
        { step: 'label', input: 'Keyed sandbox' },
      ]);
      assert.strictEqual(account.username, keySid);
      assert.strictEqual(account.accountSid, keyed.accountSid);
      assert.ok(!JSON.stringify(api.accounts.list()).includes(keySecret), 'no secret in the account metadata');
      await api.tree.getChildren();
      const node = api.tree.findNode(account.id);
      assert.ok(node);
      assert.deepStrictEqual(await labels(api, node), ['No workspaces'], 'the tree signs in with the API Key');
      await api.accounts.remove(account.id);
    } finally {
      await keyed.close();
    }
  });

  it('adds an account after checking it, renames it, and removes it with a confirmation', async () => {
    const { result: account } = await runCommand<Account>(api, 'taskrouter.addAccount', undefined, [
      { step: 'method', pick: 'Another server' },
      { step: 'baseUrl', input: `${sandbox.url}/` },
      { step: 'credential', pick: 'Auth Token' },
      { step: 'accountSid', input: sandbox.accountSid },
      { step: 'secret', input: sandbox.authToken },
      { step: 'label', input: 'Sandbox under test' },
    ]);
    assert.strictEqual(account.label, 'Sandbox under test');
    assert.strictEqual(account.baseUrl, sandbox.url);
    assert.ok(!JSON.stringify(api.accounts.list()).includes(sandbox.authToken), 'no secret in the account metadata');
    const roots = await api.tree.getChildren();
    const node = api.tree.findNode(account.id);
    assert.ok(node);
    assert.strictEqual(labelOf(api, node), 'Sandbox under test');
    assert.deepStrictEqual(
      roots.map((n) => labelOf(api, n)),
      ['Sandbox under test', 'Local sandbox'],
      'no "Add a Twilio account…" item once there is one',
    );

    await runCommand(api, 'taskrouter.renameAccount', node, [{ step: 'label', input: 'Renamed sandbox' }]);
    await api.tree.getChildren();
    assert.strictEqual(labelOf(api, node), 'Renamed sandbox');

    await runCommand(api, 'taskrouter.removeAccount', node, [{ step: 'confirm', cancel: true }]);
    assert.ok(
      api.accounts.list().some((a) => a.id === account.id),
      'cancelling keeps the account',
    );
    await runCommand(api, 'taskrouter.removeAccount', node, [{ step: 'confirm', action: 'Remove' }]);
    assert.ok(!api.accounts.list().some((a) => a.id === account.id));
    assert.ok(!(await api.tree.getChildren()).some((n) => n.id === account.id));
  });

  it('shows a TWILIO_* environment account, and imports it beside the Twilio CLI profiles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twilio-cli-'));
    const cliConfig = {
      profiles: { dev: { accountSid: `AC${'1'.repeat(32)}`, apiKey: `SK${'2'.repeat(32)}`, apiSecret: 'cli-secret' } },
      activeProject: 'dev',
    };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(cliConfig));
    const variables: Record<string, string> = {
      TWILIO_CONFIG_DIR: dir,
      TWILIO_ACCOUNT_SID: sandbox.accountSid,
      TWILIO_AUTH_TOKEN: sandbox.authToken,
      TWILIO_TASKROUTER_BASE_URL: sandbox.url,
    };
    const saved = Object.fromEntries(Object.keys(variables).map((k) => [k, process.env[k]]));
    Object.assign(process.env, variables);
    const imported: Account[] = [];
    try {
      await api.tree.refresh();
      const env = (await api.tree.getChildren()).find((n) => n.id === 'environment');
      assert.ok(env, 'the environment account is shown');
      assert.strictEqual(api.tree.getTreeItem(env).contextValue, 'account;environment');
      assert.deepStrictEqual(await labels(api, env), ['No workspaces']);

      const { result, prompter } = await runCommand<Account[]>(api, 'taskrouter.importAccounts', undefined, [
        { step: 'profiles', pickMany: ['Environment'] },
      ]);
      imported.push(...result);
      assert.deepStrictEqual(prompter.prompts[0].shown, ['dev', 'Environment']);
      assert.strictEqual(result.length, 1);
      assert.strictEqual(result[0].kind, 'stored');
      assert.strictEqual(result[0].baseUrl, sandbox.url);
      assert.strictEqual(result[0].source, 'Environment (TWILIO_*)');
      const again = await runCommand<Account[]>(api, 'taskrouter.importAccounts', undefined, [
        { step: 'profiles', pickMany: [] },
      ]);
      assert.deepStrictEqual(again.prompter.prompts[0].shown, ['dev'], 'what is already added is not offered again');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      for (const a of imported) await api.accounts.remove(a.id);
      fs.rmSync(dir, { recursive: true, force: true });
      await api.tree.refresh();
    }
    assert.ok(!(await api.tree.getChildren()).some((n) => n.id === 'environment'));
  });

  it('turns a failing request into an error item, and its retry loads the list once the server is back', async () => {
    const down = await startSandbox({ port: 0 });
    const { port, accountSid, authToken } = down;
    await down.close();
    const account = await api.accounts.add({
      label: 'Server down',
      accountSid,
      username: accountSid,
      secret: authToken,
      baseUrl: down.url,
      source: 'test',
    });
    let back: Sandbox | undefined;
    try {
      await api.tree.getChildren();
      const node = api.tree.findNode(account.id);
      assert.ok(node);
      const [error] = await api.tree.getChildren(node);
      const item = api.tree.getTreeItem(error);
      assert.strictEqual(item.label, 'Could not load workspaces');
      assert.strictEqual(item.contextValue, 'error');
      assert.ok(String(item.description).length > 0, 'the reason is shown');
      assert.ok(!String(item.description).includes(authToken), 'never the secret');
      assert.strictEqual(item.command?.command, 'taskrouter.retry');

      back = await startSandbox({ port, accountSid, authToken });
      await runCommand(api, 'taskrouter.retry', error, []);
      assert.deepStrictEqual(await labels(api, node), ['No workspaces']);
    } finally {
      await api.accounts.remove(account.id);
      await back?.close();
    }
  });

  it('starts the local sandbox when its account is expanded, with a demo workspace to look at', async () => {
    const local = (await api.tree.getChildren()).find((n) => n.id === 'local-sandbox');
    assert.ok(local);
    assert.deepStrictEqual(await labels(api, local), ['Customer Support']);
    const account = api.accounts.list().find((a) => a.id === 'local-sandbox');
    assert.match(account?.baseUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(account?.accountSid ?? '', /^AC[0-9a-f]{32}$/);
    assert.strictEqual(api.tree.getTreeItem(local).description, `built-in · ${new URL(account?.baseUrl ?? '').host}`);

    const demo = await child(api, local, 'Customer Support');
    assert.deepStrictEqual(await labels(api, await folder(api, demo, 'Workers')), ['Alice', 'Bob', 'Carol', 'Dave']);
    assert.deepStrictEqual(await labels(api, await folder(api, demo, 'Task Queues')), ['Sample Queue', 'Gold Support']);
    assert.ok((await labels(api, await folder(api, demo, 'Workflows'))).includes('Gold Tickets'));
    const tasks = await api.tree.getChildren(await folder(api, demo, 'Tasks'));
    assert.deepStrictEqual(tasks.map((t) => descriptionOf(api, t).split(' · ')[0]).sort(), [
      'assigned',
      'canceled',
      'completed',
      'pending',
      'reserved',
    ]);
    await api.reveal(await folder(api, demo, 'Tasks'), { expand: true, select: false, focus: false });
    await api.reveal(await folder(api, demo, 'Workers'), { expand: true, select: true, focus: true });
    await screenshot('local-sandbox-demo', { waitForSelector: '.part.sidebar .monaco-list-row :text("Dave")' });

    // The demo is made once: after it is deleted, a restart of the sandbox does not bring it back.
    await runCommand(api, 'taskrouter.delete', demo, [{ step: 'confirm', action: 'Delete' }]);
    await api.stopLocalSandbox();
    assert.strictEqual(api.tree.getTreeItem(local).description, 'built-in · not started');
    await api.tree.refresh(local);
    assert.deepStrictEqual(await labels(api, local), ['No workspaces']);
    assert.match(api.tree.getTreeItem(local).description as string, /^built-in · 127\.0\.0\.1:\d+$/);
  });

  it('keeps the secrets it was given out of the TaskRouter log and the settings', async () => {
    const secrets = [sandbox.authToken, 'not-the-token', 'api-key-secret-under-test', 'cli-secret'];
    const file = logFiles().find((f) => f.endsWith('TaskRouter.log'));
    assert.ok(file, 'the TaskRouter output channel has a log file');
    // The log is written in the background: wait until it has this describe's last failure.
    const text = await waitFor('the TaskRouter log to have the failed credential check', () => {
      const t = fs.readFileSync(file, 'utf8');
      return t.includes('the credentials could not be checked') ? t : undefined;
    });
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `the log does not hold ${secret.slice(0, 3)}…`);
    }
    const settings = JSON.stringify(vscode.workspace.getConfiguration('taskrouter'));
    for (const secret of secrets) {
      assert.ok(!settings.includes(secret), 'no secret in the settings');
    }
  });
});

describe('explorer: create, edit and delete through the commands', () => {
  let f: ExplorerFixture;
  let workspace: Workspace;
  let wsNode: TreeNode;

  before(async () => {
    const api = await testApi();
    const sandbox = await startSandbox({ port: 0 });
    const account = await api.accounts.add({
      label: 'Explorer test sandbox',
      accountSid: sandbox.accountSid,
      username: sandbox.accountSid,
      secret: sandbox.authToken,
      baseUrl: sandbox.url,
      source: 'test',
    });
    f = await fixtureFor(api, sandbox, account.id);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await f?.close();
  });

  it('creates a FIFO workspace from the account item', async () => {
    const { result } = await runCommand<Workspace>(f.api, 'taskrouter.createWorkspace', f.account, [
      { step: 'friendlyName', input: 'Customer Support' },
      { step: 'template', pick: 'FIFO' },
    ]);
    workspace = result;
    assert.strictEqual((await f.rest.workspaces.get(workspace.sid)).friendlyName, 'Customer Support');
    wsNode = await child(f.api, f.account, 'Customer Support');
    assert.strictEqual(wsNode.id, `${f.accountId}/${workspace.sid}`);
    await waitFor('the new workspace to be selected in the view', () =>
      f.api.selection().some((n) => n.id === wsNode.id),
    );
    assert.deepStrictEqual(await labels(f.api, wsNode), [
      'Workflows',
      'Task Queues',
      'Workers',
      'Activities',
      'Tasks',
      'Task Channels',
    ]);
    // The FIFO template made a queue and a workflow; the default activities exist.
    assert.strictEqual((await labels(f.api, await folder(f.api, wsNode, 'Task Queues'))).length, 1);
    assert.strictEqual((await labels(f.api, await folder(f.api, wsNode, 'Workflows'))).length, 1);
    assert.deepStrictEqual((await labels(f.api, await folder(f.api, wsNode, 'Activities'))).sort(), [
      'Available',
      'Offline',
      'Unavailable',
    ]);
  });

  it('checks a workspace name before sending it', async () => {
    const { prompter } = await runCommand(
      f.api,
      'taskrouter.createWorkspace',
      f.account,
      [{ step: 'friendlyName', input: 'x'.repeat(65) }],
      { expectError: /Create Workspace failed: .*At most 64 characters/ },
    );
    assert.deepStrictEqual(
      prompter.prompts.map((p) => p.step),
      ['friendlyName'],
    );
  });

  it('creates an activity, a task queue, a worker, a task channel, a workflow and a task from their folders', async () => {
    const activities = await folder(f.api, wsNode, 'Activities');
    const { result: activity } = await runCommand<Activity>(f.api, 'taskrouter.createActivity', activities, [
      { step: 'friendlyName', input: 'On Break' },
      { step: 'available', pick: 'Unavailable' },
    ]);
    assert.strictEqual((await f.rest.activities(workspace.sid).get(activity.sid)).available, false);
    assert.ok((await labels(f.api, activities)).includes('On Break'));

    const queues = await folder(f.api, wsNode, 'Task Queues');
    const { result: queue } = await runCommand<TaskQueue>(f.api, 'taskrouter.createTaskQueue', queues, [
      { step: 'friendlyName', input: 'Spanish' },
      { step: 'targetWorkers', input: 'languages HAS "es"' },
    ]);
    assert.strictEqual((await f.rest.taskQueues(workspace.sid).get(queue.sid)).targetWorkers, 'languages HAS "es"');
    assert.ok((await labels(f.api, queues)).includes('Spanish'));

    const workers = await folder(f.api, wsNode, 'Workers');
    // Attributes are checked as a JSON object before anything is sent.
    await runCommand(
      f.api,
      'taskrouter.createWorker',
      workers,
      [
        { step: 'friendlyName', input: 'Alice' },
        { step: 'activity', pick: 'Available' },
        { step: 'attributes', input: '{languages: es}' },
      ],
      { expectError: /Create Worker failed: Input '\{languages: es\}' for 'attributes' was refused: Not valid JSON/ },
    );
    const { result: worker } = await runCommand<Worker>(f.api, 'taskrouter.createWorker', workers, [
      { step: 'friendlyName', input: 'Alice' },
      { step: 'activity', pick: 'Available' },
      { step: 'attributes', input: '{"languages":["es","en"]}' },
    ]);
    const stored = await f.rest.workers(workspace.sid).get(worker.sid);
    assert.strictEqual(stored.activityName, 'Available');
    assert.deepStrictEqual(JSON.parse(stored.attributes), { languages: ['es', 'en'] });
    const aliceNode = await child(f.api, workers, 'Alice');
    assert.strictEqual(descriptionOf(f.api, aliceNode), 'Available');

    const channels = await folder(f.api, wsNode, 'Task Channels');
    const { result: channel } = await runCommand<TaskChannel>(f.api, 'taskrouter.createTaskChannel', channels, [
      { step: 'friendlyName', input: 'Callback Requests' },
      { step: 'uniqueName', input: 'callback' },
    ]);
    assert.strictEqual((await f.rest.taskChannels(workspace.sid).get(channel.sid)).uniqueName, 'callback');
    assert.ok((await labels(f.api, channels)).includes('Callback Requests'));

    const workflows = await folder(f.api, wsNode, 'Workflows');
    const { result: workflow } = await runCommand<Workflow>(f.api, 'taskrouter.createWorkflow', workflows, [
      { step: 'friendlyName', input: 'Spanish Routing' },
      { step: 'queue', pick: 'Spanish' },
    ]);
    const config = JSON.parse((await f.rest.workflows(workspace.sid).get(workflow.sid)).configuration) as {
      task_routing: { filters: { targets: { queue: string }[] }[]; default_filter: { queue: string } };
    };
    assert.strictEqual(config.task_routing.filters[0].targets[0].queue, queue.sid);
    assert.strictEqual(config.task_routing.default_filter.queue, queue.sid);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the new workflow opens its configuration');
    assert.strictEqual(editor.document.languageId, 'taskrouter-workflow');
    assert.ok((await labels(f.api, workflows)).includes('Spanish Routing'));

    const tasks = await folder(f.api, wsNode, 'Tasks');
    const { result: task } = await runCommand<Task>(f.api, 'taskrouter.createTask', tasks, [
      { step: 'workflows', pick: 'Spanish Routing' },
      { step: 'attributes', input: '{"language":"es"}' },
      { step: 'priority', input: '5' },
    ]);
    const storedTask = await f.rest.tasks(workspace.sid).get(task.sid);
    assert.strictEqual(storedTask.priority, 5);
    assert.strictEqual(storedTask.taskQueueSid, queue.sid);
    const taskNode = await child(f.api, tasks, `${task.sid.slice(0, 10)}…`);
    assert.strictEqual(taskNode.id, `${tasks.id}/${task.sid}`);
    assert.match(descriptionOf(f.api, taskNode), /^(pending|reserved|assigned) · \d+s · Spanish$/);
  });

  it("keeps a queue's waiting and available counts in step with workers created and deleted", async () => {
    const queues = await folder(f.api, wsNode, 'Task Queues');
    const spanish = await child(f.api, queues, 'Spanish');
    const queueSid = spanish.id.split('/').pop() ?? '';
    const available = async () =>
      (await f.rest.statistics.taskQueueRealTime(workspace.sid, queueSid)).totalAvailableWorkers;
    // The item shows the counts it fetched once it was shown.
    const shown = (n: number) =>
      waitFor(`'Spanish' to show ${n} available`, () => {
        const d = descriptionOf(f.api, spanish);
        return d.endsWith(`· ${n} available`) ? d : undefined;
      });
    const before = await available();
    await shown(before);

    const workers = await folder(f.api, wsNode, 'Workers');
    const { result: bea } = await runCommand<Worker>(f.api, 'taskrouter.createWorker', workers, [
      { step: 'friendlyName', input: 'Bea' },
      { step: 'activity', pick: 'Available' },
      { step: 'attributes', input: '{"languages":["es"]}' },
    ]);
    assert.strictEqual(await available(), before + 1, 'the server counts Bea');
    await shown(before + 1);

    await runCommand(f.api, 'taskrouter.delete', await child(f.api, workers, 'Bea'), [
      { step: 'confirm', action: 'Delete' },
    ]);
    await assertGone(f.rest.workers(workspace.sid).get(bea.sid), 'Bea');
    await shown(before);
  });

  it('renames a worker and changes its activity, and the tree follows', async () => {
    const workers = await folder(f.api, wsNode, 'Workers');
    const alice = await child(f.api, workers, 'Alice');
    await runCommand(f.api, 'taskrouter.rename', alice, [{ step: 'friendlyName', input: 'Alicia' }]);
    const renamed = await child(f.api, workers, 'Alicia');
    const sid = renamed.id.split('/').pop() ?? '';
    assert.strictEqual((await f.rest.workers(workspace.sid).get(sid)).friendlyName, 'Alicia');

    await runCommand(f.api, 'taskrouter.changeWorkerActivity', renamed, [{ step: 'activity', pick: 'On Break' }]);
    assert.strictEqual((await f.rest.workers(workspace.sid).get(sid)).activityName, 'On Break');
    assert.strictEqual(descriptionOf(f.api, await child(f.api, workers, 'Alicia')), 'On Break');
  });

  it('refreshes one item after a change made elsewhere: a worker, and a workspace with its folders', async () => {
    const workers = await folder(f.api, wsNode, 'Workers');
    const alicia = await child(f.api, workers, 'Alicia');
    const sid = alicia.id.split('/').pop() ?? '';
    const offline = (await f.rest.activities(workspace.sid).page()).items.find((a) => a.friendlyName === 'Offline');
    assert.ok(offline);
    await f.rest.workers(workspace.sid).update(sid, { activitySid: offline.sid });
    await runCommand(f.api, 'taskrouter.refresh', alicia, []);
    assert.strictEqual(descriptionOf(f.api, await child(f.api, workers, 'Alicia')), 'Offline');

    // Someone renames the workspace: Refresh on its item shows the new name.
    await f.rest.workspaces.update(workspace.sid, { friendlyName: 'Customer Care' });
    await runCommand(f.api, 'taskrouter.refresh', wsNode, []);
    assert.ok((await labels(f.api, f.account)).includes('Customer Care'));
    await f.rest.workspaces.update(workspace.sid, { friendlyName: 'Customer Support' });
    await runCommand(f.api, 'taskrouter.refresh', await child(f.api, f.account, 'Customer Care'), []);
    wsNode = await child(f.api, f.account, 'Customer Support');
  });

  it('renames an activity, a task queue, a workflow, a task channel and the workspace', async () => {
    const rename = async (folderLabel: string, from: string, to: string) => {
      const list = await folder(f.api, wsNode, folderLabel);
      const node = await child(f.api, list, from);
      await runCommand(f.api, 'taskrouter.rename', node, [{ step: 'friendlyName', input: to }]);
      assert.ok((await labels(f.api, list)).includes(to), `the tree shows '${to}'`);
      return node.id.split('/').pop() ?? '';
    };
    const activity = await rename('Activities', 'On Break', 'Lunch');
    assert.strictEqual((await f.rest.activities(workspace.sid).get(activity)).friendlyName, 'Lunch');
    const queue = await rename('Task Queues', 'Spanish', 'Spanish Support');
    assert.strictEqual((await f.rest.taskQueues(workspace.sid).get(queue)).friendlyName, 'Spanish Support');
    const fifo = await rename('Workflows', 'Default Fifo Workflow', 'Everything');
    assert.strictEqual((await f.rest.workflows(workspace.sid).get(fifo)).friendlyName, 'Everything');
    const channel = await rename('Task Channels', 'Callback Requests', 'Callbacks');
    assert.strictEqual((await f.rest.taskChannels(workspace.sid).get(channel)).friendlyName, 'Callbacks');
    await rename('Task Channels', 'Callbacks', 'Callback Requests');

    await runCommand(f.api, 'taskrouter.rename', wsNode, [{ step: 'friendlyName', input: 'Support EU' }]);
    assert.strictEqual((await f.rest.workspaces.get(workspace.sid)).friendlyName, 'Support EU');
    const renamed = await child(f.api, f.account, 'Support EU');
    await runCommand(f.api, 'taskrouter.rename', renamed, [{ step: 'friendlyName', input: 'Customer Support' }]);
    wsNode = await child(f.api, f.account, 'Customer Support');
  });

  it('asks for the workspace from the command palette', async () => {
    const { result: queue } = await runCommand<TaskQueue>(f.api, 'taskrouter.createTaskQueue', undefined, [
      { step: 'account', pick: 'Explorer test sandbox' },
      { step: 'workspace', pick: 'Customer Support' },
      { step: 'friendlyName', input: 'English' },
      { step: 'targetWorkers', input: 'languages HAS "en"' },
    ]);
    assert.strictEqual((await f.rest.taskQueues(workspace.sid).get(queue.sid)).friendlyName, 'English');
    await waitFor('the new queue to be selected in the view', () =>
      f.api.selection().some((n) => n.id.endsWith(`/taskQueues/${queue.sid}`)),
    );
    assert.ok((await labels(f.api, await folder(f.api, wsNode, 'Task Queues'))).includes('English'));
  });

  it('filters tasks by assignment status', async () => {
    const tasks = await folder(f.api, wsNode, 'Tasks');
    const all = await f.api.tree.getChildren(tasks);
    assert.strictEqual(all.length, 1);
    await runCommand(f.api, 'taskrouter.filterTasks', tasks, [{ step: 'statuses', pickMany: ['completed'] }]);
    const item = f.api.tree.getTreeItem(tasks);
    assert.strictEqual(item.description, 'completed');
    assert.strictEqual(item.contextValue, 'folder;task;filtered');
    assert.deepStrictEqual(await labels(f.api, tasks), ['No completed tasks']);
    await runCommand(f.api, 'taskrouter.filterTasks', tasks, [{ step: 'statuses', pickMany: [] }]);
    assert.strictEqual((await f.api.tree.getChildren(tasks)).length, 1);
  });

  it('copies a SID', async () => {
    const channels = await folder(f.api, wsNode, 'Task Channels');
    const callback = await child(f.api, channels, 'Callback Requests');
    const { result } = await runCommand<string>(f.api, 'taskrouter.copySid', callback, []);
    assert.match(result, /^TC[0-9a-f]{32}$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), result);
  });

  it('shows the tree (screenshot explorer-tree.png)', async () => {
    const workers = await folder(f.api, wsNode, 'Workers');
    await f.api.reveal(await child(f.api, workers, 'Alicia'), { select: true, focus: true, expand: true });
    await f.api.reveal(await folder(f.api, wsNode, 'Task Queues'), { expand: true });
    await screenshot('explorer-tree', {
      waitForSelector: '.part.sidebar .monaco-list-row :text("Alicia")',
    });
  });

  it('deletes after a confirmation that names what is deleted; cancelling deletes nothing', async () => {
    const channels = await folder(f.api, wsNode, 'Task Channels');
    const callback = await child(f.api, channels, 'Callback Requests');
    const sid = callback.id.split('/').pop() ?? '';
    const { prompter } = await runCommand(f.api, 'taskrouter.delete', callback, [{ step: 'confirm', cancel: true }]);
    assert.strictEqual(prompter.prompts[0].shown[0], "Delete task channel 'Callback Requests'?");
    assert.strictEqual((await f.rest.taskChannels(workspace.sid).get(sid)).friendlyName, 'Callback Requests');

    await runCommand(f.api, 'taskrouter.delete', callback, [{ step: 'confirm', action: 'Delete' }]);
    await assertGone(f.rest.taskChannels(workspace.sid).get(sid), 'the task channel');
    assert.ok(!(await labels(f.api, channels)).includes('Callback Requests'));
  });

  it('deletes an activity and a workflow', async () => {
    for (const [folderLabel, name, collection] of [
      ['Activities', 'Lunch', f.rest.activities(workspace.sid)],
      ['Workflows', 'Everything', f.rest.workflows(workspace.sid)],
    ] as const) {
      const list = await folder(f.api, wsNode, folderLabel);
      const node = await child(f.api, list, name);
      const { prompter } = await runCommand(f.api, 'taskrouter.delete', node, [{ step: 'confirm', action: 'Delete' }]);
      assert.match(prompter.prompts[0].shown[0], new RegExp(`^Delete (activity|workflow) '${name}'\\?$`));
      await assertGone(collection.get(node.id.split('/').pop() ?? ''), name);
      assert.ok(!(await labels(f.api, list)).includes(name), `the tree no longer shows '${name}'`);
    }
  });

  it('deletes several selected items at once', async () => {
    const queues = await folder(f.api, wsNode, 'Task Queues');
    const workflows = await folder(f.api, wsNode, 'Workflows');
    // The workflow routes to Spanish, so delete the workflow and the English queue (which nothing uses).
    const english = await child(f.api, queues, 'English');
    const routing = await child(f.api, workflows, 'Spanish Routing');
    const tasks = await folder(f.api, wsNode, 'Tasks');
    const [task] = await f.api.tree.getChildren(tasks);
    const { prompter } = await runCommand(
      f.api,
      'taskrouter.delete',
      english,
      [{ step: 'confirm', action: 'Delete' }],
      {
        selected: [english, task],
      },
    );
    assert.match(
      prompter.prompts[0].shown[0],
      /^Delete these 2 resources: task queue 'English', task WT[0-9a-f]{32}\?$/,
    );
    assert.ok(!(await labels(f.api, queues)).includes('English'));
    assert.deepStrictEqual(await labels(f.api, tasks), ['No tasks']);
    assert.ok((await labels(f.api, workflows)).includes(labelOf(f.api, routing)));
  });

  it('deletes the workspace, naming what goes with it', async () => {
    const { prompter } = await runCommand(f.api, 'taskrouter.delete', wsNode, [{ step: 'confirm', action: 'Delete' }]);
    assert.strictEqual(prompter.prompts[0].shown[0], "Delete workspace 'Customer Support'?");
    await assertGone(f.rest.workspaces.get(workspace.sid), 'the workspace');
    const [empty] = await f.api.tree.getChildren(f.account);
    assert.strictEqual(labelOf(f.api, empty), 'No workspaces');
    // Clicking the "No workspaces" item creates one in that account.
    const command = f.api.tree.getTreeItem(empty).command;
    assert.strictEqual(command?.command, 'taskrouter.createWorkspace');
    const answers = new ScriptedPrompter([
      { step: 'friendlyName', input: 'Second Try' },
      { step: 'template', pick: 'NONE' },
    ]);
    f.api.setPrompter(answers);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    f.api.setPrompter(undefined);
    assert.deepStrictEqual([...answers.errors, ...answers.failures], []);
    assert.deepStrictEqual(await labels(f.api, f.account), ['Second Try']);
    const workflowsFolder = await folder(f.api, await child(f.api, f.account, 'Second Try'), 'Workflows');
    const [noWorkflows] = await f.api.tree.getChildren(workflowsFolder);
    assert.strictEqual(labelOf(f.api, noWorkflows), 'No workflows');
    assert.strictEqual(f.api.tree.getTreeItem(noWorkflows).command?.command, 'taskrouter.createWorkflow');
    assert.strictEqual(f.api.tree.getTreeItem(noWorkflows).command?.arguments?.[0], workflowsFolder);
    // A workflow needs a queue to route to: the command says so before asking for anything.
    const noQueue = await runCommand(f.api, 'taskrouter.createWorkflow', workflowsFolder, [], {
      expectError: /Workspace 'Second Try' has no task queue for a workflow to route to\. Create a task queue first\./,
    });
    assert.deepStrictEqual(noQueue.prompter.prompts, []);
  });
});
