import * as assert from 'node:assert/strict';
import { evaluateExpression } from '../../../server/src/language/expression';
import {
  countWorkers,
  eligibleWorkers,
  enterWorkflow,
  matchFilter,
  orderWorkers,
  parseRoutingConfig,
  queuesOf,
  resolveTarget,
  targetDeadline,
  type Evaluate,
  type RoutingConfig,
  type RoutingWorker,
} from '../../../server/src/routing';

/** The project's evaluator; an expression with errors matches nothing. */
const evaluate: Evaluate = (text, context) => {
  try {
    return evaluateExpression(text, context);
  } catch {
    return false;
  }
};

const Q1 = 'WQ' + '1'.repeat(32);
const Q2 = 'WQ' + '2'.repeat(32);
const Q3 = 'WQ' + '3'.repeat(32);

function config(doc: unknown): RoutingConfig {
  const parsed = parseRoutingConfig(JSON.stringify(doc));
  assert.deepEqual(parsed.errors, []);
  return parsed.config!;
}

function worker(
  sid: string,
  attributes: Record<string, unknown>,
  available = true,
  activitySid = 'WA1',
): RoutingWorker {
  return {
    sid,
    friendlyName: sid,
    activitySid,
    activityName: available ? 'Available' : 'Offline',
    available,
    attributes,
  };
}

describe('routing: configuration', () => {
  it('inherits queues, carries priorities, accepts numeric strings and legacy keys', () => {
    const c = config({
      task_routing: {
        filters: [
          {
            friendly_name: 'legacy',
            expression: 'a == 1',
            targets: [
              { task_queue_sid: Q1, priority: '5', timeout: '30' },
              { expression: 'worker.x == 1' },
              { queue: Q2, priority: 1 },
            ],
          },
        ],
        default_filter: { queue: Q3 },
      },
    });
    const [t0, t1, t2] = c.filters[0].targets;
    assert.equal(c.filters[0].name, 'legacy');
    assert.deepEqual(t0, { queue: Q1, priority: 5, timeout: 30 });
    assert.deepEqual(t1, { queue: Q1, priority: 5, expression: 'worker.x == 1' });
    assert.deepEqual(t2, { queue: Q2, priority: 1 });
    assert.deepEqual(c.defaultFilter, { queue: Q3 });
    assert.deepEqual(queuesOf(c), [Q1, Q2, Q3]);
  });

  it('reports what makes routing impossible, with the path', () => {
    assert.match(parseRoutingConfig('{').errors[0], /not valid JSON/);
    assert.match(parseRoutingConfig('{"task_routing": 3}').errors[0], /task_routing must be an object/);
    const noQueue = parseRoutingConfig({
      task_routing: { filters: [{ expression: '1==1', targets: [{ priority: 1 }] }] },
    });
    assert.match(noQueue.errors[0], /task_routing\.filters\[0\]\.targets\[0\] has no queue/);
    const badTimeout = parseRoutingConfig({
      task_routing: { filters: [{ expression: '1==1', targets: [{ queue: Q1, timeout: 'soon' }] }] },
    });
    assert.match(badTimeout.errors[0], /timeout must be a non-negative number/);
  });
});

