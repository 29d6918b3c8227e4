// Resolving what a command works on: the item it was run on, or quick picks when it was run from
// the command palette (account, then workspace, then resource).
import type * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { Workspace } from '../api';
import { AccountNode } from '../explorer/accountNode';
import { AnyResource, ResourceByKind, collectionFor } from '../explorer/collections';
import { FolderNode } from '../explorer/folderNode';
import { KINDS, ResourceKind, WORKSPACE_FOLDERS, WorkspaceChildKind } from '../explorer/resourceKinds';
import { ResourceHolder, ResourceNode } from '../explorer/resourceNode';
import { WorkspaceNode } from '../explorer/workspaceNode';
import type { ResourceAddress } from '../fs/resourcePath';
import { CommandContext, prompter } from './commandContext';

/** How many items a quick pick lists at most (pages are fetched until then). */
const PICK_LIMIT = 1000;

export interface WorkspaceRef {
  accountId: string;
  workspace: Workspace;
}

export interface ResourceRef extends ResourceHolder {
  address: ResourceAddress;
  resource: AnyResource;
  label: string;
}

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

export async function pickAccount(ctx: CommandContext, filter: (a: Account) => boolean = () => true): Promise<Account> {
  const accounts = ctx.accounts.list().filter(filter);
  if (accounts.length === 0) {
    throw new Error('There is no account this command can work on. Add one with "TaskRouter: Add Account".');
  }
  const picked = await prompter(ctx).quickPick<Item<Account>>(
    accounts.map((a) => ({ label: a.label, description: a.accountSid ?? a.source, value: a })),
    { step: 'account', placeHolder: 'Choose an account' },
  );
  return picked.value;
}

/** The account of an account item, or a quick pick. */
export async function resolveAccount(
  ctx: CommandContext,
  node: unknown,
  filter: (a: Account) => boolean = () => true,
): Promise<Account> {
  if (node instanceof AccountNode && filter(node.account)) {
    return node.account;
  }
  return pickAccount(ctx, filter);
}

/** Lists up to PICK_LIMIT items of a kind, page by page. */
export async function listForPick<K extends ResourceKind>(
  ctx: CommandContext,
  accountId: string,
  kind: K,
  workspaceSid: string,
): Promise<ResourceByKind[K][]> {
  const client = await ctx.clients.get(accountId);
  const collection = collectionFor(client, kind, workspaceSid);
  const items: ResourceByKind[K][] = [];
  let page = await collection.page({ pageSize: Math.min(PICK_LIMIT, 200) });
  for (;;) {
    items.push(...page.items);
    if (!page.hasNextPage || items.length >= PICK_LIMIT) {
      break;
    }
    const next = await page.nextPage();
    if (!next) {
      break;
    }
    page = next;
  }
  return items.slice(0, PICK_LIMIT);
}

export async function pickWorkspace(ctx: CommandContext, account?: Account): Promise<WorkspaceRef> {
  const acc = account ?? (await pickAccount(ctx));
  const workspaces = listForPick(ctx, acc.id, 'workspace', '');
  const picked = await prompter(ctx).quickPick<Item<Workspace>>(
    workspaces.then((list) => {
      if (list.length === 0) {
        throw new Error(`Account '${acc.label}' has no workspace. Create one with "TaskRouter: Create Workspace".`);
      }
      return list.map((w) => ({ label: w.friendlyName, description: w.sid, value: w }));
    }),
    { step: 'workspace', placeHolder: `Choose a workspace of ${acc.label}`, matchOnDescription: true },
  );
  return { accountId: acc.id, workspace: picked.value };
}

/** The workspace an item belongs to (workspace, folder or resource item), or quick picks. */
export async function resolveWorkspace(ctx: CommandContext, node: unknown): Promise<WorkspaceRef> {
  if (node instanceof WorkspaceNode) {
    return { accountId: node.accountId, workspace: node.resource };
  }
  if (node instanceof FolderNode || node instanceof ResourceNode) {
    const ws = node instanceof FolderNode ? node.parent : node.parent.parent;
    if (ws instanceof WorkspaceNode) {
      return { accountId: ws.accountId, workspace: ws.resource };
    }
  }
  if (node instanceof AccountNode) {
    return pickWorkspace(ctx, node.account);
  }
  return pickWorkspace(ctx);
}

export async function pickResource<K extends WorkspaceChildKind>(
  ctx: CommandContext,
  ws: WorkspaceRef,
  kind: K,
  step: string = KINDS[kind].segment,
  listed?: Promise<ResourceByKind[K][]>,
): Promise<ResourceByKind[K]> {
  const info = KINDS[kind];
  const picked = await prompter(ctx).quickPick<Item<ResourceByKind[K]>>(
    (listed ?? listForPick(ctx, ws.accountId, kind, ws.workspace.sid)).then((list) => {
      if (list.length === 0) {
        throw new Error(`Workspace '${ws.workspace.friendlyName}' has no ${info.folderLabel.toLowerCase()}.`);
      }
      return list.map((r) => ({
        label: 'friendlyName' in r ? r.friendlyName : r.sid,
        description: 'friendlyName' in r ? r.sid : (r as { assignmentStatus?: string }).assignmentStatus,
        value: r,
      }));
    }),
    { step, placeHolder: `Choose a ${info.noun}`, matchOnDescription: true },
  );
  return picked.value;
}

/**
 * The resource an item shows (of one of `kinds`), or quick picks: account, workspace, kind (when
 * several are allowed) and the resource.
 */
export async function resolveResource(
  ctx: CommandContext,
  node: unknown,
  kinds: readonly ResourceKind[] = ['workspace', ...WORKSPACE_FOLDERS],
): Promise<ResourceRef> {
  if ((node instanceof ResourceNode || node instanceof WorkspaceNode) && kinds.includes(node.address.kind)) {
    return { address: node.address, resource: node.resource, label: node.label };
  }
  let kind: ResourceKind;
  if (kinds.length === 1) {
    kind = kinds[0];
  } else {
    const picked = await prompter(ctx).quickPick<Item<ResourceKind>>(
      kinds.map((k) => ({ label: KINDS[k].title, value: k })),
      { step: 'kind', placeHolder: 'Which kind of resource?' },
    );
    kind = picked.value;
  }
  const account = node instanceof AccountNode ? node.account : await pickAccount(ctx);
  if (kind === 'workspace') {
    const ws = await pickWorkspace(ctx, account);
    return {
      address: { accountId: ws.accountId, workspaceSid: ws.workspace.sid, kind: 'workspace', sid: ws.workspace.sid },
      resource: ws.workspace,
      label: ws.workspace.friendlyName,
    };
  }
  const ws = await pickWorkspace(ctx, account);
  const resource = await pickResource(ctx, ws, kind);
  return {
    address: { accountId: ws.accountId, workspaceSid: ws.workspace.sid, kind, sid: resource.sid },
    resource,
    label: 'friendlyName' in resource ? resource.friendlyName : resource.sid,
  };
}

/** The activities of a workspace, for pickers. */
export function listActivities(ctx: CommandContext, ws: WorkspaceRef) {
  return listForPick(ctx, ws.accountId, 'activity', ws.workspace.sid);
}
