import type * as vscode from 'vscode';
import type { Worker } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { listActivities, resolveWorkspace } from './pickers';
import { attributesProblem, friendlyNameProblem } from './validation';

/** Creates a worker: name, starting activity, attributes (checked as a JSON object before sending). */
export async function createWorker(ctx: CommandContext, node?: unknown): Promise<Worker> {
  const ws = await resolveWorkspace(ctx, node);
  const p = prompter(ctx);
  const friendlyName = await p.inputBox({
    step: 'friendlyName',
    title: 'Create Worker',
    prompt: 'Worker name (unique in the workspace)',
    placeHolder: 'Alice',
    validate: (v) => friendlyNameProblem(v, 255),
  });
  const activity = await p.quickPick<vscode.QuickPickItem & { value: string | undefined }>(
    listActivities(ctx, ws).then((activities) => [
      {
        label: 'Workspace default',
        description: ws.workspace.defaultActivityName ?? undefined,
        value: undefined,
      },
      ...activities.map((a) => ({
        label: a.friendlyName,
        description: a.available ? 'available' : 'unavailable',
        value: a.sid,
      })),
    ]),
    { step: 'activity', title: 'Create Worker', placeHolder: 'Starting activity' },
  );
  const attributes = await p.inputBox({
    step: 'attributes',
    title: 'Create Worker',
    prompt: 'Attributes (a JSON object)',
    value: '{}',
    validate: attributesProblem,
  });
  const client = await ctx.clients.get(ws.accountId);
  const worker = await client.workers(ws.workspace.sid).create({
    friendlyName: friendlyName.trim(),
    attributes,
    ...(activity.value ? { activitySid: activity.value } : {}),
  });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'worker', worker);
  return worker;
}
