// Context values of tree items. They are composed of `;`-separated parts, so package.json menus can
// match them with regular expressions, e.g. `viewItem =~ /^resource;workflow(;|$)/`.
// Pure: no `vscode` import.
import type { AccountKind } from '../accounts/account';
import type { ResourceKind } from './resourceKinds';

export function accountContext(kind: AccountKind): string {
  return `account;${kind}`;
}

export function resourceContext(kind: ResourceKind, ...flags: string[]): string {
  return ['resource', kind, ...flags].join(';');
}

export function folderContext(kind: ResourceKind, filtered = false): string {
  return filtered ? `folder;${kind};filtered` : `folder;${kind}`;
}

export const LOAD_MORE_CONTEXT = 'loadMore';
export const ERROR_CONTEXT = 'error';
export const MESSAGE_CONTEXT = 'message';
