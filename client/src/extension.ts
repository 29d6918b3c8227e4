// Activation only wires the parts together: accounts, the tree, the `taskrouter:` file system,
// the commands, and the language client.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LOCAL_SANDBOX_ID } from './accounts/account';
import { AccountStore } from './accounts/accountStore';
import { ClientProvider } from './accounts/clientProvider';
import { LocalSandbox } from './accounts/localSandbox';
import type { CommandContext } from './commands/commandContext';
import { registerCommands } from './commands/registerCommands';
import { ExplorerTreeDataProvider } from './explorer/explorerTreeDataProvider';
import { ResourceChanges } from './explorer/resourceChanges';
import type { TreeNode } from './explorer/treeNode';
import { SCHEME } from './fs/resourcePath';
import { SNAPSHOT_SCHEME, TaskRouterFileSystemProvider } from './fs/taskRouterFileSystemProvider';
import { startLanguageClient } from './language/languageClient';
import { Logger } from './log';
import type { TaskRouterTestApi } from './testApi';
import { PrompterHolder } from './ui/prompter';
import { VsCodePrompter } from './ui/vsCodePrompter';

const VIEW_ID = 'taskrouter.explorer';
const PAGE_SIZE_SETTING = 'taskrouter.explorer.pageSize';

let client: LanguageClient | undefined;
let localSandbox: LocalSandbox | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TaskRouterTestApi> {
  const log = new Logger();
  const sandbox = (localSandbox = new LocalSandbox(
    context.globalStorageUri,
    context.globalState,
    context.secrets,
    log,
    () => accounts.notifyChanged(),
  ));
  const accounts = new AccountStore(context.globalState, context.secrets, sandbox, process.env, (s) =>
    log.addSecret(s),
  );
  const clients = new ClientProvider(accounts, log);
  const changes = new ResourceChanges();
  const prompts = new PrompterHolder(new VsCodePrompter());
  const tree = new ExplorerTreeDataProvider(accounts, changes, {
    clients,
    log,
    pageSize: () => vscode.workspace.getConfiguration().get<number>(PAGE_SIZE_SETTING, 50),
    taskFilters: new Map(),
    now: () => Date.now(),
  });
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: tree,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const fs = new TaskRouterFileSystemProvider(clients, changes, prompts, log);
  const ctx: CommandContext = {
    accounts,
    clients,
    tree,
    treeView,
    changes,
    prompts,
    fs,
    log,
    env: process.env,
    homeDir: os.homedir(),
  };
  context.subscriptions.push(
    log,
    sandbox,
    accounts,
    changes,
    tree,
    treeView,
    fs,
    vscode.workspace.registerFileSystemProvider(SCHEME, fs, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, fs),
    ...registerCommands(ctx),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(PAGE_SIZE_SETTING)) {
        void tree.refresh();
      }
    }),
  );

  client = await startLanguageClient(context, ctx);

  return {
    tree: {
      getChildren: (node?: TreeNode) => tree.getChildren(node),
      getTreeItem: (node: TreeNode) => tree.getTreeItem(node),
      findNode: (id: string) => tree.findNode(id),
      refresh: (node?: TreeNode) => tree.refresh(node),
    },
    selection: () => treeView.selection,
    reveal: async (node, options) => {
      await treeView.reveal(node, options ?? { select: true, focus: true, expand: true });
    },
    setPrompter: (p) => prompts.set(p),
    accounts: {
      list: () => accounts.list(),
      add: (input) => accounts.add(input),
      remove: (id) => accounts.remove(id),
    },
    stopLocalSandbox: async () => {
      await sandbox.stop();
      clients.forget(LOCAL_SANDBOX_ID);
      accounts.notifyChanged();
    },
    documentUri: (address, view, friendlyName) => TaskRouterFileSystemProvider.uriFor(address, view, friendlyName),
  };
}

export async function deactivate(): Promise<void> {
  // stop() throws when the client never started (or is still starting); the subscription disposes of it then.
  await Promise.all([client?.isRunning() ? client.stop() : undefined, localSandbox?.stop()]);
  client = undefined;
  localSandbox = undefined;
}
