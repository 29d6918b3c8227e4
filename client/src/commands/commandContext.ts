// What command handlers share: the services the extension wires in activate().
import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientProvider } from '../accounts/clientProvider';
import type { ExplorerTreeDataProvider } from '../explorer/explorerTreeDataProvider';
import type { ResourceChanges } from '../explorer/resourceChanges';
import type { TreeNode } from '../explorer/treeNode';
import type { TaskRouterFileSystemProvider } from '../fs/taskRouterFileSystemProvider';
import type { Logger } from '../log';
import type { Prompter, PrompterHolder } from '../ui/prompter';

export interface CommandContext {
  accounts: AccountStore;
  clients: ClientProvider;
  tree: ExplorerTreeDataProvider;
  treeView: vscode.TreeView<TreeNode> | undefined;
  changes: ResourceChanges;
  prompts: PrompterHolder;
  fs: TaskRouterFileSystemProvider;
  log: Logger;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}

/** The prompter to use now (the test API can swap in a scripted one). */
export function prompter(ctx: CommandContext): Prompter {
  return ctx.prompts.current;
}

/** A command handler: the clicked item (if any) and the selected items (if several). */
export type CommandHandler = (ctx: CommandContext, node?: unknown, selected?: unknown) => Promise<unknown>;
