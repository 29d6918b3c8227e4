// A tree item whose children are a paged list of resources: an account (its workspaces) or a
// folder of a workspace. Keeps loaded pages, shows "Load more" while the server has more, and turns
// a failed load into an error item with a retry.
import type * as vscode from 'vscode';
import type { Page } from '../api';
import { PagedList } from './pagedList';
import { ErrorNode, LoadMoreNode, MessageAction, MessageNode, PagedParent } from './statusNodes';
import type { ExplorerContext, TreeNode } from './treeNode';

export abstract class PagedParentNode<T extends { sid: string }> implements PagedParent {
  protected readonly list: PagedList<T>;
  private readonly nodes = new Map<string, TreeNode>();
  /** When the items of each page arrived, by SID (for a task's age). */
  private readonly fetchedAt = new Map<string, number>();

  constructor(
    protected readonly ctx: ExplorerContext,
    readonly id: string,
    readonly parent: TreeNode | undefined,
  ) {
    this.list = new PagedList<T>(async () => this.loadFirstPage());
  }

  abstract getTreeItem(): vscode.TreeItem;
  /** Fetches the first page with the current filters and page size. */
  protected abstract loadFirstPage(): Promise<Page<T>>;
  protected abstract createChild(item: T, fetchedAt: number): TreeNode;
  /** "workspaces", "workers": for messages. */
  protected abstract readonly what: string;

  /** The message shown when the list is empty. */
  protected emptyMessage(): string {
    return `No ${this.what}`;
  }

  /** What clicking the "No ..." item does (create the first one). */
  protected emptyAction(): MessageAction | undefined {
    return undefined;
  }

  get loading(): boolean {
    return this.list.state === 'loading';
  }

  /** The resources loaded so far. */
  get items(): readonly T[] {
    return this.list.items;
  }

  get hasMore(): boolean {
    return this.list.hasMore;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (this.list.state === 'idle') {
      await this.list.loadMore();
    } else if (this.list.state === 'loading' && !this.list.started) {
      await this.list.loadMore();
    }
    const children: TreeNode[] = this.list.items.map((item) => this.childFor(item));
    if (this.list.state === 'error') {
      children.push(
        new ErrorNode(this, this.list.started ? `more ${this.what}` : this.what, this.list.error, () =>
          this.loadMore(),
        ),
      );
    } else if (this.list.hasMore || (this.list.state === 'loading' && this.list.started)) {
      children.push(new LoadMoreNode(this));
    } else if (children.length === 0) {
      children.push(new MessageNode(this, this.emptyMessage(), 'info', this.emptyAction()));
    }
    return children;
  }

  private childFor(item: T): TreeNode {
    let node = this.nodes.get(item.sid);
    if (!node) {
      let at = this.fetchedAt.get(item.sid);
      if (at === undefined) {
        at = this.ctx.now();
        this.fetchedAt.set(item.sid, at);
      }
      node = this.createChild(item, at);
      this.nodes.set(item.sid, node);
    }
    return node;
  }

  /** Loads the next page (or retries the one that failed); one load at a time. */
  async loadMore(): Promise<void> {
    const load = this.list.loadMore();
    this.ctx.changed(this);
    await load;
    this.ctx.changed(this);
  }

  reset(): void {
    this.list.reset();
    this.nodes.clear();
    this.fetchedAt.clear();
  }

  /** Shows a new version of a loaded resource without reloading the list. */
  replaceItem(item: T): boolean {
    if (!this.list.replace((i) => i.sid === item.sid, item)) {
      return false;
    }
    this.nodes.delete(item.sid);
    this.fetchedAt.set(item.sid, this.ctx.now());
    return true;
  }

  /** Drops a deleted resource from the loaded pages without reloading the list. */
  removeItem(sid: string): boolean {
    this.nodes.delete(sid);
    this.fetchedAt.delete(sid);
    return this.list.remove((i) => i.sid === sid) > 0;
  }

  /** The child item of a loaded resource. */
  childBySid(sid: string): TreeNode | undefined {
    return this.nodes.get(sid);
  }

  /** The child items made so far for loaded resources. */
  loadedChildren(): TreeNode[] {
    return [...this.nodes.values()];
  }
}
