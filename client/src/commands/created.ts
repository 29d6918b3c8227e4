import type { AnyResource } from '../explorer/collections';
import { KINDS, ResourceKind } from '../explorer/resourceKinds';
import { CommandContext, prompter } from './commandContext';

/** After a create: the tree reloads the list that holds the new resource, and the user is told. */
export function announceCreated(
  ctx: CommandContext,
  accountId: string,
  workspaceSid: string,
  kind: ResourceKind,
  resource: AnyResource,
): void {
  const name = 'friendlyName' in resource ? `'${resource.friendlyName}' ` : '';
  ctx.log.info(`Created ${KINDS[kind].noun} ${name}(${resource.sid})`);
  ctx.changes.fire({
    type: 'created',
    address: { accountId, workspaceSid: kind === 'workspace' ? resource.sid : workspaceSid, kind, sid: resource.sid },
    resource,
  });
  prompter(ctx).info(`Created ${KINDS[kind].noun} ${name}(${resource.sid}).`);
}
