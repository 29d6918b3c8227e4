/**
 * The workflow language server in VS Code, through the extension's language client and a sandbox: a configuration
 * opened from the explorer gets diagnostics, completion of queue SIDs by name, hovers and quick fixes, and saves; a
 * local workflow file gets its workspace from a link (command, status bar item); a JSON file with `task_routing` is
 * switched to the workflow language.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TaskQueue, Workflow, Workspace } from '../../../client/src/api';
import type { TreeNode } from '../../../client/src/explorer/treeNode';
import { ScriptedPrompter } from '../../../client/src/ui/scriptedPrompter';
import { ExplorerFixture, child, folder, runCommand, startFixture, testApi } from './explorerFixture.test';
import { screenshot } from './support/screenshot';
import { waitFor } from './support/wait';
import { replaceText, writeWorkspaceFile } from './support/workspace';

const LANGUAGE_ID = 'taskrouter-workflow';
const ACCOUNT = 'Language server sandbox';
const WORKSPACE = 'Language Support';
/** A well-formed queue SID that is no queue of the sandbox's workspace. */
const UNKNOWN_QUEUE = `WQ${'ab'.repeat(16)}`;
const DETECTION_SETTING = 'taskrouter.workflowDetection';

interface Config {
  task_routing: {
    filters: { filter_friendly_name: string; expression: string; targets: Record<string, unknown>[] }[];
    default_filter: Record<string, unknown>;
  };
}

/** A configuration whose filter routes to `queue` and whose default filter uses the legacy `task_queue_sid`. */
function configuration(queue: string, defaultQueue: string): string {
  const config = {
    task_routing: {
      filters: [
        {
          filter_friendly_name: 'English support',
          expression: "type == 'support'",
          targets: [{ queue, priority: 1 }],
        },
      ],
      default_filter: { task_queue_sid: defaultQueue },
    },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

function describeAll(uri: vscode.Uri): string {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1}: [${codeOf(d)}] ${d.message}`)
    .join('; ');
}

/** Waits for diagnostics with `code` on `uri`. */
function waitForCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `a ${code} diagnostic on ${uri.path}`,
    () => {
      const found = withCode(uri, code);
      return found.length > 0 ? found : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics], timeoutMs: 30_000 },
  );
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The position just after the opening quote of the value of `"key": "` on the line that holds `marker`. */
function valuePosition(document: vscode.TextDocument, key: string, marker: string): vscode.Position {
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(`"${key}"`) && l.includes(marker));
  assert.ok(line >= 0, `no line with "${key}" and ${marker}`);
  const text = document.lineAt(line).text;
  const character = text.indexOf('"', text.indexOf(`"${key}"`) + key.length + 2) + 1;
  return new vscode.Position(line, character);
}

/** Applies a completion item as accepting it would: its edit (range and text) and its additional edits. */
async function applyCompletion(
  editor: vscode.TextEditor,
  item: vscode.CompletionItem,
  position: vscode.Position,
): Promise<void> {
  const range =
    item.range === undefined
      ? new vscode.Range(position, position)
      : item.range instanceof vscode.Range
        ? item.range
        : item.range.replacing;
  const text = item.insertText ?? labelOf(item);
  if (text instanceof vscode.SnippetString) {
    assert.ok(await editor.insertSnippet(text, range), 'the snippet was inserted');
  } else {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, range, text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the completion edit applied');
  }
  if (item.additionalTextEdits?.length) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, item.additionalTextEdits);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the additional edits applied');
  }
}

async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function setting(section: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration().update(section, value, vscode.ConfigurationTarget.Global);
}

