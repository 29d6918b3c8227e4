import type { TreeNode } from '../explorer/treeNode';
import type { CommandContext } from './commandContext';

/** Refreshes the item it was run on (a resource is fetched again; a list reloads), or the whole tree. */
export async function refresh(ctx: CommandContext, node?: unknown): Promise<void> {
  await ctx.tree.refresh(isTreeNode(node) ? node : undefined);
}

export function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && 'id' in value && 'getTreeItem' in value;
}
