import type { TaskQueue } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { resolveWorkspace } from './pickers';
import { friendlyNameProblem } from './validation';

/** Creates a task queue with a target-workers expression. */
export async function createTaskQueue(ctx: CommandContext, node?: unknown): Promise<TaskQueue> {
  const ws = await resolveWorkspace(ctx, node);
  const p = prompter(ctx);
  const friendlyName = await p.inputBox({
    step: 'friendlyName',
    title: 'Create Task Queue',
    prompt: 'Task queue name',
    placeHolder: 'Spanish Support',
    validate: (v) => friendlyNameProblem(v),
  });
  const targetWorkers = await p.inputBox({
    step: 'targetWorkers',
    title: 'Create Task Queue',
    prompt: 'Which workers belong to the queue (an expression over worker attributes; 1==1 for all)',
    value: '1==1',
    validate: (v) => (v.trim() === '' ? 'Enter an expression, e.g. languages HAS "es".' : undefined),
  });
  const client = await ctx.clients.get(ws.accountId);
  const queue = await client
    .taskQueues(ws.workspace.sid)
    .create({ friendlyName: friendlyName.trim(), targetWorkers: targetWorkers.trim() });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'taskQueue', queue);
  return queue;
}
