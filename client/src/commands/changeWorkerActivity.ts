import type * as vscode from 'vscode';
import type { Worker } from '../api';
import { CommandContext, prompter } from './commandContext';
import { listActivities, resolveResource } from './pickers';

/** Moves a worker to another activity (e.g. Available, Offline). */
export async function changeWorkerActivity(ctx: CommandContext, node?: unknown): Promise<Worker> {
  const ref = await resolveResource(ctx, node, ['worker']);
  const worker = ref.resource as Worker;
  const { address } = ref;
  const client = await ctx.clients.get(address.accountId);
  const ws = { accountId: address.accountId, workspace: await client.workspaces.get(address.workspaceSid) };
  const picked = await prompter(ctx).quickPick<vscode.QuickPickItem & { value: string }>(
    listActivities(ctx, ws).then((activities) =>
      activities.map((a) => ({
        label: a.friendlyName,
        description: [a.available ? 'available' : 'unavailable', a.sid === worker.activitySid ? 'current' : '']
          .filter(Boolean)
          .join(' · '),
        value: a.sid,
      })),
    ),
    { step: 'activity', placeHolder: `New activity for '${worker.friendlyName}'` },
  );
  const updated = await client.workers(address.workspaceSid).update(worker.sid, { activitySid: picked.value });
  ctx.changes.fire({ type: 'updated', address, resource: updated });
  return updated;
}
