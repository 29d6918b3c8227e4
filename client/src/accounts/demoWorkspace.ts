// The demo workspace the local sandbox starts with, so a first look at the extension shows a
// working contact center instead of an empty tree: the seed's "Customer Support" FIFO workspace,
// workers with languages and skills, an extra activity, two queues, a workflow like the seed's
// "Gold Tickets" example, and tasks in each state. Pure: only the REST client, no `vscode`.
import { WorkflowConfig, WorkflowRule, WorkflowRuleTarget } from '../../../server/src/builders';
import type { TaskRouterClient, Workspace } from '../api';

export const DEMO_WORKSPACE = 'Customer Support';

/** The expression of the "Gold Tickets" filter (the seed's example). */
export const GOLD_TICKETS_EXPRESSION = "customer_value == 'Gold' AND type == 'ticket'";

/**
 * Makes the demo workspace through the REST client. Routing is the server's: tasks are created
 * through the workflow, reservations are accepted and tasks completed or canceled as a person would.
 */
export async function createDemoWorkspace(client: TaskRouterClient): Promise<Workspace> {
  const workspace = await client.workspaces.create({ friendlyName: DEMO_WORKSPACE, template: 'FIFO' });
  const ws = workspace.sid;
  const activities = (await client.activities(ws).page({ pageSize: 50 })).items;
  const activity = (name: string): string => {
    const found = activities.find((a) => a.friendlyName === name);
    if (!found) {
      throw new Error(`The FIFO template made no '${name}' activity.`);
    }
    return found.sid;
  };
  const onBreak = await client.activities(ws).create({ friendlyName: 'On Break', available: false });

  // The FIFO template's queue takes every worker; the second one only those with the "gold" skill.
  const everyone = (await client.taskQueues(ws).page({ pageSize: 50 })).items[0];
  if (!everyone) {
    throw new Error('The FIFO template made no task queue.');
  }
  const gold = await client
    .taskQueues(ws)
    .create({ friendlyName: 'Gold Support', targetWorkers: 'skills HAS "gold"', taskOrder: 'FIFO' });
  const configuration = new WorkflowConfig(
    [
      new WorkflowRule(
        GOLD_TICKETS_EXPRESSION,
        [new WorkflowRuleTarget(gold.sid, null, 2, 300), new WorkflowRuleTarget(everyone.sid)],
        'Gold Tickets',
      ),
    ],
    new WorkflowRuleTarget(everyone.sid),
  ).toJson();
  // A long reservation timeout keeps the demo's reservations from timing out while someone looks at them.
  const workflow = await client
    .workflows(ws)
    .create({ friendlyName: 'Gold Tickets', configuration, taskReservationTimeout: 86400 });

  const workers = client.workers(ws);
  await workers.create({
    friendlyName: 'Alice',
    activitySid: activity('Available'),
    attributes: { languages: ['en', 'es'], skills: ['gold', 'billing'] },
  });
  await workers.create({
    friendlyName: 'Bob',
    activitySid: activity('Available'),
    attributes: { languages: ['en'], skills: ['billing'] },
  });
  await workers.create({
    friendlyName: 'Carol',
    activitySid: activity('Offline'),
    attributes: { languages: ['en', 'fr'], skills: ['gold'] },
  });
  await workers.create({
    friendlyName: 'Dave',
    activitySid: onBreak.sid,
    attributes: { languages: ['es'], skills: ['billing'] },
  });

  const tasks = client.tasks(ws);
  const newTask = (attributes: Record<string, unknown>, priority = 0) =>
    tasks.create({ workflowSid: workflow.sid, attributes, priority });
  const accept = async (taskSid: string): Promise<void> => {
    const reservations = client.taskReservations(ws, taskSid);
    const pending = (await reservations.page()).items.find((r) => r.reservationStatus === 'pending');
    if (!pending) {
      throw new Error(`Task ${taskSid} was not reserved.`);
    }
    await reservations.update(pending.sid, { reservationStatus: 'accepted' });
  };

  // Alice (the only available gold worker) takes a gold ticket and completes it, then takes another.
  const done = await newTask({ type: 'ticket', customer_value: 'Gold', customer: 'Acme Corp' }, 2);
  await accept(done.sid);
  await tasks.update(done.sid, { assignmentStatus: 'completed', reason: 'Refund issued' });
  const assigned = await newTask({ type: 'ticket', customer_value: 'Gold', customer: 'Globex' }, 2);
  await accept(assigned.sid);
  // Bob is offered the next ticket; the one after waits for a free worker; one is canceled.
  await newTask({ type: 'ticket', customer_value: 'Silver', customer: 'Initech' });
  await newTask({ type: 'chat', customer_value: 'Bronze', customer: 'Umbrella' });
  const canceled = await newTask({ type: 'ticket', customer_value: 'Silver', customer: 'Hooli' });
  await tasks.update(canceled.sid, { assignmentStatus: 'canceled', reason: 'Duplicate of another ticket' });
  return workspace;
}
