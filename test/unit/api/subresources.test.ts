import { strict as assert } from 'node:assert';
import { parseAttributes } from '../../../client/src/api';
import { ACCOUNT_SID, WK, WQ, WR, WS, WT, WW, clientFor, listBody, startServer, type TestServer } from './helpers';

const TC = 'WC' + '3'.repeat(32);
const EV = 'EV' + '4'.repeat(32);

function reservationJson(status: string): Record<string, unknown> {
  return {
    sid: WR,
    account_sid: ACCOUNT_SID,
    workspace_sid: WS,
    task_sid: WT,
    worker_sid: WK,
    worker_name: 'Jamie',
    reservation_status: status,
    date_created: '2024-01-01T00:00:00Z',
    date_updated: '2024-01-01T00:00:01Z',
    url: 'u',
    links: { task: 't', worker: 'w' },
  };
}

describe('REST client: reservations, channels, events and statistics', () => {
  let server: TestServer;
  let reply: (req: { method: string; path: string }) => {
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
  };

  beforeEach(async () => {
    server = await startServer((req) => reply(req));
  });
  afterEach(() => server.close());

  it('lists, gets and updates reservations of a task and of a worker', async () => {
    reply = (req) =>
      req.path.endsWith('/Reservations')
        ? { body: listBody('reservations', [reservationJson('pending')], null) }
        : req.method === 'POST'
          ? { body: reservationJson('accepted'), headers: { ETag: '"5"' } }
          : { body: reservationJson('pending'), headers: { ETag: '"4"' } };
    const client = clientFor(server);
    const fromTask = [];
    for await (const r of client.taskReservations(WS, WT).list({ reservationStatus: 'pending', workerSid: WK })) {
      fromTask.push(r);
    }
    assert.equal(fromTask.length, 1);
    assert.equal(fromTask[0]!.reservationStatus, 'pending');
    assert.equal(fromTask[0]!.workerName, 'Jamie');
    const got = await client.taskReservations(WS, WT).get(WR);
    assert.equal(got.etag, '"4"');
    const accepted = await client.workerReservations(WS, WK).update(WR, {
      reservationStatus: 'accepted',
      workerActivitySid: 'WA1',
      statusCallbackEvent: ['initiated', 'completed'],
    });
    assert.equal(accepted.reservationStatus, 'accepted');
    await client.workerReservations(WS, WK).page({ reservationStatus: 'accepted' });

    const [list, get, update, workerList] = server.requests;
    assert.equal(list!.path, `/v1/Workspaces/${WS}/Tasks/${WT}/Reservations`);
    assert.deepEqual(Object.fromEntries(list!.query), { ReservationStatus: 'pending', WorkerSid: WK });
    assert.equal(get!.path, `/v1/Workspaces/${WS}/Tasks/${WT}/Reservations/${WR}`);
    assert.equal(update!.path, `/v1/Workspaces/${WS}/Workers/${WK}/Reservations/${WR}`);
    assert.equal(update!.method, 'POST');
    assert.equal(update!.form.get('ReservationStatus'), 'accepted');
    assert.equal(update!.form.get('WorkerActivitySid'), 'WA1');
    assert.deepEqual(update!.form.getAll('StatusCallbackEvent'), ['initiated', 'completed']);
    assert.equal(workerList!.path, `/v1/Workspaces/${WS}/Workers/${WK}/Reservations`);
    assert.equal(workerList!.query.get('ReservationStatus'), 'accepted');
  });

  it('lists, gets and updates worker channels', async () => {
    const channel = {
      sid: TC,
      account_sid: ACCOUNT_SID,
      workspace_sid: WS,
      worker_sid: WK,
      task_channel_sid: 'TC1',
      task_channel_unique_name: 'voice',
      assigned_tasks: 0,
      available: true,
      available_capacity_percentage: 100,
      configured_capacity: 2,
      date_created: '2024-01-01T00:00:00Z',
      date_updated: '2024-01-01T00:00:00Z',
      url: 'u',
    };
    reply = (req) =>
      req.path.endsWith('/Channels') ? { body: listBody('channels', [channel], null) } : { body: channel };
    const channels = clientFor(server).workerChannels(WS, WK);
    const page = await channels.page();
    assert.equal(page.items[0]!.taskChannelUniqueName, 'voice');
    assert.equal(page.items[0]!.configuredCapacity, 2);
    await channels.update(TC, { capacity: 3, available: false });
    const req = server.requests[1]!;
    assert.equal(req.path, `/v1/Workspaces/${WS}/Workers/${WK}/Channels/${TC}`);
    assert.equal(req.body, 'Capacity=3&Available=false');
  });

  it('lists events with filters and gets one', async () => {
    const event = {
      sid: EV,
      account_sid: ACCOUNT_SID,
      workspace_sid: WS,
      event_type: 'task.created',
      event_date: '2024-01-01T00:00:00Z',
      event_date_ms: 1704067200000,
      event_data: { task_sid: WT, task_attributes: '{}' },
      resource_sid: WT,
      resource_type: 'task',
      url: 'u',
    };
    reply = (req) => (req.path.endsWith('/Events') ? { body: listBody('events', [event], null) } : { body: event });
    const events = clientFor(server).events(WS);
    const all = [];
    for await (const e of events.list({
      eventType: 'task.created',
      minutes: 30,
      startDate: new Date('2024-01-01T00:00:00Z'),
      endDate: '2024-01-02T00:00:00Z',
      taskSid: WT,
      workerSid: WK,
      workflowSid: WW,
      taskQueueSid: WQ,
      reservationSid: WR,
      taskChannel: 'voice',
    })) {
      all.push(e);
    }
    assert.equal(all[0]!.eventType, 'task.created');
    assert.equal(all[0]!.eventDate?.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.deepEqual(all[0]!.eventData, { task_sid: WT, task_attributes: '{}' });
    assert.deepEqual(Object.fromEntries(server.requests[0]!.query), {
      EndDate: '2024-01-02T00:00:00Z',
      EventType: 'task.created',
      Minutes: '30',
      ReservationSid: WR,
      StartDate: '2024-01-01T00:00:00.000Z',
      TaskQueueSid: WQ,
      TaskSid: WT,
      WorkerSid: WK,
      WorkflowSid: WW,
      TaskChannel: 'voice',
    });
    // The official description has no ResourceSid filter for events: the client says so instead of sending it.
    await assert.rejects(events.page({ resourceSid: WT } as never), /events\.page: unknown parameter "resourceSid"/);
    const one = await events.get(EV);
    assert.equal(one.sid, EV);
    assert.equal(server.requests[1]!.path, `/v1/Workspaces/${WS}/Events/${EV}`);
  });

  it('fetches every statistics endpoint at its path with its parameters', async () => {
    reply = (req) =>
      req.path.endsWith('/TaskQueues/Statistics')
        ? {
            body: listBody(
              'task_queues_statistics',
              [
                {
                  account_sid: ACCOUNT_SID,
                  workspace_sid: WS,
                  task_queue_sid: WQ,
                  realtime: { total_tasks: 1 },
                  cumulative: {},
                },
              ],
              null,
            ),
          }
        : {
            body: {
              account_sid: ACCOUNT_SID,
              workspace_sid: WS,
              total_tasks: 4,
              tasks_by_status: { pending: 3, assigned: 1 },
              activity_statistics: [{ sid: 'WA1', friendly_name: 'Available', workers: 2 }],
              start_time: '2024-01-01T00:00:00Z',
              url: 'u',
            },
          };
    const s = clientFor(server).statistics;
    const rt = await s.workspaceRealTime(WS, { taskChannel: 'voice' });
    assert.equal(rt.totalTasks, 4);
    assert.deepEqual(rt.tasksByStatus, { pending: 3, assigned: 1 });
    assert.equal(rt.activityStatistics![0]!.friendly_name, 'Available');
    const cum = await s.workspaceCumulative(WS, { minutes: 60, splitByWaitTime: '5,30' });
    assert.equal(cum.startTime?.toISOString(), '2024-01-01T00:00:00.000Z');
    await s.workspace(WS, { startDate: '2024-01-01T00:00:00Z', endDate: new Date('2024-01-02T00:00:00Z') });
    await s.workflow(WS, WW);
    await s.workflowRealTime(WS, WW);
    await s.workflowCumulative(WS, WW, { minutes: 5 });
    await s.taskQueue(WS, WQ);
    await s.taskQueueRealTime(WS, WQ);
    await s.taskQueueCumulative(WS, WQ, { taskChannel: 'chat' });
    const queues = await s.taskQueues(WS).page({ friendlyName: 'Sales', minutes: 10, pageSize: 5 });
    assert.equal(queues.items[0]!.taskQueueSid, WQ);
    await s.worker(WS, WK, { minutes: 15 });
    await s.workers(WS, { taskQueueSid: WQ, friendlyName: 'Jamie' });
    await s.workersRealTime(WS);
    await s.workersCumulative(WS, { minutes: 20 });
    const base = `/v1/Workspaces/${WS}`;
    assert.deepEqual(
      server.requests.map((r) => `${r.path}?${r.query.toString()}`),
      [
        `${base}/RealTimeStatistics?TaskChannel=voice`,
        `${base}/CumulativeStatistics?Minutes=60&SplitByWaitTime=5%2C30`,
        `${base}/Statistics?EndDate=2024-01-02T00%3A00%3A00.000Z&StartDate=2024-01-01T00%3A00%3A00Z`,
        `${base}/Workflows/${WW}/Statistics?`,
        `${base}/Workflows/${WW}/RealTimeStatistics?`,
        `${base}/Workflows/${WW}/CumulativeStatistics?Minutes=5`,
        `${base}/TaskQueues/${WQ}/Statistics?`,
        `${base}/TaskQueues/${WQ}/RealTimeStatistics?`,
        `${base}/TaskQueues/${WQ}/CumulativeStatistics?TaskChannel=chat`,
        `${base}/TaskQueues/Statistics?Minutes=10&FriendlyName=Sales&PageSize=5`,
        `${base}/Workers/${WK}/Statistics?Minutes=15`,
        `${base}/Workers/Statistics?TaskQueueSid=${WQ}&FriendlyName=Jamie`,
        `${base}/Workers/RealTimeStatistics?`,
        `${base}/Workers/CumulativeStatistics?Minutes=20`,
      ],
    );
    await assert.rejects(s.workflow(WS, ''), /statistics\.workflow: workflowSid must be a non-empty string/);
    await assert.rejects(s.workspaceRealTime(WS, { minutes: 5 } as never), /unknown parameter "minutes"/);
  });

  it('parseAttributes reads attribute JSON and names the resource when it is broken', () => {
    assert.deepEqual(parseAttributes({ sid: WK, attributes: '{"a":1}' }), { a: 1 });
    assert.throws(
      () => parseAttributes({ sid: WK, attributes: '{' }),
      new RegExp(`attributes of ${WK} are not valid JSON`),
    );
    assert.throws(() => parseAttributes({ sid: WK, attributes: '[1]' }), /not a JSON object/);
  });
});
