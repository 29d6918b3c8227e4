// The TaskRouter tree: a thin provider that delegates to its items (see treeNode.ts), keeps the
// items it has handed out by id (so commands, tests and `reveal` can find them), and follows the
// changes made through the extension.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import { KINDS } from './resourceKinds';
import { AccountNode } from './accountNode';
import { AnyResource, collectionFor } from './collections';
import { FolderNode } from './folderNode';
import { PagedParentNode } from './pagedParentNode';
import type { ResourceChange, ResourceChanges } from './resourceChanges';
import { ResourceNode } from './resourceNode';
import { ErrorNode, MessageNode } from './statusNodes';
import type { ExplorerContext, TreeNode } from './treeNode';
import { WorkspaceNode } from './workspaceNode';

export class ExplorerTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly accountNodes = new Map<string, AccountNode>();
  private readonly known = new Map<string, TreeNode>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly ctx: ExplorerContext;

  constructor(
    private readonly accounts: AccountStore,
    changes: ResourceChanges,
    ctx: Omit<ExplorerContext, 'changed'>,
  ) {
    this.ctx = { ...ctx, changed: (node) => this.emitter.fire(node) };
    this.disposables.push(
      accounts.onDidChange(() => this.syncAccounts()),
      changes.onDidChange((change) => this.applyChange(change)),
      this.emitter,
    );
    this.syncAccounts(false);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    let children: TreeNode[];
    try {
      children = node ? ((await node.getChildren?.()) ?? []) : this.roots();
    } catch (error) {
      // Items turn their own failures into error items; this is the last line of defence.
      this.ctx.log.error(`Loading the children of ${node?.id ?? 'the tree'} failed`, error);
      children = [new ErrorNode(node, 'this item', error, () => this.refresh(node))];
    }
    for (const child of children) {
      this.known.set(child.id, child);
    }
    return children;
  }

  /**
   * The accounts; while only the built-in local sandbox is there, also an item that adds a Twilio
   * account (the view is never empty, so a welcome view would never show).
   */
  private roots(): TreeNode[] {
    const roots: TreeNode[] = [...this.accountNodes.values()];
    if (![...this.accountNodes.values()].some((a) => a.account.kind !== 'localSandbox')) {
      roots.push(
        new MessageNode(
          undefined,
          'Add a Twilio account…',
          'add',
          {
            command: 'taskrouter.addAccount',
            description: '',
            tooltip:
              "Connect a Twilio account with an API Key or an Auth Token. The Twilio CLI's profiles can be " +
              "imported from the view's menu (…). The Local sandbox works without an account.",
          },
          'add-account',
        ),
      );
    }
    return roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** An item handed out before, by its id (a path such as `account/WS.../workers`). */
  findNode(id: string): TreeNode | undefined {
    return this.accountNodes.get(id) ?? this.known.get(id);
  }

  /**
   * Refreshes one item: a resource or a workspace is fetched again (a workspace's folders reload);
   * a folder or an account reloads its children from the first page; without an item, the accounts
   * are read again (the environment account follows TWILIO_* variables) and everything reloads.
   */
  async refresh(node?: TreeNode): Promise<void> {
    if (!node) {
      this.syncAccounts(false);
      for (const account of this.accountNodes.values()) {
        account.reset();
      }
      this.known.clear();
      this.emitter.fire(undefined);
      return;
    }
    if (node instanceof ResourceNode || node instanceof WorkspaceNode) {
      await this.refreshResource(node);
      return;
    }
    if (node instanceof ErrorNode || node instanceof MessageNode) {
      if (node.parent) {
        await this.refresh(node.parent);
      }
      return;
    }
    node.reset?.();
    this.emitter.fire(node);
  }

  private async refreshResource(node: ResourceNode | WorkspaceNode): Promise<void> {
    // The list that holds the item: a folder, or the account for a workspace.
    const list = node.parent as unknown as PagedParentNode<AnyResource>;
    const { accountId, workspaceSid, kind, sid } = node.address;
    try {
      const client = await this.ctx.clients.get(accountId);
      const fresh = await collectionFor(client, kind, workspaceSid).get(sid);
      if (!list.replaceItem(fresh)) {
        list.reset();
      }
    } catch (error) {
      this.ctx.log.warn(`Refreshing ${KINDS[kind].noun} ${sid} failed; reloading its list: ${String(error)}`);
      list.reset();
    }
    this.emitter.fire(list);
  }

  private syncAccounts(fire = true): void {
    const current = this.accounts.list();
    const ids = new Set(current.map((a) => a.id));
    for (const id of [...this.accountNodes.keys()]) {
      if (!ids.has(id)) {
        this.accountNodes.delete(id);
      }
    }
    const ordered = new Map<string, AccountNode>();
    for (const account of current) {
      const existing = this.accountNodes.get(account.id);
      if (existing) {
        existing.update(account);
        ordered.set(account.id, existing);
      } else {
        ordered.set(account.id, new AccountNode(this.ctx, account));
      }
    }
    this.accountNodes.clear();
    for (const [id, node] of ordered) {
      this.accountNodes.set(id, node);
    }
    if (fire) {
      this.emitter.fire(undefined);
    }
  }

  /** Follows a change made through the extension: updates in place, reloads the list on creates. */
  private applyChange(change: ResourceChange): void {
    const { address } = change;
    if (address.kind === 'worker' || address.kind === 'task') {
      this.queueCountsChanged(address.accountId, address.workspaceSid);
    }
    const parent: TreeNode | undefined =
      address.kind === 'workspace'
        ? this.accountNodes.get(address.accountId)
        : this.known.get(`${address.accountId}/${address.workspaceSid}/${KINDS[address.kind].segment}`);
    if (!(parent instanceof PagedParentNode)) {
      return;
    }
    if (change.type === 'created') {
      parent.reset();
    } else if (change.type === 'updated' && change.resource) {
      if (!parent.replaceItem(change.resource)) {
        return;
      }
    } else if (change.type === 'deleted') {
      parent.removeItem(address.sid);
      this.forgetUnder(`${parent.id}/${address.sid}`);
    }
    this.emitter.fire(parent);
  }

  /** Workers and tasks make a queue's counts: its items fetch them again the next time they show. */
  private queueCountsChanged(accountId: string, workspaceSid: string): void {
    const queues = this.known.get(`${accountId}/${workspaceSid}/${KINDS.taskQueue.segment}`);
    if (!(queues instanceof FolderNode)) {
      return;
    }
    for (const node of queues.loadedChildren()) {
      if (node instanceof ResourceNode) {
        node.invalidateCounts();
        this.emitter.fire(node);
      }
    }
  }

  private forgetUnder(prefix: string): void {
    for (const id of [...this.known.keys()]) {
      if (id === prefix || id.startsWith(`${prefix}/`)) {
        this.known.delete(id);
      }
    }
  }

  /** The workspace item of an account and workspace SID, if it was shown. */
  workspaceNode(accountId: string, workspaceSid: string): WorkspaceNode | undefined {
    const node = this.known.get(`${accountId}/${workspaceSid}`);
    return node instanceof WorkspaceNode ? node : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
