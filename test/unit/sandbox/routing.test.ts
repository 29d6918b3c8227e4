import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../sandbox/src/index';
import { fifoWorkspace, harness, type Fixture, type Harness } from './helpers';

describe('sandbox: routing, reservations and events', () => {
  let h: Harness;
  let f: Fixture;
  beforeEach(async () => {
    h = await harness();
    f = await fifoWorkspace(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const path = (rest: string) => `/v1/Workspaces/${f.ws}${rest}`;
  async function worker(name: string, attributes: object, activity = 'Available'): Promise<string> {
    const res = await h.call('POST', path('/Workers'), {
      FriendlyName: name,
      Attributes: JSON.stringify(attributes),
      ActivitySid: f.activities[activity],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.sid;
  }
  async function queue(name: string, targetWorkers: string, extra: Record<string, string> = {}): Promise<string> {
    const res = await h.call('POST', path('/TaskQueues'), {
      FriendlyName: name,
      TargetWorkers: targetWorkers,
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.sid;
  }
  async function workflow(config: object, extra: Record<string, string> = {}): Promise<string> {
    const res = await h.call('POST', path('/Workflows'), {
      FriendlyName: `wf${Math.random()}`,
      Configuration: JSON.stringify(config),
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.sid;
  }
  async function task(workflowSid: string, attributes: object, extra: Record<string, string> = {}) {
    const res = await h.call('POST', path('/Tasks'), {
      WorkflowSid: workflowSid,
      Attributes: JSON.stringify(attributes),
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.sid as string;
  }
  const getTask = async (sid: string) => (await h.get(path(`/Tasks/${sid}`))).body;
  const getWorker = async (sid: string) => (await h.get(path(`/Workers/${sid}`))).body;
  const reservations = async (taskSid: string) =>
    (await h.get(path(`/Tasks/${taskSid}/Reservations`))).body.reservations;

  it('routes a task through the first matching filter and reserves an eligible available worker', async () => {
    const sales = await queue('Sales', 'skills HAS "sales"', {
      ReservationActivitySid: f.activities.Unavailable,
      AssignmentActivitySid: f.activities.Unavailable,
    });
    const support = await queue('Support', 'skills HAS "support"');
    const wf = await workflow({
      task_routing: {
        filters: [
          { filter_friendly_name: 'sales', expression: 'type == "sales"', targets: [{ queue: sales, priority: 7 }] },
          { filter_friendly_name: 'support', expression: 'type == "support"', targets: [{ queue: support }] },
        ],
        default_filter: { queue: f.queue },
      },
    });
    const bob = await worker('bob', { skills: ['support'] });
    const alice = await worker('alice', { skills: ['sales'] });
    const t = await task(wf, { type: 'sales' });
    const fetched = await getTask(t);
    assert.equal(fetched.task_queue_sid, sales);
    assert.equal(fetched.task_queue_friendly_name, 'Sales');
    assert.equal(fetched.priority, 7);
    assert.equal(fetched.assignment_status, 'reserved');
    const rs = await reservations(t);
    assert.equal(rs.length, 1);
    assert.equal(rs[0].worker_sid, alice);
    assert.equal(rs[0].worker_name, 'alice');
    assert.equal(rs[0].reservation_status, 'pending');
    assert.equal((await getWorker(alice)).activity_name, 'Unavailable', 'reservation activity applied');
    assert.equal((await getWorker(bob)).activity_name, 'Available');

    const viaWorker = await h.get(path(`/Workers/${alice}/Reservations`));
    assert.equal(viaWorker.body.reservations[0].sid, rs[0].sid);
    assert.match(viaWorker.body.reservations[0].url, new RegExp(`/Workers/${alice}/Reservations/${rs[0].sid}$`));
    const accept = await h.call('POST', path(`/Workers/${alice}/Reservations/${rs[0].sid}`), {
      ReservationStatus: 'accepted',
    });
    assert.equal(accept.status, 200);
    assert.equal(accept.body.reservation_status, 'accepted');
    assert.equal((await getTask(t)).assignment_status, 'assigned');
    const wrap = await h.call('POST', path(`/Tasks/${t}`), { AssignmentStatus: 'wrapping' });
    assert.equal(wrap.body.assignment_status, 'wrapping');
    assert.equal((await reservations(t))[0].reservation_status, 'wrapping');
    const done = await h.call('POST', path(`/Tasks/${t}`), { AssignmentStatus: 'completed', Reason: 'done' });
    assert.equal(done.body.assignment_status, 'completed');
    assert.equal(done.body.reason, 'done');
    assert.equal((await reservations(t))[0].reservation_status, 'completed');

    const other = await task(wf, { type: 'nothing-matches' });
    assert.equal((await getTask(other)).task_queue_sid, f.queue, 'default_filter when no filter matches');

    const events = await h.get(path('/Events'), { TaskSid: t });
    const types = events.body.events.map((e: { event_type: string }) => e.event_type);
    for (const type of [
      'task.created',
      'task-queue.entered',
      'reservation.created',
      'reservation.accepted',
      'task.completed',
    ]) {
      assert.ok(types.includes(type), `missing ${type} in ${types.join(',')}`);
    }
    const one = events.body.events[0];
    assert.match(one.sid, /^EV[0-9a-f]{32}$/);
    assert.equal((await h.get(path(`/Events/${one.sid}`))).body.event_type, one.event_type);
    const cum = await h.get(path(`/TaskQueues/${sales}/CumulativeStatistics`));
    assert.equal(cum.body.reservations_accepted, 1);
    assert.equal(cum.body.tasks_completed, 1);
  });

  it('rejecting returns the task to pending and offers it to another worker; invalid transitions are 400', async () => {
    const wf = f.workflow;
    const a = await worker('a', {});
    const t = await task(wf, {});
    const [r1] = await reservations(t);
    assert.equal(r1.worker_sid, a);
    const bad = await h.call('POST', path(`/Tasks/${t}`), { AssignmentStatus: 'completed' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /reserved/);
    const b = await worker('b', {});
    await h.call('POST', path(`/Tasks/${t}/Reservations/${r1.sid}`), {
      ReservationStatus: 'rejected',
      WorkerActivitySid: f.activities.Offline,
    });
    assert.equal((await getWorker(a)).activity_name, 'Offline');
    const rs = await reservations(t);
    assert.deepEqual(
      rs.map((r: { reservation_status: string; worker_sid: string }) => [r.worker_sid, r.reservation_status]),
      [
        [a, 'rejected'],
        [b, 'pending'],
      ],
    );
    const again = await h.call('POST', path(`/Tasks/${t}/Reservations/${r1.sid}`), { ReservationStatus: 'accepted' });
    assert.equal(again.status, 400);
    const cancel = await h.call('POST', path(`/Tasks/${t}`), { AssignmentStatus: 'canceled', Reason: 'gone' });
    assert.equal(cancel.body.assignment_status, 'canceled');
    assert.equal((await reservations(t))[1].reservation_status, 'canceled');
  });

  it('times out a reservation after the workflow timeout and moves the worker to the timeout activity', async () => {
    const wf = await workflow(
      { task_routing: { default_filter: { queue: f.queue } } },
      { TaskReservationTimeout: '30' },
    );
    const a = await worker('a', {});
    const t = await task(wf, {});
    assert.equal((await reservations(t))[0].reservation_status, 'pending');
    h.sandbox.advance(29_000);
    assert.equal((await reservations(t))[0].reservation_status, 'pending');
    h.sandbox.advance(1_000);
    assert.equal((await reservations(t))[0].reservation_status, 'timeout');
    assert.equal((await getWorker(a)).activity_name, 'Offline');
    assert.equal((await getTask(t)).assignment_status, 'pending');
  });

  it('moves a task to the next target when a target times out (timeouts add up) and cancels after the last', async () => {
    const first = await queue('First', 'tier == 1');
    const second = await queue('Second', 'tier == 2');
    const wf = await workflow({
      task_routing: {
        filters: [
          {
            expression: '1 == 1',
            targets: [
              { queue: first, timeout: 30, priority: 3 },
              { queue: second, timeout: 60 },
            ],
          },
        ],
      },
    });
    const t = await task(wf, {});
    assert.equal((await getTask(t)).task_queue_sid, first);
    h.sandbox.advance(30_000);
    let now = await getTask(t);
    assert.equal(now.task_queue_sid, second);
    assert.equal(now.priority, 3, 'priority carries over');
    assert.equal(now.age, 30);
    h.sandbox.advance(59_000);
    assert.equal((await getTask(t)).assignment_status, 'pending');
    h.sandbox.advance(1_000);
    now = await getTask(t);
    assert.equal(now.assignment_status, 'canceled');
    assert.equal(now.reason, 'Workflow Timeout');
    const moved = await h.get(path('/Events'), { TaskSid: t, EventType: 'task-queue.moved' });
    assert.equal(moved.body.events.length, 1);
    const stats = await h.get(path(`/Workflows/${wf}/CumulativeStatistics`));
    assert.equal(stats.body.tasks_timed_out_in_workflow, 1);
  });

  it('skips a target whose skip_if holds when the task reaches it', async () => {
    const empty = await queue('Empty', 'tier == 1');
    const backup = await queue('Backup', 'tier == 2');
    await worker('offline-tier1', { tier: 1 }, 'Offline');
    const b = await worker('tier2', { tier: 2 });
    const wf = await workflow({
      task_routing: {
        filters: [
          {
            expression: '1 == 1',
            targets: [{ queue: empty, skip_if: 'workers.available == 0', timeout: 300 }, { queue: backup }],
          },
        ],
      },
    });
    const t = await task(wf, {});
    const now = await getTask(t);
    assert.equal(now.task_queue_sid, backup);
    assert.equal((await reservations(t))[0].worker_sid, b);
  });

  it('sends a task whose filter is skipped entirely by skip_if to the default filter, not out of the workflow', async () => {
    const empty = await queue('Nobody', 'tier == 1');
    const b = await worker('fallback', {});
    const wf = await workflow({
      task_routing: {
        filters: [
          {
            filter_friendly_name: 'tier one',
            expression: '1 == 1',
            targets: [{ queue: empty, skip_if: 'workers.available == 0' }],
          },
        ],
        default_filter: { queue: f.queue },
      },
    });
    const t = await task(wf, {});
    const now = await getTask(t);
    assert.equal(now.assignment_status, 'reserved');
    assert.equal(now.task_queue_sid, f.queue);
    assert.equal((await reservations(t))[0].worker_sid, b);
    const timedOut = await h.get(path('/Events'), { TaskSid: t, EventType: 'workflow.timeout' });
    assert.equal(timedOut.body.events.length, 0);
  });

  it('counts a target timeout from the task creation even when skip_if brought the task there early', async () => {
    const empty = await queue('Empty step', 'tier == 1');
    const second = await queue('Second step', 'tier == 2');
    const wf = await workflow({
      task_routing: {
        filters: [
          {
            expression: '1 == 1',
            targets: [
              { queue: empty, skip_if: 'workers.available == 0', timeout: 30 },
              { queue: second, timeout: 30 },
            ],
          },
        ],
      },
    });
    const t = await task(wf, {});
    assert.equal((await getTask(t)).task_queue_sid, second);
    h.sandbox.advance(30_000);
    assert.equal((await getTask(t)).assignment_status, 'pending', 'the second step lasts until age 30 + 30');
    h.sandbox.advance(30_000);
    const now = await getTask(t);
    assert.equal(now.assignment_status, 'canceled');
    assert.equal(now.reason, 'Workflow Timeout');
  });

  it('evaluates skip_if only when no worker of the step can take the task at once (skip_if 1==1 keeps a staffed step)', async () => {
    const first = await queue('Staffed step', 'tier == 1');
    const second = await queue('Overflow step', '1 == 1');
    const config = {
      task_routing: {
        filters: [{ expression: '1 == 1', targets: [{ queue: first, skip_if: '1 == 1' }, { queue: second }] }],
      },
    };
    const wf = await workflow(config);
    const one = await worker('tier one', { tier: 1 });
    const t1 = await task(wf, {});
    let now = await getTask(t1);
    assert.equal(now.task_queue_sid, first, 'a free tier-one worker: the step is not skipped');
    assert.equal((await reservations(t1))[0].worker_sid, one);
    // The only tier-one worker is busy now: the next task skips the step.
    const t2 = await task(wf, {});
    now = await getTask(t2);
    assert.equal(now.task_queue_sid, second);
  });

  it('reserves only workers matching the target expression and respects order_by', async () => {
    const q = await queue('All', '1 == 1');
    const wf = await workflow({
      task_routing: {
        filters: [
          {
            expression: '1 == 1',
            targets: [{ queue: q, expression: 'worker.language == task.language', order_by: 'worker.level DESC' }],
          },
        ],
      },
    });
    await worker('fr', { language: 'fr', level: 9 });
    await worker('es-low', { language: 'es', level: 1 });
    const high = await worker('es-high', { language: 'es', level: 5 });
    const t = await task(wf, { language: 'es' });
    assert.equal((await reservations(t))[0].worker_sid, high);
  });

  it('reserves a task with a Worker RoutingTarget to that worker, ignoring capacity unless told otherwise', async () => {
    const offline = await worker('offline', {}, 'Offline');
    await worker('available', {});
    const direct = await task(f.workflow, {}, { RoutingTarget: offline });
    const fetched = await getTask(direct);
    assert.equal(fetched.routing_target, offline);
    assert.equal(fetched.ignore_capacity, true);
    assert.deepEqual(
      (await reservations(direct)).map((r: { worker_sid: string }) => r.worker_sid),
      [offline],
    );
    const respectful = await task(f.workflow, {}, { RoutingTarget: offline, IgnoreCapacity: 'false' });
    assert.equal((await getTask(respectful)).assignment_status, 'pending');
    const bad = await h.call('POST', path('/Tasks'), { RoutingTarget: 'bob' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /RoutingTarget/);
  });

  it('refuses an invalid status change without applying the rest of the update', async () => {
    const t = await task(f.workflow, { n: 1 });
    const res = await h.call('POST', path(`/Tasks/${t}`), { Attributes: '{"n":2}', AssignmentStatus: 'completed' });
    assert.equal(res.status, 400);
    assert.equal((await getTask(t)).attributes, '{"n":1}');
  });

  it('cancels a task when its TTL runs out', async () => {
    const t = await task(f.workflow, {}, { Timeout: '120' });
    h.sandbox.advance(119_000);
    assert.equal((await getTask(t)).assignment_status, 'pending');
    h.sandbox.advance(1_000);
    const now = await getTask(t);
    assert.equal(now.assignment_status, 'canceled');
    assert.equal(now.reason, 'Task TTL Exceeded');
  });

  it('reserves waiting tasks when a worker becomes available, respecting channel capacity', async () => {
    const t1 = await task(f.workflow, {});
    const t2 = await task(f.workflow, {});
    const k = await worker('late', {}, 'Offline');
    assert.equal((await getTask(t1)).assignment_status, 'pending');
    await h.call('POST', path(`/Workers/${k}`), { ActivitySid: f.activities.Available });
    assert.equal((await getTask(t1)).assignment_status, 'reserved', 'oldest first');
    assert.equal((await getTask(t2)).assignment_status, 'pending', 'capacity 1 on the default channel');
    await h.call('POST', path(`/Workers/${k}/Channels/default`), { Capacity: '2' });
    assert.equal((await getTask(t2)).assignment_status, 'reserved');
    const rejected = await h.call('POST', path(`/Workers/${k}`), {
      ActivitySid: f.activities.Offline,
      RejectPendingReservations: 'true',
    });
    assert.equal(rejected.status, 200);
    assert.equal((await getTask(t1)).assignment_status, 'pending');
    assert.equal((await getTask(t2)).assignment_status, 'pending');
  });
});

/** A manual clock that fails instead of looping forever when timers keep being re-armed for a moment already past. */
class BoundedClock extends ManualClock {
  timersSet = 0;
  override setTimer(fn: () => void, delayMs: number) {
    if (++this.timersSet > 1000) throw new Error(`timer storm: ${this.timersSet} timers set`);
    return super.setTimer(fn, delayMs);
  }
}

describe('sandbox: a target timeout while the task is reserved', () => {
  it('arms no timer storm; the task moves on only after its reservation ends', async () => {
    const clock = new BoundedClock(Date.UTC(2024, 2, 4, 10, 0, 0));
    const h = await harness({ clock });
    try {
      const f = await fifoWorkspace(h);
      const p = (rest: string) => `/v1/Workspaces/${f.ws}${rest}`;
      const second = (await h.call('POST', p('/TaskQueues'), { FriendlyName: 'Second', TargetWorkers: 'tier == 2' }))
        .body.sid as string;
      const wf = await h.call('POST', p('/Workflows'), {
        FriendlyName: 'two steps',
        Configuration: JSON.stringify({
          task_routing: {
            filters: [{ expression: '1 == 1', targets: [{ queue: f.queue, timeout: 30 }, { queue: second }] }],
          },
        }),
        TaskReservationTimeout: '120',
      });
      await h.call('POST', p('/Workers'), { FriendlyName: 'a', ActivitySid: f.activities.Available });
      const t = (await h.call('POST', p('/Tasks'), { WorkflowSid: wf.body.sid })).body.sid as string;
      assert.equal((await h.get(p(`/Tasks/${t}`))).body.assignment_status, 'reserved');
      const before = clock.timersSet;
      h.sandbox.advance(60_000); // the first target's 30 s pass while the reservation is pending
      assert.ok(clock.timersSet - before < 10, `${clock.timersSet - before} timers set in 60 s`);
      let now = (await h.get(p(`/Tasks/${t}`))).body;
      assert.equal(now.assignment_status, 'reserved');
      assert.equal(now.task_queue_sid, f.queue);
      h.sandbox.advance(60_000); // the reservation times out at 120 s; the task then leaves the expired target
      now = (await h.get(p(`/Tasks/${t}`))).body;
      assert.equal(now.assignment_status, 'pending');
      assert.equal(now.task_queue_sid, second);
    } finally {
      await h.close();
    }
  });
});
