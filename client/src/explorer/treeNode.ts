// The shape every item of the TaskRouter tree has: it knows its id (a path), its parent, its
// TreeItem and, for parents, its children. The tree data provider only delegates to items.
import type * as vscode from 'vscode';
import type { ClientProvider } from '../accounts/clientProvider';
import type { TaskAssignmentStatus } from '../api';
import type { Logger } from '../log';

export interface TreeNode {
  /** A path: `account`, `account/WS...`, `account/WS.../workers`, `account/WS.../workers/WK...`. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /** Present on items that can have children. Never rejects: failures become error items. */
  getChildren?(): Promise<TreeNode[]>;
  /** Forgets loaded children, so the next `getChildren()` loads them again. */
  reset?(): void;
}

/** What tree items need from the rest of the extension. */
export interface ExplorerContext {
  clients: ClientProvider;
  /** Items per page (the `taskrouter.explorer.pageSize` setting). */
  pageSize(): number;
  /** Tells the view that an item (and its children) changed. */
  changed(node: TreeNode): void;
  /** Task status filters by Tasks folder id; kept while the window is open. */
  taskFilters: Map<string, TaskAssignmentStatus[]>;
  now(): number;
  log: Logger;
}
