import { AnyResource, collectionFor } from '../explorer/collections';
import { KINDS } from '../explorer/resourceKinds';
import { CommandContext, prompter } from './commandContext';
import { resolveResource } from './pickers';
import { friendlyNameProblem } from './validation';

/** Changes the friendly name of any resource that has one (every kind but tasks). */
export async function renameResource(ctx: CommandContext, node?: unknown): Promise<AnyResource | undefined> {
  const ref = await resolveResource(ctx, node, [
    'workspace',
    'workflow',
    'taskQueue',
    'worker',
    'activity',
    'taskChannel',
  ]);
  const { address } = ref;
  const info = KINDS[address.kind];
  const friendlyName = await prompter(ctx).inputBox({
    step: 'friendlyName',
    title: `Rename ${info.title}`,
    prompt: `New name for ${info.noun} '${ref.label}'`,
    value: ref.label,
    validate: (v) => friendlyNameProblem(v, address.kind === 'worker' || address.kind === 'activity' ? 255 : 64),
  });
  if (friendlyName.trim() === ref.label) {
    return ref.resource;
  }
  const client = await ctx.clients.get(address.accountId);
  const updated = await collectionFor(client, address.kind, address.workspaceSid).update(address.sid, {
    friendlyName: friendlyName.trim(),
  });
  ctx.changes.fire({ type: 'updated', address, resource: updated });
  return updated;
}
