// A resource inside a workspace: a workflow, task queue, worker, activity, task or task channel.
import * as vscode from 'vscode';
import type { TaskQueue } from '../api';
import type { ResourceAddress } from '../fs/resourcePath';
import { errorMessage } from '../log';
import type { AnyResource } from './collections';
import { resourceContext } from './contextValues';
import type { QueueCounts } from './describe';
import { present } from './presentation';
import type { WorkspaceChildKind } from './resourceKinds';
import type { ExplorerContext, TreeNode } from './treeNode';

export interface ResourceHolder {
  readonly address: ResourceAddress;
  readonly resource: AnyResource;
  /** The label the tree shows, for messages ("Delete worker 'Alice'?"). */
  readonly label: string;
}

export class ResourceNode implements TreeNode, ResourceHolder {
  readonly id: string;
  private queueCounts: QueueCounts | undefined;
  private countsRequested = false;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly parent: TreeNode & { readonly accountId: string; readonly workspaceSid: string },
    readonly kind: WorkspaceChildKind,
    readonly resource: AnyResource,
    private readonly fetchedAt: number,
  ) {
    this.id = `${parent.id}/${resource.sid}`;
  }

  get address(): ResourceAddress {
    return {
      accountId: this.parent.accountId,
      workspaceSid: this.parent.workspaceSid,
      kind: this.kind,
      sid: this.resource.sid,
    };
  }

  get label(): string {
    return 'friendlyName' in this.resource ? this.resource.friendlyName : this.resource.sid;
  }

  getTreeItem(): vscode.TreeItem {
    if (this.kind === 'taskQueue' && !this.countsRequested) {
      this.countsRequested = true;
      void this.loadQueueCounts();
    }
    const p = present({
      kind: this.kind,
      resource: this.resource as unknown as Record<string, unknown>,
      fetchedAt: this.fetchedAt,
      now: this.ctx.now(),
      queueCounts: this.queueCounts,
    });
    const item = new vscode.TreeItem(p.label, vscode.TreeItemCollapsibleState.None);
    item.description = p.description;
    item.tooltip = new vscode.MarkdownString(p.tooltip);
    item.iconPath = new vscode.ThemeIcon(p.icon, p.iconColor ? new vscode.ThemeColor(p.iconColor) : undefined);
    item.contextValue = resourceContext(this.kind);
    return item;
  }

  /**
   * Forgets that a queue's counts were loaded, so the next time the item shows they are fetched again (after a
   * change to a worker or a task of the workspace). The old counts stay on screen until the new ones arrive.
   */
  invalidateCounts(): void {
    this.countsRequested = false;
  }

  /** A queue's waiting tasks and available workers come from its real-time statistics, after the item shows. */
  private async loadQueueCounts(): Promise<void> {
    const queue = this.resource as TaskQueue;
    try {
      const client = await this.ctx.clients.get(this.parent.accountId);
      const stats = await client.statistics.taskQueueRealTime(this.parent.workspaceSid, queue.sid);
      this.queueCounts = {
        waiting: stats.tasksByStatus?.pending ?? 0,
        availableWorkers: stats.totalAvailableWorkers ?? 0,
      };
    } catch (error) {
      // The queue itself loaded; its counts are extra. The log says why they are missing.
      this.queueCounts = undefined;
      this.ctx.log.warn(`Statistics of task queue ${queue.sid} could not be loaded: ${errorMessage(error)}`);
      return;
    }
    this.ctx.changed(this);
  }
}
