import { strict as assert } from 'node:assert';
import {
  DEMO_WORKSPACE,
  GOLD_TICKETS_EXPRESSION,
  createDemoWorkspace,
} from '../../../client/src/accounts/demoWorkspace';
import { TaskRouterClient } from '../../../client/src/api';
import { startSandbox, type Sandbox } from '../../../sandbox/src/index';

describe('accounts/demoWorkspace', () => {
  let sandbox: Sandbox;
  let client: TaskRouterClient;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new TaskRouterClient(sandbox.accountSid, sandbox.authToken, { baseUrl: sandbox.url });
  });
  after(async () => {
    await sandbox.close();
  });

  it('makes the Customer Support workspace with workers, queues, a Gold Tickets workflow and tasks in each state', async () => {
    const workspace = await createDemoWorkspace(client);
    assert.equal(workspace.friendlyName, DEMO_WORKSPACE);
    const ws = workspace.sid;

    const activities = (await client.activities(ws).page()).items.map((a) => a.friendlyName).sort();
    assert.deepEqual(activities, ['Available', 'Offline', 'On Break', 'Unavailable']);

    const queues = (await client.taskQueues(ws).page()).items;
    assert.deepEqual(
      queues.map((q) => [q.friendlyName, q.targetWorkers]),
      [
        ['Sample Queue', '1==1'],
        ['Gold Support', 'skills HAS "gold"'],
      ],
    );

    const workflows = (await client.workflows(ws).page()).items;
    const gold = workflows.find((w) => w.friendlyName === 'Gold Tickets');
    assert.ok(gold, `a Gold Tickets workflow among ${workflows.map((w) => w.friendlyName).join(', ')}`);
    const config = JSON.parse(gold.configuration) as {
      task_routing: { filters: { filter_friendly_name: string; expression: string; targets: { queue: string }[] }[] };
    };
    const filter = config.task_routing.filters[0];
    assert.equal(filter.filter_friendly_name, 'Gold Tickets');
    assert.equal(filter.expression, GOLD_TICKETS_EXPRESSION);
    assert.equal(filter.targets[0].queue, queues[1].sid);

    const workers = (await client.workers(ws).page()).items;
    assert.deepEqual(
      workers.map((w) => [w.friendlyName, w.activityName]),
      [
        ['Alice', 'Available'],
        ['Bob', 'Available'],
        ['Carol', 'Offline'],
        ['Dave', 'On Break'],
      ],
    );
    assert.deepEqual(JSON.parse(workers[0].attributes), { languages: ['en', 'es'], skills: ['gold', 'billing'] });

    const tasks = (await client.tasks(ws).page()).items;
    const statuses = tasks.map((t) => t.assignmentStatus).sort();
    assert.deepEqual(statuses, ['assigned', 'canceled', 'completed', 'pending', 'reserved']);
    const assigned = tasks.find((t) => t.assignmentStatus === 'assigned');
    assert.equal(assigned?.taskQueueFriendlyName, 'Gold Support', 'the gold ticket went to the gold queue');

    const stats = await client.statistics.taskQueueRealTime(ws, queues[0].sid);
    assert.equal(stats.tasksByStatus?.pending, 1, 'one task waits in the Sample Queue');
  });
});
