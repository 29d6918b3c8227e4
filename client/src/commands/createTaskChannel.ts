import type { TaskChannel } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { resolveWorkspace } from './pickers';
import { friendlyNameProblem, uniqueNameProblem } from './validation';

/** Creates a task channel (a name and a unique name such as `chat`). */
export async function createTaskChannel(ctx: CommandContext, node?: unknown): Promise<TaskChannel> {
  const ws = await resolveWorkspace(ctx, node);
  const p = prompter(ctx);
  const friendlyName = await p.inputBox({
    step: 'friendlyName',
    title: 'Create Task Channel',
    prompt: 'Task channel name',
    placeHolder: 'Chat',
    validate: (v) => friendlyNameProblem(v),
  });
  const uniqueName = await p.inputBox({
    step: 'uniqueName',
    title: 'Create Task Channel',
    prompt: 'Unique name, used by tasks to name their channel',
    value: friendlyName
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-'),
    validate: uniqueNameProblem,
  });
  const client = await ctx.clients.get(ws.accountId);
  const channel = await client
    .taskChannels(ws.workspace.sid)
    .create({ friendlyName: friendlyName.trim(), uniqueName: uniqueName.trim() });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'taskChannel', channel);
  return channel;
}
