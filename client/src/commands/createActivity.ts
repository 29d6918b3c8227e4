import type * as vscode from 'vscode';
import type { Activity } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { resolveWorkspace } from './pickers';
import { friendlyNameProblem } from './validation';

/** Creates an activity. Its availability cannot change later, so it is asked explicitly. */
export async function createActivity(ctx: CommandContext, node?: unknown): Promise<Activity> {
  const ws = await resolveWorkspace(ctx, node);
  const p = prompter(ctx);
  const friendlyName = await p.inputBox({
    step: 'friendlyName',
    title: 'Create Activity',
    prompt: 'Activity name',
    placeHolder: 'On Break',
    validate: (v) => friendlyNameProblem(v, 64),
  });
  const available = await p.quickPick<vscode.QuickPickItem & { value: boolean }>(
    [
      { label: 'Unavailable', description: 'Workers in this activity get no tasks', value: false },
      { label: 'Available', description: 'Workers in this activity can get tasks', value: true },
    ],
    { step: 'available', title: 'Create Activity', placeHolder: 'Availability (cannot be changed later)' },
  );
  const client = await ctx.clients.get(ws.accountId);
  const activity = await client
    .activities(ws.workspace.sid)
    .create({ friendlyName: friendlyName.trim(), available: available.value });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'activity', activity);
  return activity;
}
