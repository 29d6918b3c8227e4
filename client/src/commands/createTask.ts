import type { Task } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { pickResource, resolveWorkspace } from './pickers';
import { attributesProblem, integerProblem } from './validation';

/** Creates a task: workflow, attributes (checked as a JSON object) and priority. */
export async function createTask(ctx: CommandContext, node?: unknown): Promise<Task> {
  const ws = await resolveWorkspace(ctx, node);
  const p = prompter(ctx);
  const workflow = await pickResource(ctx, ws, 'workflow');
  const attributes = await p.inputBox({
    step: 'attributes',
    title: 'Create Task',
    prompt: 'Attributes (a JSON object the workflow routes on)',
    value: '{}',
    validate: attributesProblem,
  });
  const priority = await p.inputBox({
    step: 'priority',
    title: 'Create Task',
    prompt: 'Priority (higher goes first)',
    value: '0',
    validate: (v) => integerProblem(v, 0, 2147483647),
  });
  const client = await ctx.clients.get(ws.accountId);
  const task = await client.tasks(ws.workspace.sid).create({
    workflowSid: workflow.sid,
    attributes,
    priority: Number(priority.trim()),
  });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'task', task);
  return task;
}
