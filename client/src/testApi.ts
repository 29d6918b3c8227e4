// What activate() returns: a small API for the integration tests (and nothing secret). The tests
// reach the tree through the same provider the view uses, and answer prompts with a script.
import type * as vscode from 'vscode';
import type { Account } from './accounts/account';
import type { NewAccount } from './accounts/accountStore';
import type { TreeNode } from './explorer/treeNode';
import type { DocumentAddress, ResourceAddress } from './fs/resourcePath';
import type { Prompter } from './ui/prompter';

export interface TaskRouterTestApi {
  tree: {
    getChildren(node?: TreeNode): Promise<TreeNode[]>;
    getTreeItem(node: TreeNode): vscode.TreeItem;
    /** An item the view has shown, by id (a path such as `accountId/WS.../workers`). */
    findNode(id: string): TreeNode | undefined;
    refresh(node?: TreeNode): Promise<void>;
  };
  /** The items selected in the TaskRouter view. */
  selection(): readonly TreeNode[];
  /** Reveals (and selects) an item in the TaskRouter view, e.g. before a screenshot. */
  reveal(node: TreeNode, options?: { expand?: boolean | number; select?: boolean; focus?: boolean }): Promise<void>;
  /** Replaces the prompts with another prompter (a ScriptedPrompter); undefined restores VS Code's. */
  setPrompter(prompter: Prompter | undefined): void;
  accounts: {
    list(): Account[];
    add(input: NewAccount): Promise<Account>;
    remove(id: string): Promise<void>;
  };
  /** Stops the built-in local sandbox (it starts again when next used), as closing VS Code would. */
  stopLocalSandbox(): Promise<void>;
  /** The `taskrouter:` URI of a resource document or of a workflow's configuration. */
  documentUri(address: ResourceAddress, view: DocumentAddress['view'], friendlyName: string): vscode.Uri;
}
