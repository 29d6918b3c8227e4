import { AnyResource, collectionFor } from '../explorer/collections';
import { KINDS } from '../explorer/resourceKinds';
import { ResourceNode } from '../explorer/resourceNode';
import { WorkspaceNode } from '../explorer/workspaceNode';
import { errorMessage } from '../log';
import { CommandContext, prompter } from './commandContext';
import { ResourceRef, resolveResource } from './pickers';

function describe(ref: ResourceRef): string {
  const info = KINDS[ref.address.kind];
  return 'friendlyName' in ref.resource ? `${info.noun} '${ref.label}'` : `${info.noun} ${ref.resource.sid}`;
}

/**
 * Deletes the resources selected in the tree (or the one it was run on, or one picked from the
 * palette), after a confirmation that names each of them.
 */
export async function deleteResources(ctx: CommandContext, node?: unknown, selected?: unknown): Promise<AnyResource[]> {
  const fromSelection = (Array.isArray(selected) ? selected : [])
    .filter((n): n is ResourceNode | WorkspaceNode => n instanceof ResourceNode || n instanceof WorkspaceNode)
    .map((n) => ({ address: n.address, resource: n.resource, label: n.label }));
  const refs: ResourceRef[] = fromSelection.length > 1 ? fromSelection : [await resolveResource(ctx, node)];
  const names = refs.map(describe);
  const workspaces = refs.filter((r) => r.address.kind === 'workspace');
  const message =
    refs.length === 1 ? `Delete ${names[0]}?` : `Delete these ${refs.length} resources: ${names.join(', ')}?`;
  const detail =
    (workspaces.length > 0
      ? 'Deleting a workspace also deletes every workflow, queue, worker, activity and task in it. '
      : '') + 'This cannot be undone.';
  const answer = await prompter(ctx).ask(message, { step: 'confirm', modal: true, detail }, 'Delete');
  if (answer !== 'Delete') {
    return [];
  }
  const deleted: AnyResource[] = [];
  const failures: string[] = [];
  for (const ref of refs) {
    const { address } = ref;
    try {
      const client = await ctx.clients.get(address.accountId);
      await collectionFor(client, address.kind, address.workspaceSid).delete(address.sid);
      deleted.push(ref.resource);
      ctx.log.info(`Deleted ${describe(ref)} (${address.sid})`);
      ctx.changes.fire({ type: 'deleted', address });
    } catch (error) {
      failures.push(`${describe(ref)}: ${errorMessage(error)}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(`Not deleted: ${failures.join('; ')}`);
  }
  return deleted;
}