describe('routing: filters and targets', () => {
  const c = config({
    task_routing: {
      filters: [
        {
          filter_friendly_name: 'vip',
          expression: 'vip == true',
          targets: [
            { queue: Q1, timeout: 30 },
            { queue: Q2, timeout: 60 },
          ],
        },
        { filter_friendly_name: 'all', expression: '1 == 1', targets: [{ queue: Q2 }] },
        { filter_friendly_name: 'never', expression: 'x == 1', targets: [{ queue: Q3 }] },
      ],
      default_filter: { queue: Q3 },
    },
  });

  it('picks the first matching filter, else the default filter', () => {
    assert.equal(matchFilter(c, { vip: true }, evaluate)?.name, 'vip');
    assert.equal(matchFilter(c, { x: 1 }, evaluate)?.name, 'all', 'first match wins over a later one');
    const onlyDefault = config({
      task_routing: { filters: [{ expression: 'x == 1', targets: [{ queue: Q1 }] }], default_filter: { queue: Q3 } },
    });
    const m = matchFilter(onlyDefault, { x: 2 }, evaluate);
    assert.equal(m?.filter, -1);
    assert.equal(m?.targets[0].queue, Q3);
    assert.equal(matchFilter(config({ task_routing: { filters: [] } }), {}, evaluate), undefined);
  });

  it('moves along targets as the task ages (timeouts add up) and leaves the workflow after the last', () => {
    const targets = c.filters[0].targets;
    const none = () => ({ available: 0, unavailable: 0 });
    const at = (age: number) =>
      resolveTarget(targets, { filter: 0, target: 0, enteredAt: 0 }, age, none, evaluate, { fresh: true });
    assert.equal(at(0).target?.queue, Q1);
    assert.equal(at(0).expiresAt, 30);
    assert.equal(at(29).target?.queue, Q1);
    assert.equal(at(30).target?.queue, Q2);
    assert.equal(at(30).expiresAt, 90);
    assert.equal(at(89).target?.queue, Q2);
    const gone = at(90);
    assert.equal(gone.target, undefined);
    assert.deepEqual(gone.passed, [
      { target: 0, reason: 'timeout' },
      { target: 1, reason: 'timeout' },
    ]);
  });

  it('skips a target whose skip_if holds on arrival, using the counts of its queue', () => {
    const targets = config({
      task_routing: {
        filters: [
          {
            expression: '1==1',
            targets: [
              { queue: Q1, skip_if: 'workers.available == 0', timeout: 100 },
              { queue: Q2, priority: 9 },
            ],
          },
        ],
      },
    }).filters[0].targets;
    const counts = (available: number) => (queue: string) =>
      queue === Q1 ? { available, unavailable: 3 } : { available: 1, unavailable: 0 };
    const skipped = resolveTarget(targets, { filter: 0, target: 0, enteredAt: 5 }, 5, counts(0), evaluate, {
      fresh: true,
    });
    assert.equal(skipped.target?.queue, Q2);
    assert.equal(skipped.position.enteredAt, 5);
    assert.deepEqual(skipped.passed, [{ target: 0, reason: 'skip_if' }]);
    const kept = resolveTarget(targets, { filter: 0, target: 0, enteredAt: 5 }, 5, counts(2), evaluate, {
      fresh: true,
    });
    assert.equal(kept.target?.queue, Q1);
    // skip_if is not re-evaluated for a task already at the target.
    const later = resolveTarget(targets, kept.position, 50, counts(0), evaluate);
    assert.equal(later.target?.queue, Q1);
  });
});

describe('routing: timeouts are cumulative against the task age', () => {
  const targets = config({
    task_routing: {
      filters: [
        {
          expression: '1 == 1',
          targets: [
            { queue: Q1, timeout: 10, skip_if: 'workers.available == 0' },
            { queue: Q2, timeout: 10 },
            { queue: Q3, timeout: 10 },
          ],
        },
      ],
    },
  }).filters[0].targets;
  const counts = (available: number) => () => ({ available, unavailable: 0 });

  it('gives target i the deadline sum(timeouts 0..i), also when the task reached it early by skip_if', () => {
    assert.equal(targetDeadline(targets, 0), 10);
    assert.equal(targetDeadline(targets, 2), 30);
    const skipped = resolveTarget(targets, { filter: 0, target: 0, enteredAt: 0 }, 0, counts(0), evaluate, {
      fresh: true,
    });
    assert.equal(skipped.target?.queue, Q2);
    assert.equal(skipped.expiresAt, 20, 'Q2 times out at age 10 + 10, not 10 s after the skip');
    assert.equal(resolveTarget(targets, skipped.position, 19, counts(0), evaluate).target?.queue, Q2);
    assert.equal(resolveTarget(targets, skipped.position, 20, counts(0), evaluate).target?.queue, Q3);
  });

  it('passes targets whose deadline the task age already exceeds when the task enters late', () => {
    const late = resolveTarget(targets, { filter: 0, target: 0, enteredAt: 25 }, 25, counts(1), evaluate, {
      fresh: true,
    });
    assert.equal(late.target?.queue, Q3);
    assert.equal(late.expiresAt, 30);
    assert.deepEqual(
      late.passed.map((p) => p.reason),
      ['timeout', 'timeout'],
    );
  });
});

describe('routing: skip_if applies only when no reservation can be made at once', () => {
  const targets = config({
    task_routing: {
      filters: [{ expression: '1 == 1', targets: [{ queue: Q1, skip_if: '1 == 1' }, { queue: Q2 }] }],
    },
  }).filters[0].targets;
  const counts = () => ({ available: 1, unavailable: 0 });
  const from = { filter: 0, target: 0, enteredAt: 0 };

  it('keeps the task at a step with a free matching worker even when skip_if holds', () => {
    const kept = resolveTarget(targets, from, 0, counts, evaluate, { fresh: true, assignable: (t) => t.queue === Q1 });
    assert.equal(kept.target?.queue, Q1);
    assert.deepEqual(kept.passed, []);
  });

  it('skips the step when nobody can take the task now and skip_if holds', () => {
    const skipped = resolveTarget(targets, from, 0, counts, evaluate, { fresh: true, assignable: () => false });
    assert.equal(skipped.target?.queue, Q2);
    assert.deepEqual(skipped.passed, [{ target: 0, reason: 'skip_if' }]);
  });
});

