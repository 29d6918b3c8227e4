// A workspace: its item shows the workspace; its children are the six folders.
import * as vscode from 'vscode';
import type { Workspace } from '../api';
import type { ResourceAddress } from '../fs/resourcePath';
import { resourceContext } from './contextValues';
import { FolderNode } from './folderNode';
import { present } from './presentation';
import { WORKSPACE_FOLDERS, WorkspaceChildKind } from './resourceKinds';
import type { ResourceHolder } from './resourceNode';
import type { ExplorerContext, TreeNode } from './treeNode';

export class WorkspaceNode implements TreeNode, ResourceHolder {
  readonly id: string;
  private folders: FolderNode[] | undefined;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly parent: TreeNode & { readonly accountId: string },
    readonly resource: Workspace,
  ) {
    this.id = `${parent.id}/${resource.sid}`;
  }

  get accountId(): string {
    return this.parent.accountId;
  }

  get workspaceSid(): string {
    return this.resource.sid;
  }

  get label(): string {
    return this.resource.friendlyName;
  }

  get address(): ResourceAddress {
    return { accountId: this.accountId, workspaceSid: this.resource.sid, kind: 'workspace', sid: this.resource.sid };
  }

  getTreeItem(): vscode.TreeItem {
    const p = present({
      kind: 'workspace',
      resource: this.resource as unknown as Record<string, unknown>,
      fetchedAt: 0,
      now: 0,
    });
    const item = new vscode.TreeItem(p.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = p.description;
    item.tooltip = new vscode.MarkdownString(p.tooltip);
    item.iconPath = new vscode.ThemeIcon(p.icon);
    item.contextValue = resourceContext('workspace');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    this.folders ??= WORKSPACE_FOLDERS.map((kind) => new FolderNode(this.ctx, this, kind));
    return this.folders;
  }

  folder(kind: WorkspaceChildKind): FolderNode {
    this.folders ??= WORKSPACE_FOLDERS.map((k) => new FolderNode(this.ctx, this, k));
    const found = this.folders.find((f) => f.kind === kind);
    if (!found) {
      throw new Error(`A workspace has no '${kind}' folder.`);
    }
    return found;
  }

  reset(): void {
    for (const folder of this.folders ?? []) {
      folder.reset();
    }
  }
}
