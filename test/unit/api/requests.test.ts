import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import { TaskRouterClient } from '../../../client/src/api';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  WA,
  WK,
  WQ,
  WS,
  WT,
  WW,
  clientFor,
  startServer,
  workerJson,
  type TestServer,
} from './helpers';

describe('REST client: requests and resources', () => {
  let server: TestServer;
  let reply: (req: { method: string; path: string }) => {
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
  };

  beforeEach(async () => {
    reply = () => ({ status: 200, body: {} });
    server = await startServer((req) => reply(req));
  });
  afterEach(() => server.close());

  it('sends Basic auth with the SID and secret, JSON Accept and a User-Agent', async () => {
    reply = () => ({ body: { sid: WS, friendly_name: 'x' } });
    await clientFor(server).workspaces.get(WS);
    const req = server.requests[0]!;
    const expected = 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
    assert.equal(req.headers.authorization, expected);
    assert.equal(req.headers.accept, 'application/json');
    assert.match(String(req.headers['user-agent']), /taskrouter/);
    assert.equal(req.method, 'GET');
    assert.equal(req.path, `/v1/Workspaces/${WS}`);
  });

  it('creates a workspace with PascalCase form fields (the seed: friendlyName + template FIFO)', async () => {
    reply = () => ({
      status: 201,
      body: {
        sid: WS,
        account_sid: ACCOUNT_SID,
        friendly_name: 'Customer Support',
        date_created: '2024-05-14T23:26:06Z',
        date_updated: '2024-05-14T23:26:07Z',
        default_activity_sid: WA,
        multi_task_enabled: false,
        prioritize_queue_order: 'FIFO',
        event_callback_url: null,
        url: `https://taskrouter.twilio.com/v1/Workspaces/${WS}`,
        links: { activities: `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Activities` },
      },
    });
    const ws = await clientFor(server).workspaces.create({
      friendlyName: 'Customer Support',
      template: 'FIFO',
      multiTaskEnabled: true,
      eventCallbackUrl: 'http://www.example.com',
    });
    const req = server.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/v1/Workspaces');
    assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual([...req.form.entries()].sort(), [
      ['EventCallbackUrl', 'http://www.example.com'],
      ['FriendlyName', 'Customer Support'],
      ['MultiTaskEnabled', 'true'],
      ['Template', 'FIFO'],
    ]);
    assert.equal(ws.sid, WS);
    assert.equal(ws.friendlyName, 'Customer Support');
    assert.equal(ws.accountSid, ACCOUNT_SID);
    assert.equal(ws.defaultActivitySid, WA);
    assert.equal(ws.prioritizeQueueOrder, 'FIFO');
    assert.equal(ws.eventCallbackUrl, null);
    assert.ok(ws.dateCreated instanceof Date);
    assert.equal(ws.dateCreated.toISOString(), '2024-05-14T23:26:06.000Z');
    assert.equal(ws.links.activities, `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Activities`);
  });

  it('encodes the field names of every create and update', async () => {
    reply = () => ({ status: 201, body: { sid: 'X' } });
    const client = clientFor(server);
    const config = { task_routing: { filters: [], default_filter: { queue: WQ } } };
    await client.workflows(WS).create({
      friendlyName: 'Incoming Call Flow',
      configuration: config,
      assignmentCallbackUrl: 'https://example.com/callback',
      fallbackAssignmentCallbackUrl: 'https://example.com/callback2',
      taskReservationTimeout: 60,
    });
    await client.workflows(WS).update(WW, { reEvaluateTasks: true, configuration: '{"task_routing":{}}' });
    await client.activities(WS).create({ friendlyName: 'Coffee Break', available: false });
    await client.taskQueues(WS).create({
      friendlyName: 'Sales',
      reservationActivitySid: WA,
      assignmentActivitySid: WA,
      targetWorkers: "languages HAS 'en'",
      maxReservedWorkers: 3,
      taskOrder: 'LIFO',
    });
    await client
      .workers(WS)
      .create({ friendlyName: 'Jamie', attributes: { languages: ['EN', 'ES'] }, activitySid: WA });
    await client.workers(WS).update(WK, { rejectPendingReservations: true, activitySid: WA });
    const start = new Date('2024-03-04T05:06:07Z');
    await client.tasks(WS).create({
      attributes: '{"type":"call"}',
      workflowSid: WW,
      priority: 5,
      timeout: 3600,
      taskChannel: 'voice',
      virtualStartTime: start,
    });
    await client.tasks(WS).update(WT, { assignmentStatus: 'canceled', reason: 'no longer needed' });
    await client.taskChannels(WS).create({ friendlyName: 'Voice', uniqueName: 'voice', channelOptimizedRouting: true });
    await client.workspaces.update(WS, {
      timeoutActivitySid: WA,
      defaultActivitySid: WA,
      eventsFilter: 'task.created',
    });

    const forms = server.requests.map((r) => `${r.method} ${r.path} ${r.body}`);
    assert.deepEqual(forms, [
      `POST /v1/Workspaces/${WS}/Workflows FriendlyName=Incoming+Call+Flow&Configuration=${encodeURIComponent(JSON.stringify(config)).replace(/%20/g, '+')}&AssignmentCallbackUrl=https%3A%2F%2Fexample.com%2Fcallback&FallbackAssignmentCallbackUrl=https%3A%2F%2Fexample.com%2Fcallback2&TaskReservationTimeout=60`,
      `POST /v1/Workspaces/${WS}/Workflows/${WW} Configuration=%7B%22task_routing%22%3A%7B%7D%7D&ReEvaluateTasks=true`,
      `POST /v1/Workspaces/${WS}/Activities FriendlyName=Coffee+Break&Available=false`,
      `POST /v1/Workspaces/${WS}/TaskQueues FriendlyName=Sales&TargetWorkers=languages+HAS+%27en%27&MaxReservedWorkers=3&TaskOrder=LIFO&ReservationActivitySid=${WA}&AssignmentActivitySid=${WA}`,
      `POST /v1/Workspaces/${WS}/Workers FriendlyName=Jamie&ActivitySid=${WA}&Attributes=%7B%22languages%22%3A%5B%22EN%22%2C%22ES%22%5D%7D`,
      `POST /v1/Workspaces/${WS}/Workers/${WK} ActivitySid=${WA}&RejectPendingReservations=true`,
      `POST /v1/Workspaces/${WS}/Tasks Timeout=3600&Priority=5&TaskChannel=voice&WorkflowSid=${WW}&Attributes=%7B%22type%22%3A%22call%22%7D&VirtualStartTime=2024-03-04T05%3A06%3A07.000Z`,
      `POST /v1/Workspaces/${WS}/Tasks/${WT} AssignmentStatus=canceled&Reason=no+longer+needed`,
      `POST /v1/Workspaces/${WS}/TaskChannels FriendlyName=Voice&UniqueName=voice&ChannelOptimizedRouting=true`,
      `POST /v1/Workspaces/${WS} DefaultActivitySid=${WA}&EventsFilter=task.created&TimeoutActivitySid=${WA}`,
    ]);
    // The workflow configuration object arrives as the JSON text.
    assert.deepEqual(JSON.parse(server.requests[0]!.form.get('Configuration')!), config);
  });

  it('sends list filters as query parameters, AssignmentStatus repeated', async () => {
    reply = (req) => ({
      body: {
        [req.path.endsWith('Tasks')
          ? 'tasks'
          : req.path.endsWith('Workers')
            ? 'workers'
            : req.path.endsWith('TaskQueues')
              ? 'task_queues'
              : 'activities']: [],
        meta: { next_page_url: null },
      },
    });
    const client = clientFor(server);
    await client.tasks(WS).page({
      assignmentStatus: ['pending', 'reserved'],
      workflowSid: WW,
      taskQueueSid: WQ,
      evaluateTaskAttributes: "type == 'call'",
      ordering: 'Priority:desc,DateCreated:asc',
      pageSize: 20,
    });
    await client.workers(WS).page({
      activitySid: WA,
      activityName: 'Available',
      available: true,
      friendlyName: 'Jamie',
      targetWorkersExpression: "skills HAS 'en'",
      taskQueueSid: WQ,
    });
    await client
      .taskQueues(WS)
      .page({ friendlyName: 'Sales', evaluateWorkerAttributes: { skills: ['en'] }, workerSid: WK });
    await client.activities(WS).page({ friendlyName: 'Offline', available: false });
    const [tasks, workers, queues, activities] = server.requests;
    assert.deepEqual(tasks!.query.getAll('AssignmentStatus'), ['pending', 'reserved']);
    assert.equal(tasks!.query.get('WorkflowSid'), WW);
    assert.equal(tasks!.query.get('TaskQueueSid'), WQ);
    assert.equal(tasks!.query.get('EvaluateTaskAttributes'), "type == 'call'");
    assert.equal(tasks!.query.get('Ordering'), 'Priority:desc,DateCreated:asc');
    assert.equal(tasks!.query.get('PageSize'), '20');
    assert.equal(tasks!.body, '');
    assert.deepEqual(Object.fromEntries(workers!.query), {
      ActivityName: 'Available',
      ActivitySid: WA,
      Available: 'true',
      FriendlyName: 'Jamie',
      TargetWorkersExpression: "skills HAS 'en'",
      TaskQueueSid: WQ,
    });
    assert.deepEqual(Object.fromEntries(queues!.query), {
      FriendlyName: 'Sales',
      EvaluateWorkerAttributes: '{"skills":["en"]}',
      WorkerSid: WK,
    });
    assert.deepEqual(Object.fromEntries(activities!.query), { FriendlyName: 'Offline', Available: 'false' });
  });

  it('maps a worker to camelCase with Date fields and its ETag', async () => {
    reply = () => ({ body: workerJson(WK, 'Jamie'), headers: { ETag: '"17"' } });
    const worker = await clientFor(server).workers(WS).get(WK);
    assert.equal(worker.sid, WK);
    assert.equal(worker.workspaceSid, WS);
    assert.equal(worker.friendlyName, 'Jamie');
    assert.equal(worker.activityName, 'Available');
    assert.equal(worker.attributes, '{"skills":["en"]}');
    assert.equal(worker.available, true);
    assert.equal(worker.dateStatusChanged?.toISOString(), '2024-01-02T03:04:06.000Z');
    assert.equal(worker.etag, '"17"');
    assert.equal(worker.links.channels, `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Workers/${WK}/Channels`);
    assert.equal((worker as unknown as Record<string, unknown>).friendly_name, undefined);
  });

  it('deletes with DELETE and resolves on 204', async () => {
    reply = () => ({ status: 204 });
    await clientFor(server).workflows(WS).delete(WW);
    await clientFor(server).workspaces.delete(WS);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [`DELETE /v1/Workspaces/${WS}/Workflows/${WW}`, `DELETE /v1/Workspaces/${WS}`],
    );
  });

  it('rejects unknown, snake_case and missing required parameters before sending', async () => {
    const client = clientFor(server);
    await assert.rejects(
      client.workers(WS).create({ friendly_name: 'x' } as never),
      (e: Error) =>
        e instanceof TypeError && /workers\.create: unknown parameter "friendly_name".*camelCase/.test(e.message),
    );
    await assert.rejects(
      client.workflows(WS).create({ friendlyName: 'x' } as never),
      /workflows\.create: configuration is required/,
    );
    await assert.rejects(client.taskChannels(WS).create({ friendlyName: 'x' } as never), /uniqueName is required/);
    await assert.rejects(client.tasks(WS).update(WT, { priority: Number.NaN }), /priority must be a finite number/);
    await assert.rejects(client.workers(WS).get(''), /workers\.get: sid must be a non-empty string/);
    assert.throws(() => client.workers(''), /workspaceSid must be a non-empty string/);
    await assert.rejects(client.tasks(WS).page({ pageSize: 1001 }), /pageSize must be an integer from 1 to 1000/);
    assert.equal(server.requests.length, 0);
  });

  it('encodes SIDs in paths', async () => {
    reply = () => ({ body: { sid: 'x' } });
    await clientFor(server).workers(WS).get('WK/../x');
    assert.equal(server.requests[0]!.path, `/v1/Workspaces/${WS}/Workers/WK%2F..%2Fx`);
  });

  it('never shows the secret when the client is inspected or serialized', () => {
    const client = new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, { baseUrl: server.baseUrl });
    const b64 = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
    for (const text of [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)]) {
      assert.ok(!text.includes(AUTH_TOKEN));
      assert.ok(!text.includes(b64));
    }
    assert.equal(client.accountSid, ACCOUNT_SID);
  });

  it('validates constructor arguments with clear messages, without echoing the secret', () => {
    assert.throws(() => new TaskRouterClient('', 'secret'), /Account SID or API Key SID is missing/);
    assert.throws(() => new TaskRouterClient('SK' + '1'.repeat(32), ''), /secret .* for API Key SID SK1+ is missing/);
    assert.throws(
      () => new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, { baseUrl: `http://u:${AUTH_TOKEN}@127.0.0.1` }),
      (e: Error) => /must not contain credentials/.test(e.message) && !e.message.includes(AUTH_TOKEN),
    );
    assert.throws(
      () => new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, { timeoutMs: 0 }),
      /timeoutMs must be a positive/,
    );
    const keyed = new TaskRouterClient('SK' + '1'.repeat(32), 'sec', { accountSid: ACCOUNT_SID });
    assert.equal(keyed.accountSid, ACCOUNT_SID);
    assert.equal(keyed.baseUrl, 'https://taskrouter.twilio.com');
  });

  it('sends raw requests with the same authentication (e.g. bulk queue statistics)', async () => {
    reply = () => ({ body: { task_queue_data: [], task_queue_response_count: 0 } });
    const res = await clientFor(server).request({
      method: 'POST',
      path: `/v1/Workspaces/${WS}/TaskQueues/RealTimeStatistics`,
      json: [{ TaskQueueSid: WQ }],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { task_queue_data: [], task_queue_response_count: 0 });
    const req = server.requests[0]!;
    assert.equal(req.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(req.body), [{ TaskQueueSid: WQ }]);
    assert.match(String(req.headers.authorization), /^Basic /);
  });
});