describe('routing: entering a workflow', () => {
  const c = config({
    task_routing: {
      filters: [
        {
          filter_friendly_name: 'first',
          expression: '1 == 1',
          targets: [
            { queue: Q1, skip_if: 'workers.available == 0' },
            { queue: Q2, skip_if: 'workers.available == 0' },
          ],
        },
        { filter_friendly_name: 'second', expression: 'lang == "en"', targets: [{ queue: Q2 }] },
      ],
      default_filter: { queue: Q3 },
    },
  });
  const nobody = () => ({ available: 0, unavailable: 2 });

  it('treats a filter whose every target is skipped as not matching: the next filter, else the default filter', () => {
    const en = enterWorkflow(c, { lang: 'en' }, 0, nobody, evaluate);
    assert.equal(en?.match.name, 'second');
    assert.equal(en?.resolution.target?.queue, Q2);
    assert.deepEqual(en?.skippedFilters, [0]);
    const other = enterWorkflow(c, { lang: 'fr' }, 0, nobody, evaluate);
    assert.equal(other?.match.filter, -1);
    assert.equal(other?.resolution.target?.queue, Q3);
    const staffed = enterWorkflow(c, { lang: 'en' }, 0, () => ({ available: 1, unavailable: 0 }), evaluate);
    assert.equal(staffed?.match.name, 'first');
    assert.equal(staffed?.resolution.target?.queue, Q1);
    assert.deepEqual(staffed?.skippedFilters, []);
  });

  it('returns undefined when every filter is skipped or unmatched and there is no default filter', () => {
    const noDefault = config({
      task_routing: { filters: [{ expression: '1 == 1', targets: [{ queue: Q1, skip_if: '1 == 1' }] }] },
    });
    assert.equal(enterWorkflow(noDefault, {}, 0, nobody, evaluate), undefined);
  });

  it('leaves the workflow (no target) when a target with timeout 0 is passed, without trying later filters', () => {
    const zero = config({
      task_routing: {
        filters: [{ expression: '1 == 1', targets: [{ queue: Q1, timeout: 0 }] }],
        default_filter: { queue: Q3 },
      },
    });
    const entry = enterWorkflow(zero, {}, 0, nobody, evaluate);
    assert.equal(entry?.match.filter, 0);
    assert.equal(entry?.resolution.target, undefined);
  });
});

describe('routing: eligible workers', () => {
  const workers = [
    worker('WK1', { skills: ['sales'], level: 2, language: 'en' }),
    worker('WK2', { skills: ['sales', 'support'], level: 7, language: 'es' }, false, 'WA2'),
    worker('WK3', { skills: ['support'], level: 5, language: 'es' }),
    worker('WK4', { skills: ['sales'], language: 'es' }),
  ];

  it('requires the queue target_workers AND the target expression', () => {
    const out = eligibleWorkers({
      target: { queue: Q1, expression: 'worker.language == task.language' },
      queue: { sid: Q1, targetWorkers: 'skills HAS "sales"' },
      task: { language: 'es' },
      workers,
      evaluate,
    });
    assert.deepEqual(
      out.map((w) => w.sid),
      ['WK2', 'WK4'],
    );
    const emptyQueue = eligibleWorkers({
      target: { queue: Q1 },
      queue: { sid: Q1, targetWorkers: null },
      task: {},
      workers,
      evaluate,
    });
    assert.deepEqual(emptyQueue, []);
  });

  it('honours known_worker_sid / known_worker_friendly_name references', () => {
    const out = eligibleWorkers({
      target: { queue: Q1, knownWorkerSid: 'task.agent' },
      queue: { sid: Q1, targetWorkers: '1==1' },
      task: { agent: 'WK3' },
      workers,
      evaluate,
    });
    assert.deepEqual(
      out.map((w) => w.sid),
      ['WK3'],
    );
    const byName = eligibleWorkers({
      target: { queue: Q1, knownWorkerFriendlyName: 'task.name' },
      queue: { sid: Q1, targetWorkers: '1==1' },
      task: { name: 'WK1' },
      workers,
      evaluate,
    });
    assert.deepEqual(
      byName.map((w) => w.sid),
      ['WK1'],
    );
  });

  it('orders by order_by keys; workers without the attribute go last', () => {
    assert.deepEqual(
      orderWorkers(workers, 'worker.level DESC').map((w) => w.sid),
      ['WK2', 'WK3', 'WK1', 'WK4'],
    );
    assert.deepEqual(
      orderWorkers(workers, 'worker.level ASC').map((w) => w.sid),
      ['WK1', 'WK3', 'WK2', 'WK4'],
    );
    assert.deepEqual(
      orderWorkers(workers, undefined).map((w) => w.sid),
      ['WK1', 'WK2', 'WK3', 'WK4'],
    );
  });

  it('counts available, unavailable and per-activity workers for skip_if', () => {
    assert.deepEqual(countWorkers(workers), { available: 3, unavailable: 1, byActivity: { WA1: 3, WA2: 1 } });
  });
});
