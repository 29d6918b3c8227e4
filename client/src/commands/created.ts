import type { AnyResource } from '../explorer/collections';
import { KINDS, ResourceKind } from '../explorer/resourceKinds';
import { errorMessage } from '../log';
import { CommandContext, prompter } from './commandContext';

/**
 * After a create: the tree reloads the list that holds the new resource and selects the new item
 * when that list is shown, and the user is told.
 */
export async function announceCreated(
  ctx: CommandContext,
  accountId: string,
  workspaceSid: string,
  kind: ResourceKind,
  resource: AnyResource,
): Promise<void> {
  const name = 'friendlyName' in resource ? `'${resource.friendlyName}' ` : '';
  ctx.log.info(`Created ${KINDS[kind].noun} ${name}(${resource.sid})`);
  ctx.changes.fire({
    type: 'created',
    address: { accountId, workspaceSid: kind === 'workspace' ? resource.sid : workspaceSid, kind, sid: resource.sid },
    resource,
  });
  prompter(ctx).info(`Created ${KINDS[kind].noun} ${name}(${resource.sid}).`);
  await revealCreated(
    ctx,
    kind === 'workspace' ? accountId : `${accountId}/${workspaceSid}/${KINDS[kind].segment}`,
    resource.sid,
  );
}

/**
 * Selects the new item in the view, so a create run from the palette or on a collapsed item shows
 * where the resource went. Only when its list was shown before; a new item beyond the loaded pages
 * stays where it is ("Load more").
 */
async function revealCreated(ctx: CommandContext, parentId: string, sid: string): Promise<void> {
  const parent = ctx.tree.findNode(parentId);
  if (!parent || !ctx.treeView) {
    return;
  }
  try {
    const node = (await ctx.tree.getChildren(parent)).find((n) => n.id === `${parentId}/${sid}`);
    if (node) {
      await ctx.treeView.reveal(node, { select: true, focus: false, expand: false });
    }
  } catch (error) {
    // The resource was created; not showing it in the view is no failure of the command.
    ctx.log.warn(`Could not show the new item ${sid} in the view: ${errorMessage(error)}`);
  }
}
