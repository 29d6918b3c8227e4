import * as assert from 'node:assert/strict';
import { basicAuth, fifoWorkspace, harness, request, type Harness } from './helpers';

const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-f]{32}$`);
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The properties the official description lists for each resource. */
const KEYS = {
  workspace: [
    'account_sid',
    'date_created',
    'date_updated',
    'default_activity_name',
    'default_activity_sid',
    'event_callback_url',
    'events_filter',
    'friendly_name',
    'multi_task_enabled',
    'sid',
    'timeout_activity_name',
    'timeout_activity_sid',
    'prioritize_queue_order',
    'url',
    'links',
  ],
  activity: [
    'account_sid',
    'available',
    'date_created',
    'date_updated',
    'friendly_name',
    'sid',
    'workspace_sid',
    'url',
    'links',
  ],
  taskQueue: [
    'account_sid',
    'assignment_activity_sid',
    'assignment_activity_name',
    'date_created',
    'date_updated',
    'friendly_name',
    'max_reserved_workers',
    'reservation_activity_sid',
    'reservation_activity_name',
    'sid',
    'target_workers',
    'task_order',
    'url',
    'workspace_sid',
    'links',
  ],
  worker: [
    'account_sid',
    'activity_name',
    'activity_sid',
    'attributes',
    'available',
    'date_created',
    'date_status_changed',
    'date_updated',
    'friendly_name',
    'sid',
    'workspace_sid',
    'url',
    'links',
  ],
  workflow: [
    'account_sid',
    'assignment_callback_url',
    'configuration',
    'date_created',
    'date_updated',
    'document_content_type',
    'fallback_assignment_callback_url',
    'friendly_name',
    'sid',
    'task_reservation_timeout',
    'workspace_sid',
    'url',
    'links',
  ],
  task: [
    'account_sid',
    'age',
    'assignment_status',
    'attributes',
    'addons',
    'date_created',
    'date_updated',
    'task_queue_entered_date',
    'priority',
    'reason',
    'sid',
    'task_queue_sid',
    'task_queue_friendly_name',
    'task_channel_sid',
    'task_channel_unique_name',
    'timeout',
    'workflow_sid',
    'workflow_friendly_name',
    'workspace_sid',
    'url',
    'links',
    'virtual_start_time',
    'ignore_capacity',
    'routing_target',
  ],
  taskChannel: [
    'account_sid',
    'date_created',
    'date_updated',
    'friendly_name',
    'sid',
    'unique_name',
    'workspace_sid',
    'channel_optimized_routing',
    'url',
    'links',
  ],
  workerChannel: [
    'account_sid',
    'assigned_tasks',
    'available',
    'available_capacity_percentage',
    'configured_capacity',
    'date_created',
    'date_updated',
    'sid',
    'task_channel_sid',
    'task_channel_unique_name',
    'worker_sid',
    'workspace_sid',
    'url',
  ],
};

function assertKeys(body: Record<string, unknown>, keys: string[]): void {
  assert.deepEqual(Object.keys(body).sort(), keys.slice().sort());
}

describe('sandbox: resources', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('creates a workspace with the default activities and task channels, and the FIFO template', async () => {
    const res = await h.call('POST', '/v1/Workspaces', { FriendlyName: 'Support', Template: 'FIFO' });
    assert.equal(res.status, 201);
    assertKeys(res.body, KEYS.workspace);
    assert.match(res.body.sid, SID('WS'));
    assert.equal(res.body.account_sid, h.sandbox.accountSid);
    assert.match(res.body.date_created, DATE);
    assert.equal(res.body.default_activity_name, 'Offline');
    assert.equal(res.body.timeout_activity_name, 'Offline');
    assert.equal(res.body.url, `${h.sandbox.url}/v1/Workspaces/${res.body.sid}`);
    assert.equal(res.body.links.workers, `${h.sandbox.url}/v1/Workspaces/${res.body.sid}/Workers`);
    const ws = res.body.sid;
    const acts = await h.get(`/v1/Workspaces/${ws}/Activities`);
    assert.deepEqual(
      acts.body.activities.map((a: { friendly_name: string; available: boolean }) => [a.friendly_name, a.available]),
      [
        ['Offline', false],
        ['Available', true],
        ['Unavailable', false],
      ],
    );
    assertKeys(acts.body.activities[0], KEYS.activity);
    const queues = await h.get(`/v1/Workspaces/${ws}/TaskQueues`);
    assert.equal(queues.body.task_queues.length, 1);
    assertKeys(queues.body.task_queues[0], KEYS.taskQueue);
    assert.equal(queues.body.task_queues[0].friendly_name, 'Sample Queue');
    const workflows = await h.get(`/v1/Workspaces/${ws}/Workflows`);
    assert.equal(workflows.body.workflows.length, 1);
    assertKeys(workflows.body.workflows[0], KEYS.workflow);
    const config = JSON.parse(workflows.body.workflows[0].configuration);
    assert.equal(config.task_routing.default_filter.queue, queues.body.task_queues[0].sid);
    const channels = await h.get(`/v1/Workspaces/${ws}/TaskChannels`);
    assert.ok(channels.body.channels.some((c: { unique_name: string }) => c.unique_name === 'default'));
    assertKeys(channels.body.channels[0], KEYS.taskChannel);

    const plain = await h.call('POST', '/v1/Workspaces', { FriendlyName: 'Plain' });
    assert.equal((await h.get(`/v1/Workspaces/${plain.body.sid}/TaskQueues`)).body.task_queues.length, 0);
    assert.equal((await h.get(`/v1/Workspaces/${plain.body.sid}/Workflows`)).body.workflows.length, 0);
  });

  it('answers 400 with Twilio error bodies for missing and bad parameters', async () => {
    const missing = await h.call('POST', '/v1/Workspaces', {});
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys(missing.body).sort(), ['code', 'message', 'more_info', 'status']);
    assert.equal(missing.body.code, 20001);
    assert.equal(missing.body.status, 400);
    assert.match(missing.body.message, /FriendlyName/);
    assert.equal(missing.body.more_info, 'https://www.twilio.com/docs/errors/20001');
    const badEnum = await h.call('POST', '/v1/Workspaces', { FriendlyName: 'x', PrioritizeQueueOrder: 'RANDOM' });
    assert.equal(badEnum.status, 400);
    assert.match(badEnum.body.message, /PrioritizeQueueOrder.*FIFO, LIFO/);
    const { ws } = await fifoWorkspace(h);
    const badInt = await h.call('POST', `/v1/Workspaces/${ws}/TaskQueues`, {
      FriendlyName: 'q',
      MaxReservedWorkers: '51',
    });
    assert.equal(badInt.status, 400);
    assert.match(badInt.body.message, /MaxReservedWorkers/);
  });

  it('answers 404 / 20404 for unknown SIDs and paths', async () => {
    const { ws } = await fifoWorkspace(h);
    const unknown = await h.get(`/v1/Workspaces/${ws}/Workers/WK00000000000000000000000000000000`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 20404);
    assert.equal(unknown.body.more_info, 'https://www.twilio.com/docs/errors/20404');
    assert.equal((await h.get('/v1/Workspaces/WS00000000000000000000000000000000/Tasks')).status, 404);
    assert.equal((await h.get('/v1/Nothing')).status, 404);
  });

  it('requires Basic auth with the Account SID and token, or a configured API key', async () => {
    const url = `${h.sandbox.url}/v1/Workspaces`;
    const wrong = await request(url, 'GET', basicAuth(h.sandbox.accountSid, 'wrong-token'));
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, {
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
    assert.ok(!JSON.stringify(wrong.body).includes(h.sandbox.authToken));
    const none = await fetch(url);
    assert.equal(none.status, 401);
    await h.close();
    const key = { sid: 'SK' + 'a'.repeat(32), secret: 'key-secret-123' };
    h = await harness({ apiKeys: [key] });
    assert.equal((await request(`${h.sandbox.url}/v1/Workspaces`, 'GET', basicAuth(key.sid, key.secret))).status, 200);
    assert.equal((await request(`${h.sandbox.url}/v1/Workspaces`, 'GET', basicAuth(key.sid, 'nope'))).status, 401);
  });

  it('pages lists with PageSize 1..1000 and PageToken next_page_url links', async () => {
    const { ws } = await fifoWorkspace(h);
    for (let i = 0; i < 7; i++) {
      assert.equal((await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: `w${i}` })).status, 201);
    }
    const first = await h.get(`/v1/Workspaces/${ws}/Workers`, { PageSize: '3' });
    assert.equal(first.status, 200);
    assert.deepEqual(Object.keys(first.body.meta).sort(), [
      'first_page_url',
      'key',
      'next_page_url',
      'page',
      'page_size',
      'previous_page_url',
      'url',
    ]);
    assert.equal(first.body.meta.key, 'workers');
    assert.equal(first.body.meta.page, 0);
    assert.equal(first.body.meta.page_size, 3);
    assert.equal(first.body.meta.previous_page_url, null);
    assert.match(first.body.meta.next_page_url, /PageToken=/);
    const names: string[] = first.body.workers.map((w: { friendly_name: string }) => w.friendly_name);
    let next: string | null = first.body.meta.next_page_url;
    const auth = basicAuth(h.sandbox.accountSid, h.sandbox.authToken);
    let pages = 1;
    let last = first;
    while (next) {
      last = await request(next, 'GET', auth);
      assert.equal(last.status, 200);
      names.push(...last.body.workers.map((w: { friendly_name: string }) => w.friendly_name));
      next = last.body.meta.next_page_url;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(names, ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
    assert.equal(last.body.meta.page, 2);
    assert.ok(last.body.meta.previous_page_url);
    const prev = await request(last.body.meta.previous_page_url, 'GET', auth);
    assert.deepEqual(
      prev.body.workers.map((w: { friendly_name: string }) => w.friendly_name),
      ['w3', 'w4', 'w5'],
    );
    assert.equal((await h.get(`/v1/Workspaces/${ws}/Workers`)).body.meta.page_size, 50);
    for (const bad of ['0', '1001', 'ten']) {
      const res = await h.get(`/v1/Workspaces/${ws}/Workers`, { PageSize: bad });
      assert.equal(res.status, 400, `PageSize=${bad}`);
      assert.equal(res.body.code, 20001);
    }
    assert.equal((await h.get(`/v1/Workspaces/${ws}/Workers`, { PageSize: '1000' })).status, 200);
  });

  it('keeps worker names unique (case-insensitive) and queue names unique', async () => {
    const { ws } = await fifoWorkspace(h);
    assert.equal((await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: 'Alice' })).status, 201);
    const dup = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: 'alice' });
    assert.equal(dup.status, 400);
    assert.match(dup.body.message, /already exists/);
    const q = await h.call('POST', `/v1/Workspaces/${ws}/TaskQueues`, { FriendlyName: 'Sample Queue' });
    assert.equal(q.status, 400);
    assert.match(q.body.message, /Queue named Sample Queue already exists/);
  });

  it('requires worker and task attributes to be JSON objects of at most 4096 characters', async () => {
    const { ws } = await fifoWorkspace(h);
    for (const attrs of ['[1,2]', '"text"', '{oops', 'null']) {
      const res = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, {
        FriendlyName: `w${attrs.length}`,
        Attributes: attrs,
      });
      assert.equal(res.status, 400, attrs);
      assert.match(res.body.message, /Attributes must be a JSON object/);
    }
    const big = JSON.stringify({ note: 'x'.repeat(4100) });
    const tooBig = await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: big });
    assert.equal(tooBig.status, 400);
    assert.match(tooBig.body.message, /maximum is 4096/);
    const worker = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: 'ok', Attributes: '{"a":1}' });
    assertKeys(worker.body, KEYS.worker);
    assert.equal(worker.body.attributes, '{"a":1}');
    assert.equal(worker.body.activity_name, 'Offline');
    assert.equal(worker.body.available, false);
  });

  it('refuses to delete an activity in use or a queue with pending tasks', async () => {
    const { ws, activities, queue, workflow } = await fifoWorkspace(h);
    const k = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, {
      FriendlyName: 'a',
      ActivitySid: activities.Unavailable,
    });
    const del = await h.call('DELETE', `/v1/Workspaces/${ws}/Activities/${activities.Unavailable}`);
    assert.equal(del.status, 400);
    assert.match(del.body.message, /Worker/);
    await h.call('DELETE', `/v1/Workspaces/${ws}/Workers/${k.body.sid}`);
    assert.equal((await h.call('DELETE', `/v1/Workspaces/${ws}/Activities/${activities.Unavailable}`)).status, 204);
    assert.equal((await h.get(`/v1/Workspaces/${ws}/Activities/${activities.Unavailable}`)).status, 404);

    const task = await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: '{}' });
    assert.equal(task.body.task_queue_sid, queue);
    await h.call('DELETE', `/v1/Workspaces/${ws}/Workflows/${workflow}`).then((r) => assert.equal(r.status, 400));
    await h.call('POST', `/v1/Workspaces/${ws}/Tasks/${task.body.sid}`, {
      AssignmentStatus: 'canceled',
      Reason: 'test',
    });
    assert.equal((await h.call('DELETE', `/v1/Workspaces/${ws}/Workflows/${workflow}`)).status, 204);
    const q2 = await h.call('POST', `/v1/Workspaces/${ws}/TaskQueues`, { FriendlyName: 'Direct' });
    await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { TaskQueueSid: q2.body.sid });
    const qdel = await h.call('DELETE', `/v1/Workspaces/${ws}/TaskQueues/${q2.body.sid}`);
    assert.equal(qdel.status, 400);
    assert.match(qdel.body.message, /pending Task/);
  });

  it('validates a workflow configuration and its queue SIDs before storing it', async () => {
    const { ws, queue, workflow } = await fifoWorkspace(h);
    const notJson = await h.call('POST', `/v1/Workspaces/${ws}/Workflows`, {
      FriendlyName: 'x',
      Configuration: '{nope',
    });
    assert.equal(notJson.status, 400);
    const otherQueue = 'WQ' + '0'.repeat(32);
    const unknownQueue = await h.call('POST', `/v1/Workspaces/${ws}/Workflows`, {
      FriendlyName: 'x',
      Configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: otherQueue } } }),
    });
    assert.equal(unknownQueue.status, 400);
    assert.match(unknownQueue.body.message, new RegExp(otherQueue));
    const badExpr = await h.call('POST', `/v1/Workspaces/${ws}/Workflows`, {
      FriendlyName: 'x',
      Configuration: JSON.stringify({
        task_routing: {
          filters: [{ expression: 'skill-level > 3 AND', targets: [{ queue }] }],
          default_filter: { queue },
        },
      }),
    });
    assert.equal(badExpr.status, 400);
    const before = (await h.get(`/v1/Workspaces/${ws}/Workflows/${workflow}`)).body.configuration;
    const update = await h.call('POST', `/v1/Workspaces/${ws}/Workflows/${workflow}`, { Configuration: '[]' });
    assert.equal(update.status, 400);
    assert.equal((await h.get(`/v1/Workspaces/${ws}/Workflows/${workflow}`)).body.configuration, before);
    const good = await h.call('POST', `/v1/Workspaces/${ws}/Workflows`, {
      FriendlyName: 'Sales',
      Configuration: JSON.stringify({
        task_routing: {
          filters: [{ filter_friendly_name: 'all', expression: 'type == "sales"', targets: [{ queue, priority: 5 }] }],
        },
      }),
    });
    assert.equal(good.status, 201);
    assert.equal(good.body.task_reservation_timeout, 120);
    assert.equal(good.body.document_content_type, 'application/json');
  });

  it('supports If-Match and ETag on tasks and workers (412 on mismatch)', async () => {
    const { ws } = await fifoWorkspace(h);
    const k = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: 'a' });
    const etag = k.headers.get('etag');
    assert.ok(etag);
    const stale = await h.call(
      'POST',
      `/v1/Workspaces/${ws}/Workers/${k.body.sid}`,
      { Attributes: '{"x":1}' },
      { 'If-Match': '"999"' },
    );
    assert.equal(stale.status, 412);
    const fresh = await h.call(
      'POST',
      `/v1/Workspaces/${ws}/Workers/${k.body.sid}`,
      { Attributes: '{"x":1}' },
      { 'If-Match': etag! },
    );
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.get('etag'), etag);
    const again = await h.call(
      'POST',
      `/v1/Workspaces/${ws}/Workers/${k.body.sid}`,
      { Attributes: '{"x":2}' },
      { 'If-Match': etag! },
    );
    assert.equal(again.status, 412);
    const t = await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: '{}' });
    const tEtag = (await h.get(`/v1/Workspaces/${ws}/Tasks/${t.body.sid}`)).headers.get('etag')!;
    await h.call('POST', `/v1/Workspaces/${ws}/Tasks/${t.body.sid}`, { Priority: '4' });
    const del = await h.call('DELETE', `/v1/Workspaces/${ws}/Tasks/${t.body.sid}`, undefined, { 'If-Match': tEtag });
    assert.equal(del.status, 412);
    assert.equal((await h.call('DELETE', `/v1/Workspaces/${ws}/Tasks/${t.body.sid}`)).status, 204);
  });

  it('filters workers by TargetWorkersExpression, activity and availability, and tasks by EvaluateTaskAttributes', async () => {
    const { ws, activities } = await fifoWorkspace(h);
    await h.call('POST', `/v1/Workspaces/${ws}/Workers`, {
      FriendlyName: 'es',
      Attributes: '{"languages":["es","en"],"level":3}',
      ActivitySid: activities.Available,
    });
    await h.call('POST', `/v1/Workspaces/${ws}/Workers`, {
      FriendlyName: 'en',
      Attributes: '{"languages":["en"],"level":1}',
    });
    const es = await h.get(`/v1/Workspaces/${ws}/Workers`, { TargetWorkersExpression: 'languages HAS "es"' });
    assert.deepEqual(
      es.body.workers.map((w: { friendly_name: string }) => w.friendly_name),
      ['es'],
    );
    const byName = await h.get(`/v1/Workspaces/${ws}/Workers`, { TargetWorkersExpression: 'friendly_name == "en"' });
    assert.deepEqual(
      byName.body.workers.map((w: { friendly_name: string }) => w.friendly_name),
      ['en'],
    );
    assert.match(es.body.meta.url, /TargetWorkersExpression=languages/);
    const bad = await h.get(`/v1/Workspaces/${ws}/Workers`, { TargetWorkersExpression: 'level >' });
    assert.equal(bad.status, 400);
    const available = await h.get(`/v1/Workspaces/${ws}/Workers`, { Available: 'true' });
    assert.deepEqual(
      available.body.workers.map((w: { friendly_name: string }) => w.friendly_name),
      ['es'],
    );
    const offline = await h.get(`/v1/Workspaces/${ws}/Workers`, { ActivityName: 'Offline' });
    assert.deepEqual(
      offline.body.workers.map((w: { friendly_name: string }) => w.friendly_name),
      ['en'],
    );
    const queues = await h.get(`/v1/Workspaces/${ws}/TaskQueues`, { EvaluateWorkerAttributes: '{"languages":["es"]}' });
    assert.equal(queues.body.task_queues.length, 1);

    await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: '{"type":"sales","value":10}' });
    await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: '{"type":"support","value":99}' });
    const sales = await h.get(`/v1/Workspaces/${ws}/Tasks`, { EvaluateTaskAttributes: 'type == "sales"' });
    assert.equal(sales.body.tasks.length, 1);
    assert.equal(JSON.parse(sales.body.tasks[0].attributes).type, 'sales');
    const status = await h.get(`/v1/Workspaces/${ws}/Tasks`, { AssignmentStatus: ['pending', 'reserved'] });
    assert.equal(status.body.tasks.length, 2);
    const ordered = await h.get(`/v1/Workspaces/${ws}/Tasks`, { Ordering: 'DateCreated:desc' });
    assert.equal(JSON.parse(ordered.body.tasks[0].attributes).type, 'support');
  });

  it('serves task channels by SID or unique name and worker channels with capacity', async () => {
    const { ws, activities } = await fifoWorkspace(h);
    const byName = await h.get(`/v1/Workspaces/${ws}/TaskChannels/voice`);
    assert.equal(byName.status, 200);
    assert.equal(byName.body.unique_name, 'voice');
    const created = await h.call('POST', `/v1/Workspaces/${ws}/TaskChannels`, {
      FriendlyName: 'WhatsApp',
      UniqueName: 'whatsapp',
    });
    assert.equal(created.status, 201);
    const dup = await h.call('POST', `/v1/Workspaces/${ws}/TaskChannels`, {
      FriendlyName: 'W',
      UniqueName: 'whatsapp',
    });
    assert.equal(dup.status, 400);
    const k = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, {
      FriendlyName: 'a',
      ActivitySid: activities.Available,
    });
    const list = await h.get(`/v1/Workspaces/${ws}/Workers/${k.body.sid}/Channels`);
    assert.equal(list.body.meta.key, 'channels');
    assertKeys(list.body.channels[0], KEYS.workerChannel);
    const upd = await h.call('POST', `/v1/Workspaces/${ws}/Workers/${k.body.sid}/Channels/whatsapp`, { Capacity: '3' });
    assert.equal(upd.status, 200);
    assert.equal(upd.body.configured_capacity, 3);
    assert.equal(upd.body.task_channel_unique_name, 'whatsapp');
    assert.equal(upd.body.available_capacity_percentage, 100);
  });

  it('answers every statistics endpoint with its documented fields', async () => {
    const { ws, queue, workflow } = await fifoWorkspace(h);
    const k = await h.call('POST', `/v1/Workspaces/${ws}/Workers`, { FriendlyName: 'a' });
    await h.call('POST', `/v1/Workspaces/${ws}/Tasks`, { Attributes: '{}' });
    const paths: [string, string[]][] = [
      [`/v1/Workspaces/${ws}/Statistics`, ['account_sid', 'cumulative', 'realtime', 'url', 'workspace_sid']],
      [
        `/v1/Workspaces/${ws}/RealTimeStatistics`,
        [
          'account_sid',
          'activity_statistics',
          'longest_task_waiting_age',
          'longest_task_waiting_sid',
          'tasks_by_priority',
          'tasks_by_status',
          'total_tasks',
          'total_workers',
          'workspace_sid',
          'url',
        ],
      ],
      [
        `/v1/Workspaces/${ws}/CumulativeStatistics`,
        ['tasks_created', 'reservations_created', 'start_time', 'end_time', 'wait_duration_until_accepted'],
      ],
      [`/v1/Workspaces/${ws}/Workflows/${workflow}/Statistics`, ['cumulative', 'realtime', 'workflow_sid']],
      [
        `/v1/Workspaces/${ws}/Workflows/${workflow}/RealTimeStatistics`,
        ['total_tasks', 'tasks_by_status', 'workflow_sid'],
      ],
      [
        `/v1/Workspaces/${ws}/Workflows/${workflow}/CumulativeStatistics`,
        ['tasks_entered', 'tasks_timed_out_in_workflow'],
      ],
      [`/v1/Workspaces/${ws}/TaskQueues/${queue}/Statistics`, ['cumulative', 'realtime', 'task_queue_sid']],
      [
        `/v1/Workspaces/${ws}/TaskQueues/${queue}/RealTimeStatistics`,
        ['total_eligible_workers', 'total_available_workers', 'longest_relative_task_sid_in_queue'],
      ],
      [
        `/v1/Workspaces/${ws}/TaskQueues/${queue}/CumulativeStatistics`,
        ['tasks_entered', 'wait_duration_in_queue_until_accepted'],
      ],
      [`/v1/Workspaces/${ws}/TaskQueues/Statistics`, ['task_queues_statistics', 'meta']],
      [`/v1/Workspaces/${ws}/Workers/Statistics`, ['realtime', 'cumulative']],
      [`/v1/Workspaces/${ws}/Workers/RealTimeStatistics`, ['total_workers', 'activity_statistics']],
      [`/v1/Workspaces/${ws}/Workers/CumulativeStatistics`, ['activity_durations', 'reservations_accepted']],
      [`/v1/Workspaces/${ws}/Workers/${k.body.sid}/Statistics`, ['cumulative', 'worker_sid']],
    ];
    for (const [path, keys] of paths) {
      const res = await h.get(path);
      assert.equal(res.status, 200, path);
      for (const key of keys) assert.ok(key in res.body, `${path} lacks ${key}`);
    }
    const rt = await h.get(`/v1/Workspaces/${ws}/RealTimeStatistics`);
    assert.equal(rt.body.total_tasks, 1);
    assert.equal(rt.body.tasks_by_status.pending, 1);
    assert.equal(rt.body.total_workers, 1);
    const cum = await h.get(`/v1/Workspaces/${ws}/CumulativeStatistics`);
    assert.equal(cum.body.tasks_created, 1);
    const bulk = await fetch(`${h.sandbox.url}/v1/Workspaces/${ws}/TaskQueues/RealTimeStatistics`, {
      method: 'POST',
      headers: {
        Authorization: basicAuth(h.sandbox.accountSid, h.sandbox.authToken),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ TaskQueueSids: [queue] }),
    });
    const bulkBody = (await bulk.json()) as {
      task_queue_response_count: number;
      task_queue_data: { task_queue_sid: string }[];
    };
    assert.equal(bulk.status, 200);
    assert.equal(bulkBody.task_queue_response_count, 1);
    assert.equal(bulkBody.task_queue_data[0].task_queue_sid, queue);
  });
});
