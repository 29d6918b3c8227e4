// Items that are not resources: "Load more", an error with a retry, and plain messages.
import * as vscode from 'vscode';
import { errorMessage } from '../log';
import { ERROR_CONTEXT, LOAD_MORE_CONTEXT, MESSAGE_CONTEXT } from './contextValues';
import type { TreeNode } from './treeNode';

/** Something that can load its next page (a folder, or an account's workspace list). */
export interface PagedParent extends TreeNode {
  readonly loading: boolean;
  loadMore(): Promise<void>;
}

export class LoadMoreNode implements TreeNode {
  readonly id: string;
  constructor(readonly parent: PagedParent) {
    this.id = `${parent.id}/#more`;
  }

  getTreeItem(): vscode.TreeItem {
    const loading = this.parent.loading;
    const item = new vscode.TreeItem(loading ? 'Loading…' : 'Load more…');
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    item.contextValue = LOAD_MORE_CONTEXT;
    item.command = { command: 'taskrouter.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}

/** A request that failed, shown where its result would have been. Clicking it retries. */
export class ErrorNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    readonly what: string,
    readonly error: unknown,
    readonly retry: () => Promise<void> | void,
  ) {
    this.id = `${parent?.id ?? ''}/#error`;
  }

  getTreeItem(): vscode.TreeItem {
    const message = errorMessage(this.error);
    const item = new vscode.TreeItem(`Could not load ${this.what}`);
    item.description = message;
    item.tooltip = new vscode.MarkdownString().appendText(`${message}\n\nClick to try again.`);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = ERROR_CONTEXT;
    item.command = { command: 'taskrouter.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}

/** What clicking a message item does, e.g. "No workers" creates one. */
export interface MessageAction {
  command: string;
  arguments?: unknown[];
  /** Shown after the message, e.g. "click to create one". */
  description: string;
  tooltip: string;
}

export class MessageNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    readonly message: string,
    readonly icon = 'info',
    readonly action?: MessageAction,
    name = 'message',
  ) {
    this.id = `${parent?.id ?? ''}/#${name}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message);
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = MESSAGE_CONTEXT;
    if (this.action) {
      item.description = this.action.description;
      item.tooltip = this.action.tooltip;
      item.command = { command: this.action.command, title: this.message, arguments: this.action.arguments };
    }
    return item;
  }
}
