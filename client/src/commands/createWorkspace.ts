import type * as vscode from 'vscode';
import type { Workspace } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { resolveAccount } from './pickers';
import { friendlyNameProblem } from './validation';

/** Creates a workspace from a template: NONE (the default activities) or FIFO (also a queue and a workflow). */
export async function createWorkspace(ctx: CommandContext, node?: unknown): Promise<Workspace> {
  const account = await resolveAccount(ctx, node);
  const p = prompter(ctx);
  const friendlyName = await p.inputBox({
    step: 'friendlyName',
    title: 'Create Workspace',
    prompt: 'Workspace name',
    placeHolder: 'Customer Support',
    validate: (v) => friendlyNameProblem(v),
  });
  const template = await p.quickPick<vscode.QuickPickItem & { value: 'FIFO' | 'NONE' }>(
    [
      {
        label: 'FIFO',
        description: 'Activities, a queue of all workers and a workflow routing every task to it',
        value: 'FIFO',
      },
      { label: 'NONE', description: 'Only the default activities (Offline, Available, Unavailable)', value: 'NONE' },
    ],
    { step: 'template', title: 'Create Workspace', placeHolder: 'Start from a template' },
  );
  const client = await ctx.clients.get(account.id);
  const workspace = await client.workspaces.create({ friendlyName: friendlyName.trim(), template: template.value });
  await announceCreated(ctx, account.id, workspace.sid, 'workspace', workspace);
  return workspace;
}
