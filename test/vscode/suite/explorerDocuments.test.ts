/**
 * Resources as documents in the `taskrouter:` file system, against a sandbox with a manual clock (so the date check
 * of workflows sees time pass only when the test says so): open, edit and save; read-only fields; invalid JSON and
 * rejected updates keep the user's text; conflicts offer Compare and Overwrite.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TaskQueue, Worker, Workflow, Workspace } from '../../../client/src/api';
import type { TreeNode } from '../../../client/src/explorer/treeNode';
import { ScriptedPrompter } from '../../../client/src/ui/scriptedPrompter';
import { ExplorerFixture, child, folder, labels, runCommand, startFixture } from './explorerFixture.test';
import { screenshot } from './support/screenshot';
import { waitFor } from './support/wait';
import { replaceText } from './support/workspace';
import { logFiles } from './support/logs';

describe('explorer: resources as documents', () => {
  let f: ExplorerFixture;
  let workspace: Workspace;
  let wsNode: TreeNode;
  let alice: Worker;
  let queue: TaskQueue;
  let workflow: Workflow;

  before(async () => {
    // VS Code for the Web saves automatically after a second; these tests save explicitly (auto save has its own test).
    await setAutoSave('off');
    f = await startFixture('Documents test sandbox', { manualClock: true });
    workspace = await f.rest.workspaces.create({ friendlyName: 'Documents', template: 'FIFO' });
    alice = await f.rest.workers(workspace.sid).create({ friendlyName: 'Alice', attributes: '{"level":1}' });
    await f.rest.workers(workspace.sid).create({ friendlyName: 'Bob', attributes: '{}' });
    const queues = await f.rest.taskQueues(workspace.sid).page();
    queue = queues.items[0];
    workflow = (await f.rest.workflows(workspace.sid).page()).items[0];
    wsNode = await child(f.api, f.account, 'Documents');
  });
  afterEach(async () => {
    f.api.setPrompter(undefined);
    await revertAndCloseAll();
  });
  after(async () => {
    await setAutoSave(undefined);
    await f?.close();
  });

  async function workerNode(name: string): Promise<TreeNode> {
    return child(f.api, await folder(f.api, wsNode, 'Workers'), name);
  }

  async function openWorker(name: string): Promise<vscode.TextDocument> {
    const { result: editor } = await runCommand<vscode.TextEditor>(
      f.api,
      'taskrouter.openResource',
      await workerNode(name),
      [],
    );
    assert.strictEqual(editor.document.uri.scheme, 'taskrouter');
    assert.strictEqual(editor.document.languageId, 'json');
    return editor.document;
  }

  /** Opens the workflow's configuration through the command, as a user would from the tree. */
  async function openConfiguration(): Promise<{ node: TreeNode; editor: vscode.TextEditor }> {
    const node = await child(f.api, await folder(f.api, wsNode, 'Workflows'), workflow.friendlyName);
    const { result: editor } = await runCommand<vscode.TextEditor>(
      f.api,
      'taskrouter.openWorkflowConfiguration',
      node,
      [],
    );
    return { node, editor };
  }

  function editJson(document: vscode.TextDocument, change: (doc: Record<string, unknown>) => void): Promise<void> {
    const doc = JSON.parse(document.getText()) as Record<string, unknown>;
    change(doc);
    return replaceText(document, JSON.stringify(doc, null, 2) + '\n');
  }

  /** Saves with a scripted prompter; returns whether VS Code saved, and what the prompter saw. */
  async function save(document: vscode.TextDocument, answers: ConstructorParameters<typeof ScriptedPrompter>[0] = []) {
    const prompter = new ScriptedPrompter(answers);
    f.api.setPrompter(prompter);
    const saved = await document.save();
    assert.deepStrictEqual(prompter.failures, [], 'unexpected prompts while saving');
    assert.deepStrictEqual(prompter.remaining, [], 'answers left over');
    return { saved, prompter };
  }

  it('opens a worker as JSON and saves the fields that changed', async () => {
    const document = await openWorker('Alice');
    const shown = JSON.parse(document.getText()) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(shown).slice(0, 3), ['friendlyName', 'activitySid', 'attributes']);
    assert.deepStrictEqual(shown.attributes, { level: 1 });
    assert.strictEqual(shown.sid, alice.sid);
    await editJson(document, (d) => {
      d.friendlyName = 'Alice Smith';
      d.attributes = { level: 2, languages: ['en'] };
    });
    const { saved } = await save(document);
    assert.strictEqual(saved, true);
    assert.strictEqual(document.isDirty, false);
    const stored = await f.rest.workers(workspace.sid).get(alice.sid);
    assert.strictEqual(stored.friendlyName, 'Alice Smith');
    assert.deepStrictEqual(JSON.parse(stored.attributes), { level: 2, languages: ['en'] });
    assert.ok(
      (await labels(f.api, await folder(f.api, wsNode, 'Workers'))).includes('Alice Smith'),
      'the tree follows',
    );
  });

  it('leaves read-only fields alone, with a note naming them', async () => {
    const document = await openWorker('Alice Smith');
    const before = await f.rest.workers(workspace.sid).get(alice.sid);
    await editJson(document, (d) => {
      d.activityName = 'Busy';
      d.dateCreated = '2000-01-01T00:00:00Z';
    });
    const { saved, prompter } = await save(document);
    assert.strictEqual(saved, true);
    assert.strictEqual(prompter.infos.length, 1);
    assert.match(prompter.infos[0], /^Saved without "activityName", "dateCreated": they are read-only/);
    const after = await f.rest.workers(workspace.sid).get(alice.sid);
    assert.strictEqual(after.activityName, before.activityName);
    assert.strictEqual(after.etag, before.etag, 'nothing was sent');
  });

  it('edits a task through its document: cancels it with a reason, and the tree follows', async () => {
    const task = await f.rest.tasks(workspace.sid).create({ workflowSid: workflow.sid, attributes: '{"type":"chat"}' });
    const tasks = await folder(f.api, wsNode, 'Tasks');
    const node = (await f.api.tree.getChildren(tasks)).find((n) => n.id === `${tasks.id}/${task.sid}`);
    assert.ok(node, 'the tree shows the new task');
    const { result: editor } = await runCommand<vscode.TextEditor>(f.api, 'taskrouter.openResource', node, []);
    const document = editor.document;
    assert.deepStrictEqual(Object.keys(JSON.parse(document.getText()) as object).slice(0, 4), [
      'assignmentStatus',
      'reason',
      'priority',
      'attributes',
    ]);
    await editJson(document, (d) => {
      d.assignmentStatus = 'canceled';
      d.reason = 'Customer hung up';
    });
    const { saved } = await save(document);
    assert.strictEqual(saved, true);
    const stored = await f.rest.tasks(workspace.sid).get(task.sid);
    assert.strictEqual(stored.assignmentStatus, 'canceled');
    assert.strictEqual(stored.reason, 'Customer hung up');
    const shown = (await f.api.tree.getChildren(tasks)).find((n) => n.id === `${tasks.id}/${task.sid}`);
    assert.ok(shown);
    assert.match(String(f.api.tree.getTreeItem(shown).description), /^canceled · /);
  });

  it('keeps the text in the editor when the JSON is invalid', async () => {
    const document = await openWorker('Alice Smith');
    const broken = document.getText().replace('"Alice Smith",', '"Alice Smith"');
    await replaceText(document, broken);
    const { saved } = await save(document);
    assert.strictEqual(saved, false);
    assert.strictEqual(document.isDirty, true);
    assert.strictEqual(document.getText(), broken);
    assert.strictEqual((await f.rest.workers(workspace.sid).get(alice.sid)).friendlyName, 'Alice Smith');
  });

  it('keeps the text in the editor when the server rejects the update', async () => {
    const document = await openWorker('Alice Smith');
    await editJson(document, (d) => (d.friendlyName = 'bob'));
    const text = document.getText();
    const { saved } = await save(document);
    assert.strictEqual(saved, false, 'worker names are unique (case-insensitive), so the sandbox refuses');
    assert.strictEqual(document.getText(), text);
    assert.strictEqual(document.isDirty, true);
    assert.strictEqual((await f.rest.workers(workspace.sid).get(alice.sid)).friendlyName, 'Alice Smith');
  });

  it('refuses to overwrite a worker changed on the server; Compare keeps the text, Overwrite sends it', async () => {
    const document = await openWorker('Alice Smith');
    // Someone else changes the worker after it was opened.
    await f.rest.workers(workspace.sid).update(alice.sid, { attributes: '{"level":9}' });
    await editJson(document, (d) => (d.friendlyName = 'Alice S.'));
    const text = document.getText();

    const compared = await save(document, [{ step: 'conflict', action: 'Compare' }]);
    assert.strictEqual(compared.saved, false);
    assert.match(
      compared.prompter.prompts[0].shown[0],
      /^Worker 'Alice Smith' changed on the server since you opened it/,
    );
    // The save waits for the answer: a modal question, not a notification that can hide itself meanwhile.
    assert.strictEqual(compared.prompter.prompts[0].modal, true);
    assert.strictEqual(document.getText(), text);
    const diff = await waitFor('the Compare diff editor', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === document.uri.toString(),
        ),
    );
    assert.strictEqual((diff.input as vscode.TabInputTextDiff).original.scheme, 'taskrouter-server');
    assert.strictEqual((await f.rest.workers(workspace.sid).get(alice.sid)).friendlyName, 'Alice Smith');

    const overwritten = await save(document, [{ step: 'conflict', action: 'Overwrite' }]);
    assert.strictEqual(overwritten.saved, true);
    const stored = await f.rest.workers(workspace.sid).get(alice.sid);
    assert.strictEqual(stored.friendlyName, 'Alice S.');
    assert.deepStrictEqual(JSON.parse(stored.attributes), { level: 2, languages: ['en'] }, 'the document won');
  });

  it("opens a workflow's configuration in the workflow language, and saves it", async () => {
    const { node, editor } = await openConfiguration();
    const document = editor.document;
    assert.strictEqual(document.languageId, 'taskrouter-workflow');
    assert.match(document.uri.path, /\.workflow\.json$/);
    assert.deepStrictEqual(JSON.parse(document.getText()), JSON.parse(workflow.configuration));
    const config = {
      task_routing: {
        filters: [
          {
            filter_friendly_name: 'Gold Tickets',
            expression: "customer_value == 'Gold' AND type == 'ticket'",
            targets: [{ queue: queue.sid, priority: 2 }],
          },
        ],
        default_filter: { queue: queue.sid },
      },
    };
    await replaceText(document, JSON.stringify(config, null, 2) + '\n');
    const { saved } = await save(document);
    assert.strictEqual(saved, true);
    const stored = await f.rest.workflows(workspace.sid).get(workflow.sid);
    assert.deepStrictEqual(JSON.parse(stored.configuration), config);
    workflow = stored;
    await f.api.reveal(node, { select: true, focus: false, expand: true });
    await vscode.window.showTextDocument(document);
    await screenshot('explorer-workflow', {
      waitForSelector: '.part.sidebar .monaco-list-row.selected :text("Default Fifo Workflow")',
    });
  });

  it('the language server checks an opened configuration', async () => {
    const { editor } = await openConfiguration();
    const document = editor.document;
    await replaceText(document, document.getText().replace("customer_value == 'Gold'", 'customer-value == 1'));
    const diagnostics = await waitFor(
      'diagnostics for the hyphenated attribute name',
      () => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const line = document.lineAt(diagnostics[0].range.start.line).text;
    assert.match(line, /customer-value/, `the diagnostic points at the expression: ${diagnostics[0].message}`);
  });

  it("reports a queue SID that is not one of the workspace's queues", async () => {
    const { editor } = await openConfiguration();
    const document = editor.document;
    const elsewhere = `WQ${'ab'.repeat(16)}`;
    await replaceText(document, document.getText().replace(queue.sid, elsewhere));
    const unknown = await waitFor(
      'an unknown-queue diagnostic from the workspace queues the extension gave the language server',
      () => {
        const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'unknown-queue');
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000 },
    );
    assert.strictEqual(unknown.length, 1, unknown.map((d) => d.message).join('; '));
    assert.ok(document.getText(unknown[0].range).includes(elsewhere), 'the diagnostic underlines the SID');
    assert.ok(document.getText().includes(queue.sid), 'the default filter still names the workspace queue');
    assert.ok(
      vscode.languages.getDiagnostics(document.uri).every((d) => !document.getText(d.range).includes(queue.sid)),
      "the workspace's own queue is not reported",
    );
  });

  it('refuses to overwrite a workflow changed on the server (date check)', async () => {
    const { editor } = await openConfiguration();
    const document = editor.document;
    f.sandbox.advance(2000);
    await f.rest.workflows(workspace.sid).update(workflow.sid, { taskReservationTimeout: 300 });
    await replaceText(document, document.getText().replace('"priority": 2', '"priority": 3'));
    const text = document.getText();
    const refused = await save(document, [{ step: 'conflict', cancel: true }]);
    assert.strictEqual(refused.saved, false);
    assert.strictEqual(document.getText(), text);
    const stored = await f.rest.workflows(workspace.sid).get(workflow.sid);
    assert.match(stored.configuration, /"priority":\s*2/);

    const overwritten = await save(document, [{ step: 'conflict', action: 'Overwrite' }]);
    assert.strictEqual(overwritten.saved, true);
    const after = await f.rest.workflows(workspace.sid).get(workflow.sid);
    assert.strictEqual(
      (JSON.parse(after.configuration) as { task_routing: { filters: { targets: { priority: number }[] }[] } })
        .task_routing.filters[0].targets[0].priority,
      3,
    );
    assert.strictEqual(after.taskReservationTimeout, 300, 'fields the document does not hold are untouched');
  });

  it('keeps the configuration text when the server rejects it', async () => {
    const { editor } = await openConfiguration();
    const document = editor.document;
    const unknownQueue = `WQ${'0'.repeat(32)}`;
    await replaceText(document, document.getText().split(queue.sid).join(unknownQueue));
    const text = document.getText();
    const { saved } = await save(document);
    assert.strictEqual(saved, false, 'the sandbox refuses a queue SID that is not in the workspace');
    assert.strictEqual(document.getText(), text);
    assert.ok(!(await f.rest.workflows(workspace.sid).get(workflow.sid)).configuration.includes(unknownQueue));
  });
  it('refuses automatic saves: the server only gets what the user saves', async () => {
    const document = await openWorker('Alice S.');
    const before = await f.rest.workers(workspace.sid).get(alice.sid);
    const refused = waitFor(
      'the automatic save to be refused',
      () => {
        const log = extensionLog();
        return log !== undefined && log.includes(`Refused an automatic save of worker 'Alice S.' (${alice.sid})`);
      },
      { timeoutMs: 30_000 },
    );
    await vscode.workspace.getConfiguration('files').update('autoSaveDelay', 100, vscode.ConfigurationTarget.Global);
    await setAutoSave('afterDelay');
    try {
      await editJson(document, (d) => (d.friendlyName = 'Alice (typing'));
      await refused;
    } finally {
      await setAutoSave('off');
      await vscode.workspace
        .getConfiguration('files')
        .update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.strictEqual(document.isDirty, true);
    const after = await f.rest.workers(workspace.sid).get(alice.sid);
    assert.strictEqual(after.friendlyName, 'Alice S.');
    assert.strictEqual(after.etag, before.etag);
  });
});

/** The extension's own log file (the "TaskRouter" output channel). */
function extensionLog(): string | undefined {
  const file = logFiles().find((f) => f.endsWith('TaskRouter.log'));
  return file ? fs.readFileSync(file, 'utf8') : undefined;
}

function setAutoSave(value: string | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('files').update('autoSave', value, vscode.ConfigurationTarget.Global);
}

/** Reverts every dirty document (so closing asks nothing) and closes all editors. */
async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
