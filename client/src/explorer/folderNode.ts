// One of the six folders of a workspace: Workflows, Task Queues, Workers, Activities, Tasks, Task Channels.
import * as vscode from 'vscode';
import type { Page } from '../api';
import { AnyResource, collectionFor } from './collections';
import { folderContext } from './contextValues';
import { PagedParentNode } from './pagedParentNode';
import { KINDS, WorkspaceChildKind } from './resourceKinds';
import { ResourceNode } from './resourceNode';
import type { MessageAction } from './statusNodes';
import type { ExplorerContext, TreeNode } from './treeNode';

export class FolderNode extends PagedParentNode<AnyResource> {
  protected readonly what: string;

  constructor(
    ctx: ExplorerContext,
    override readonly parent: TreeNode & { readonly accountId: string; readonly workspaceSid: string },
    readonly kind: WorkspaceChildKind,
  ) {
    super(ctx, `${parent.id}/${KINDS[kind].segment}`, parent);
    this.what = KINDS[kind].folderLabel.toLowerCase();
  }

  get accountId(): string {
    return this.parent.accountId;
  }

  get workspaceSid(): string {
    return this.parent.workspaceSid;
  }

  /** The task statuses shown (Tasks folder only); empty means all. */
  get statusFilter(): readonly string[] {
    return this.kind === 'task' ? (this.ctx.taskFilters.get(this.id) ?? []) : [];
  }

  getTreeItem(): vscode.TreeItem {
    const info = KINDS[this.kind];
    const item = new vscode.TreeItem(info.folderLabel, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(info.icon);
    const filter = this.statusFilter;
    if (filter.length > 0) {
      item.description = filter.join(', ');
      item.tooltip = `Showing tasks that are ${filter.join(' or ')}`;
    }
    item.contextValue = folderContext(this.kind, filter.length > 0);
    return item;
  }

  protected async loadFirstPage(): Promise<Page<AnyResource>> {
    const client = await this.ctx.clients.get(this.accountId);
    const params: Record<string, unknown> = { pageSize: this.ctx.pageSize() };
    const filter = this.statusFilter;
    if (filter.length > 0) {
      params.assignmentStatus = [...filter];
    }
    return collectionFor(client, this.kind, this.workspaceSid).page(params) as Promise<Page<AnyResource>>;
  }

  protected override emptyMessage(): string {
    const filter = this.statusFilter;
    return filter.length > 0 ? `No ${filter.join(' or ')} tasks` : `No ${this.what}`;
  }

  protected override emptyAction(): MessageAction {
    const info = KINDS[this.kind];
    return {
      command: `taskrouter.create${info.title.replace(/ /g, '')}`,
      arguments: [this],
      description: 'click to create one',
      tooltip: `Create ${/^[aeiou]/i.test(info.noun) ? 'an' : 'a'} ${info.noun} in this workspace`,
    };
  }

  protected createChild(item: AnyResource, fetchedAt: number): TreeNode {
    return new ResourceNode(this.ctx, this, this.kind, item, fetchedAt);
  }
}
