// An account: its children are its workspaces, one page at a time.
import * as vscode from 'vscode';
import { Account, describeCredential } from '../accounts/account';
import type { Page, Workspace } from '../api';
import { accountContext } from './contextValues';
import { escapeMarkdown } from './describe';
import { PagedParentNode } from './pagedParentNode';
import type { MessageAction } from './statusNodes';
import type { ExplorerContext, TreeNode } from './treeNode';
import { WorkspaceNode } from './workspaceNode';

export class AccountNode extends PagedParentNode<Workspace> {
  protected readonly what = 'workspaces';

  constructor(
    ctx: ExplorerContext,
    private current: Account,
  ) {
    super(ctx, current.id, undefined);
  }

  get account(): Account {
    return this.current;
  }

  get accountId(): string {
    return this.current.id;
  }

  /** Takes new metadata (a rename, or the sandbox's SID after its first start) without dropping loaded pages. */
  update(account: Account): void {
    this.current = account;
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.current;
    const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(
      a.kind === 'localSandbox' ? 'beaker' : a.kind === 'environment' ? 'terminal' : 'account',
    );
    if (a.kind === 'localSandbox') {
      item.description = a.baseUrl ? `built-in · ${new URL(a.baseUrl).host}` : 'built-in · not started';
    } else if (a.baseUrl) {
      item.description = new URL(a.baseUrl).host;
    } else {
      item.description = a.accountSid ?? '';
    }
    const lines = [
      `**${escapeMarkdown(a.label)}**`,
      '',
      `Account: ${escapeMarkdown(a.accountSid ?? 'made on first start')}  `,
      `Signs in with: ${escapeMarkdown(describeCredential(a))}  `,
      `API: ${escapeMarkdown(a.baseUrl ?? 'https://taskrouter.twilio.com')}  `,
      `From: ${escapeMarkdown(a.source)}`,
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n'));
    item.contextValue = accountContext(a.kind);
    return item;
  }

  protected async loadFirstPage(): Promise<Page<Workspace>> {
    const client = await this.ctx.clients.get(this.current.id);
    return client.workspaces.page({ pageSize: this.ctx.pageSize() });
  }

  protected override emptyAction(): MessageAction {
    return {
      command: 'taskrouter.createWorkspace',
      arguments: [this],
      description: 'click to create one',
      tooltip: `Create a workspace in ${this.current.label}`,
    };
  }

  protected createChild(item: Workspace): TreeNode {
    return new WorkspaceNode(this.ctx, this, item);
  }
}
