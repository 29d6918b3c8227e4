/**
 * Shared set-up of the explorer tests (this file holds no tests; its name follows the explorer*.test.ts files it
 * serves). Each test file starts its own sandbox on 127.0.0.1 (port 0), adds an account for it, drives commands
 * with scripted prompt answers, and checks results through the extension's test API (the tree) and through the REST
 * client (the server).
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { TaskRouterClient } from '../../../client/src/api';
import type { TreeNode } from '../../../client/src/explorer/treeNode';
import type { TaskRouterTestApi } from '../../../client/src/testApi';
import { Answer, ScriptedPrompter } from '../../../client/src/ui/scriptedPrompter';
import { ManualClock, startSandbox, type Sandbox } from '../../../sandbox/src/index';
import { activate } from './support/extension';

export interface ExplorerFixture {
  api: TaskRouterTestApi;
  sandbox: Sandbox;
  /** A REST client of its own, to check what the server holds and to play "another user". */
  rest: TaskRouterClient;
  accountId: string;
  account: TreeNode;
  close(): Promise<void>;
}

export async function testApi(): Promise<TaskRouterTestApi> {
  const ext = await activate();
  const api = ext.exports as TaskRouterTestApi | undefined;
  assert.ok(api && typeof api.setPrompter === 'function', 'activate() returns the test API');
  return api;
}

/** Starts a sandbox and adds an account for it directly (the account commands have their own tests). */
export async function startFixture(label: string, options: { manualClock?: boolean } = {}): Promise<ExplorerFixture> {
  const api = await testApi();
  const sandbox = await startSandbox({ port: 0, ...(options.manualClock ? { clock: new ManualClock() } : {}) });
  const account = await api.accounts.add({
    label,
    accountSid: sandbox.accountSid,
    username: sandbox.accountSid,
    secret: sandbox.authToken,
    baseUrl: sandbox.url,
    source: 'test',
  });
  return fixtureFor(api, sandbox, account.id);
}

export async function fixtureFor(
  api: TaskRouterTestApi,
  sandbox: Sandbox,
  accountId: string,
): Promise<ExplorerFixture> {
  await api.tree.getChildren();
  const account = api.tree.findNode(accountId);
  assert.ok(account, `the tree shows account ${accountId}`);
  return {
    api,
    sandbox,
    rest: new TaskRouterClient(sandbox.accountSid, sandbox.authToken, { baseUrl: sandbox.url }),
    accountId,
    account,
    close: async () => {
      api.setPrompter(undefined);
      if (api.accounts.list().some((a) => a.id === accountId)) {
        await api.accounts.remove(accountId);
      }
      await sandbox.close();
    },
  };
}

/**
 * Runs a command as the tree would (with the item it was run on), answering its prompts with `answers`. Fails when a
 * prompt had no answer, when an answer was left over, or when the command reported an error.
 */
export async function runCommand<T>(
  api: TaskRouterTestApi,
  command: string,
  node: TreeNode | undefined,
  answers: Answer[],
  options: { selected?: TreeNode[]; expectError?: RegExp } = {},
): Promise<{ result: T; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(answers);
  api.setPrompter(prompter);
  try {
    const result = (await vscode.commands.executeCommand(command, node, options.selected)) as T;
    assert.deepStrictEqual(prompter.failures, [], `${command}: unexpected prompts`);
    assert.deepStrictEqual(prompter.remaining, [], `${command}: answers left over`);
    if (options.expectError) {
      assert.strictEqual(
        prompter.errors.length,
        1,
        `${command}: one error expected, got ${prompter.errors.join(' | ')}`,
      );
      assert.match(prompter.errors[0], options.expectError);
    } else {
      assert.deepStrictEqual(prompter.errors, [], `${command}: errors shown`);
    }
    return { result, prompter };
  } finally {
    api.setPrompter(undefined);
  }
}

export function labelOf(api: TaskRouterTestApi, node: TreeNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function descriptionOf(api: TaskRouterTestApi, node: TreeNode): string {
  const d = api.tree.getTreeItem(node).description;
  return typeof d === 'string' ? d : '';
}

export async function labels(api: TaskRouterTestApi, node: TreeNode): Promise<string[]> {
  return (await api.tree.getChildren(node)).map((n) => labelOf(api, n));
}

/** The child item with this label (the tree loads it as the view would). */
export async function child(api: TaskRouterTestApi, node: TreeNode, label: string): Promise<TreeNode> {
  const children = await api.tree.getChildren(node);
  const found = children.find((n) => labelOf(api, n) === label);
  assert.ok(
    found,
    `'${labelOf(api, node)}' has a child '${label}'; it has ${children.map((n) => labelOf(api, n)).join(', ')}`,
  );
  return found;
}

/** The folder of a workspace item, by its label ("Workers"). */
export async function folder(api: TaskRouterTestApi, workspace: TreeNode, label: string): Promise<TreeNode> {
  return child(api, workspace, label);
}

/** Asserts that a REST call fails with HTTP 404. */
export async function assertGone(call: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(call, (e: { status?: number }) => e.status === 404, `${what} is gone from the server`);
}
