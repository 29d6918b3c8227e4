import { WorkflowConfig, WorkflowRule, WorkflowRuleTarget } from '../../../server/src/builders';
import type { Workflow } from '../api';
import { CommandContext, prompter } from './commandContext';
import { announceCreated } from './created';
import { showConfiguration } from './openWorkflowConfiguration';
import { listForPick, pickResource, resolveWorkspace } from './pickers';
import { friendlyNameProblem } from './validation';

/**
 * The starter configuration of a new workflow, built with the builder helpers: one filter that
 * takes every task to the chosen queue, and the same queue as the default.
 */
export function starterConfiguration(queueSid: string): string {
  return new WorkflowConfig(
    [new WorkflowRule('1==1', [new WorkflowRuleTarget(queueSid)], 'All tasks')],
    new WorkflowRuleTarget(queueSid),
  ).toJson();
}

/** Creates a workflow with a starter configuration and opens that configuration for editing. */
export async function createWorkflow(ctx: CommandContext, node?: unknown): Promise<Workflow> {
  const ws = await resolveWorkspace(ctx, node);
  // A workflow routes to a queue: say so before asking anything when the workspace has none.
  const queues = await listForPick(ctx, ws.accountId, 'taskQueue', ws.workspace.sid);
  if (queues.length === 0) {
    throw new Error(
      `Workspace '${ws.workspace.friendlyName}' has no task queue for a workflow to route to. Create a task queue first.`,
    );
  }
  const friendlyName = await prompter(ctx).inputBox({
    step: 'friendlyName',
    title: 'Create Workflow',
    prompt: 'Workflow name',
    placeHolder: 'Support Workflow',
    validate: (v) => friendlyNameProblem(v),
  });
  const queue = await pickResource(ctx, ws, 'taskQueue', 'queue', Promise.resolve(queues));
  const client = await ctx.clients.get(ws.accountId);
  const workflow = await client.workflows(ws.workspace.sid).create({
    friendlyName: friendlyName.trim(),
    configuration: starterConfiguration(queue.sid),
  });
  await announceCreated(ctx, ws.accountId, ws.workspace.sid, 'workflow', workflow);
  await showConfiguration(
    { accountId: ws.accountId, workspaceSid: ws.workspace.sid, kind: 'workflow', sid: workflow.sid },
    workflow.friendlyName,
  );
  return workflow;
}