describe('language server: a workflow opened from the explorer', () => {
  let f: ExplorerFixture;
  let workspace: Workspace;
  let support: TaskQueue;
  let fallback: TaskQueue;
  let workflow: Workflow;
  let wsNode: TreeNode;

  before(async () => {
    // VS Code for the Web saves automatically after a second; the explorer refuses such saves, and these tests save
    // explicitly.
    await setting('files.autoSave', 'off');
    f = await startFixture(ACCOUNT);
    workspace = await f.rest.workspaces.create({ friendlyName: WORKSPACE, template: 'FIFO' });
    fallback = (await f.rest.taskQueues(workspace.sid).page()).items[0];
    support = await f.rest.taskQueues(workspace.sid).create({
      friendlyName: 'English Support',
      targetWorkers: "languages HAS 'en'",
    });
    await f.rest.workers(workspace.sid).create({
      friendlyName: 'Alice',
      attributes: JSON.stringify({ languages: ['en'], routing: { skills: { level: 3 } } }),
    });
    workflow = (await f.rest.workflows(workspace.sid).page()).items[0];
    wsNode = await child(f.api, f.account, WORKSPACE);
  });
  afterEach(async () => {
    f.api.setPrompter(undefined);
    await revertAndCloseAll();
  });
  after(async () => {
    await setting('files.autoSave', undefined);
    await f?.close();
  });

  async function openConfiguration(): Promise<vscode.TextEditor> {
    const node = await child(f.api, await folder(f.api, wsNode, 'Workflows'), workflow.friendlyName);
    const { result: editor } = await runCommand<vscode.TextEditor>(
      f.api,
      'taskrouter.openWorkflowConfiguration',
      node,
      [],
    );
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    return editor;
  }

  it('reports, completes, explains and fixes; the saved configuration has the queue and the modern key', async () => {
    const editor = await openConfiguration();
    const document = editor.document;
    const uri = document.uri;
    await replaceText(document, configuration(UNKNOWN_QUEUE, fallback.sid));

    // Diagnostics: the legacy key and the SID that is no queue of the workspace.
    const [legacy] = await waitForCode(uri, 'legacy-key');
    const [unknown] = await waitForCode(uri, 'unknown-queue');
    assert.strictEqual(document.getText(legacy.range).replace(/"/g, ''), 'task_queue_sid', describeAll(uri));
    assert.ok(document.getText(unknown.range).includes(UNKNOWN_QUEUE), describeAll(uri));
    await screenshot('language-diagnostics', { waitForSelector: '.monaco-editor .squiggly-error' });

    // Completion inside the emptied queue value offers the workspace's queues by name and inserts the SID.
    await replaceText(document, document.getText().replace(UNKNOWN_QUEUE, ''));
    const position = valuePosition(document, 'queue', '""');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      position,
    );
    const offered = list.items.map(labelOf);
    const item = list.items.find((i) => labelOf(i).includes(support.friendlyName));
    assert.ok(item, `'${support.friendlyName}' is offered; offered: ${offered.slice(0, 20).join(', ')}`);
    assert.ok(
      offered.some((l) => l.includes(fallback.friendlyName)),
      `every queue is offered: ${offered.join(', ')}`,
    );

    // The same list as the user sees it.
    await vscode.window.showTextDocument(document, { preserveFocus: false });
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await screenshot('language-completion', {
      waitForSelector: `.suggest-widget.visible >> text=${support.friendlyName}`,
    });
    await vscode.commands.executeCommand('hideSuggestWidget');

    await applyCompletion(editor, item, position);
    const completed = JSON.parse(document.getText()) as Config;
    assert.strictEqual(completed.task_routing.filters[0].targets[0].queue, support.sid, document.getText());
    // The empty value's diagnostic and the unknown SID's are gone; only the legacy key's warning is left.
    await waitFor(
      'the errors to go once the SID is inserted',
      () => vscode.languages.getDiagnostics(uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
      { events: [vscode.languages.onDidChangeDiagnostics], timeoutMs: 30_000 },
    );

    // Hover on the inserted SID names the queue and its target-workers expression.
    const sidPosition = valuePosition(document, 'queue', support.sid).translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      sidPosition,
    );
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.ok(hoverText.includes(support.friendlyName), `the hover names the queue: ${hoverText}`);
    assert.ok(hoverText.includes("languages HAS 'en'"), `the hover shows the queue's expression: ${hoverText}`);
    // Alice speaks English: the counts come from the queue statistics the extension read for the server.
    assert.match(hoverText, /\b1 eligible\b/, `the hover shows the queue's worker counts: ${hoverText}`);
    editor.selection = new vscode.Selection(sidPosition, sidPosition);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('language-hover', { waitForSelector: `.monaco-hover >> text=${support.friendlyName}` });

    // Quick fix of the legacy key.
    const [stillLegacy] = await waitForCode(uri, 'legacy-key');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      stillLegacy.range,
      undefined,
      10, // resolve lazily computed edits too
    );
    // This command's results carry no diagnostics (VS Code does not convert them), so the fix is found by kind and
    // title, and checked by its effect below.
    const shown = actions.map(
      (a) =>
        `${a.title} (${'kind' in a ? (a.kind?.value ?? 'no kind') : 'command'}; ${'edit' in a && a.edit ? 'edit' : 'no edit'})`,
    );
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        'kind' in a && (a.kind?.value ?? '').startsWith('quickfix') && a.title.includes('task_queue_sid'),
    );
    assert.ok(fix?.edit, `a quick fix with an edit for the legacy key; actions: ${shown.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix applied');
    const fixed = JSON.parse(document.getText()) as Config;
    assert.deepStrictEqual(fixed.task_routing.default_filter, { queue: fallback.sid });
    await waitFor('the legacy-key diagnostic to go', () => withCode(uri, 'legacy-key').length === 0, {
      events: [vscode.languages.onDidChangeDiagnostics],
      timeoutMs: 30_000,
    });
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      [],
      describeAll(uri),
    );

    // Save, and read the workflow back from the server.
    const prompter = new ScriptedPrompter([]);
    f.api.setPrompter(prompter);
    assert.strictEqual(await document.save(), true, `saved; errors: ${prompter.errors.join(' | ')}`);
    assert.deepStrictEqual(prompter.failures, [], 'no prompt while saving');
    const stored = JSON.parse((await f.rest.workflows(workspace.sid).get(workflow.sid)).configuration) as Config;
    assert.strictEqual(stored.task_routing.filters[0].targets[0].queue, support.sid);
    assert.deepStrictEqual(stored.task_routing.default_filter, { queue: fallback.sid });
  });

  it('a local workflow file gets its workspace from a link; the status bar shows it', async () => {
    const uri = await writeWorkspaceFile('linked.workflow.json', configuration(UNKNOWN_QUEUE, support.sid));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // Not linked: the file is checked, but its queue SIDs cannot be.
    await waitForCode(uri, 'legacy-key');
    assert.deepStrictEqual(withCode(uri, 'unknown-queue'), [], 'no queue checks without a workspace');
    await screenshot('language-not-linked', { waitForSelector: '.statusbar-item >> text=Not linked' });

    const { result: link } = await runCommand<{ workspaceSid: string }>(
      f.api,
      'taskrouter.linkWorkflowFile',
      undefined,
      [
        { step: 'account', pick: ACCOUNT },
        { step: 'workspace', pick: WORKSPACE },
      ],
    );
    assert.strictEqual(link.workspaceSid, workspace.sid);
    const [unknown] = await waitForCode(uri, 'unknown-queue');
    assert.ok(document.getText(unknown.range).includes(UNKNOWN_QUEUE), describeAll(uri));
    await screenshot('language-linked', { waitForSelector: `.statusbar-item >> text=${WORKSPACE}` });

    const { result: removed } = await runCommand<boolean>(f.api, 'taskrouter.unlinkWorkflowFile', undefined, []);
    assert.strictEqual(removed, true);
    await waitFor(
      'the unknown-queue diagnostic to go once unlinked',
      () => withCode(uri, 'unknown-queue').length === 0,
      {
        events: [vscode.languages.onDidChangeDiagnostics],
        timeoutMs: 30_000,
      },
    );
    assert.ok(withCode(uri, 'legacy-key').length > 0, 'the other checks stay');
  });
});

describe('language server: JSON files holding a workflow configuration', () => {
  afterEach(async () => {
    await setting(DETECTION_SETTING, undefined);
    await revertAndCloseAll();
  });

  async function openJson(name: string): Promise<vscode.Uri> {
    const uri = await writeWorkspaceFile(name, configuration(UNKNOWN_QUEUE, UNKNOWN_QUEUE));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'json');
    await vscode.window.showTextDocument(document);
    return uri;
  }

  function switched(uri: vscode.Uri): Promise<vscode.TextDocument> {
    return waitFor(
      `${uri.path} to be switched to ${LANGUAGE_ID}`,
      () =>
        vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID),
      { events: [vscode.workspace.onDidOpenTextDocument], timeoutMs: 30_000 },
    );
  }

  it('switches them to the workflow language when the setting says "always"', async () => {
    await setting(DETECTION_SETTING, 'always');
    const uri = await openJson('routing-always.json');
    await switched(uri);
    await waitForCode(uri, 'legacy-key');
  });

  it('asks first by default, and switches on "Switch"', async () => {
    const api = await testApi();
    const prompter = new ScriptedPrompter([{ step: 'workflowDetection', action: 'Switch' }]);
    api.setPrompter(prompter);
    try {
      const uri = await openJson('routing-ask.json');
      await switched(uri);
      assert.deepStrictEqual(prompter.failures, []);
      assert.match(prompter.prompts[0].shown[0], /^routing-ask\.json looks like a TaskRouter workflow configuration/);
    } finally {
      api.setPrompter(undefined);
    }
  });
});
