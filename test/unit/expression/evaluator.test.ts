import { strict as assert } from 'node:assert';
import {
  ExpressionError,
  compareValues,
  evaluate,
  evaluateExpression,
  parseExpression,
  resolveKnownWorker,
  sortWorkers,
  taskrouterVariables,
  type EvaluationContext,
  type KeyPath,
  type Scope,
} from '../../../server/src/language/expression';

/** Thursday 16 May 2024, 09:05 UTC. */
const THURSDAY_0905 = () => new Date(Date.UTC(2024, 4, 16, 9, 5));
/** Saturday 18 May 2024, 14:30 UTC. */
const SATURDAY_1430 = () => new Date(Date.UTC(2024, 4, 18, 14, 30));

/** The task attributes of Twilio's expression-syntax page. */
const DOC_TASK = { string_const: 'foo', object: { array: ['a', 'b', 'c'], attr: 'bar' } };

interface EvalCase {
  text: string;
  scope?: Scope;
  task?: Record<string, unknown>;
  worker?: Record<string, unknown>;
  workers?: EvaluationContext['workers'];
  now?: () => Date;
  expected: boolean;
  /** Where the example comes from. */
  source: string;
}

const SYNTAX_PAGE = 'Twilio docs, TaskRouter expression syntax';
const TIME_PAGE = 'Twilio docs, time of day routing';
const BRIEF = 'project brief / taskrouter.md';

const cases: EvalCase[] = [
  // Constants and structure (expression syntax page).
  { text: '1 == 1', expected: true, source: SYNTAX_PAGE },
  { text: '1==1', expected: true, source: BRIEF },
  { text: '0 != 1', expected: true, source: SYNTAX_PAGE },
  { text: '"apple" != "orange"', expected: true, source: SYNTAX_PAGE },
  { text: 'key > 1', task: { key: 2 }, expected: true, source: SYNTAX_PAGE },
  { text: 'key > 1', task: { key: 1 }, expected: false, source: SYNTAX_PAGE },
  { text: 'key > 1', task: {}, expected: false, source: 'missing key is null' },
  { text: 'object.param != "apple"', task: { object: { param: 'pear' } }, expected: true, source: SYNTAX_PAGE },
  { text: 'object.param != "apple"', task: { object: { param: 'apple' } }, expected: false, source: SYNTAX_PAGE },
  { text: 'language IN ["en", "es"]', task: { language: 'es' }, expected: true, source: SYNTAX_PAGE },
  { text: 'language IN ["en", "es"]', task: { language: 'fr' }, expected: false, source: SYNTAX_PAGE },
  {
    text: '(condition_a == true) OR (condition_b == true)',
    task: { condition_a: false, condition_b: true },
    expected: true,
    source: SYNTAX_PAGE,
  },
  {
    text: '(condition_a == true) OR (condition_b == true)',
    task: { condition_a: 'true' },
    expected: false,
    source: SYNTAX_PAGE,
  },
  {
    text: '(language == "en" OR language == "fr") AND skill_rating >= 5.1',
    task: { language: 'fr', skill_rating: 5.1 },
    expected: true,
    source: SYNTAX_PAGE,
  },
  {
    text: '(language == "en" OR language == "fr") AND skill_rating >= 5.1',
    task: { language: 'fr', skill_rating: 5 },
    expected: false,
    source: SYNTAX_PAGE,
  },
  {
    text: "customer_value == 'Gold' AND type == 'ticket'",
    task: { customer_value: 'Gold', type: 'ticket' },
    expected: true,
    source: SYNTAX_PAGE,
  },
  {
    text: "customer_value == 'Gold' AND type == 'ticket'",
    task: { customer_value: 'gold', type: 'ticket' },
    expected: false,
    source: 'strings are case-sensitive',
  },
  // Key references resolved against the page's task attributes.
  { text: "string_const == 'foo'", task: DOC_TASK, expected: true, source: SYNTAX_PAGE },
  { text: "object.array HAS 'b'", task: DOC_TASK, expected: true, source: SYNTAX_PAGE },
  { text: "object.array[2] == 'c'", task: DOC_TASK, expected: true, source: SYNTAX_PAGE },
  { text: 'object.array[3] == null', task: DOC_TASK, expected: true, source: 'index past the end is null' },
  { text: "object.attr == 'bar'", task: DOC_TASK, expected: true, source: SYNTAX_PAGE },
  { text: 'object.missing == null', task: DOC_TASK, expected: true, source: SYNTAX_PAGE },
  { text: 'object.attr != null', task: DOC_TASK, expected: true, source: "Twilio examples' `!= null`" },
  { text: 'object.missing != null', task: DOC_TASK, expected: false, source: "Twilio examples' `!= null`" },
  { text: "object.array == 'a'", task: DOC_TASK, expected: false, source: 'scalar operator on an array' },
  { text: "object.array != 'a'", task: DOC_TASK, expected: false, source: 'scalar operator on an array' },
  { text: 'object.array > 0', task: DOC_TASK, expected: false, source: 'scalar operator on an array' },
  { text: "object == 'x'", task: DOC_TASK, expected: false, source: 'scalar operator on an object' },
  { text: "string_const HAS 'f'", task: DOC_TASK, expected: false, source: 'array operator on two scalars' },
  { text: "'foo' IN string_const", task: DOC_TASK, expected: false, source: 'array operator on two scalars' },
  { text: "'foo' NOT IN string_const", task: DOC_TASK, expected: false, source: 'array operator on two scalars' },
  // Target workers (queue).
  {
    text: "(skills HAS 'support') AND (languages HAS 'english')",
    scope: 'targetWorkers',
    worker: { skills: ['support', 'sales'], languages: ['english'] },
    expected: true,
    source: SYNTAX_PAGE,
  },
  {
    text: "(skills HAS 'support') AND (languages HAS 'english')",
    scope: 'targetWorkers',
    worker: { skills: ['sales'], languages: ['english'] },
    expected: false,
    source: SYNTAX_PAGE,
  },
  { text: 'skill_level > 5', scope: 'targetWorkers', worker: { skill_level: 7 }, expected: true, source: BRIEF },
  {
    text: 'skill_level > 5',
    scope: 'targetWorkers',
    worker: { skill_level: '7' },
    expected: false,
    source: 'no string-to-number conversion',
  },
  { text: '1==1', scope: 'targetWorkers', worker: {}, expected: true, source: 'default TargetWorkers' },
  // Filters.
  { text: 'type == "support"', task: { type: 'support' }, expected: true, source: BRIEF },
  { text: 'type=="Support"', task: { type: 'support' }, expected: false, source: 'Twilio docs, lifecycle of a task' },
  { text: 'type=="Support"', task: { type: 'Support' }, expected: true, source: 'Twilio docs, lifecycle of a task' },
  // Target expressions: task and worker together.
  {
    text: '(task.skills HAS "english")',
    scope: 'target',
    task: { skills: ['english', 'billing'] },
    worker: {},
    expected: true,
    source: BRIEF,
  },
  {
    text: 'task.language IN worker.languages',
    scope: 'target',
    task: { language: 'fr' },
    worker: { languages: ['en', 'fr'] },
    expected: true,
    source: BRIEF,
  },
  {
    text: 'task.language IN worker.languages',
    scope: 'target',
    task: { language: 'de' },
    worker: { languages: ['en', 'fr'] },
    expected: false,
    source: BRIEF,
  },
  {
    text: 'worker.id IN task.preferred_agents',
    scope: 'target',
    task: { preferred_agents: ['alice', 'bob'] },
    worker: { id: 'bob' },
    expected: true,
    source: 'Twilio docs, lifecycle of a task',
  },
  {
    text: '(task.caller!=worker.contact_uri) and (worker.sid not in task.do_not_contact)',
    scope: 'target',
    task: { caller: 'client:ann', do_not_contact: ['WK1'] },
    worker: { contact_uri: 'client:bob', sid: 'WK1' },
    expected: false,
    source: 'user report (do-not-contact list)',
  },
  {
    text: '(task.caller!=worker.contact_uri) and (worker.sid not in task.do_not_contact)',
    scope: 'target',
    task: { caller: 'client:ann', do_not_contact: ['WK1'] },
    worker: { contact_uri: 'client:bob', sid: 'WK2' },
    expected: true,
    source: 'user report (do-not-contact list)',
  },
  {
    text: 'worker.sid NOT IN task.do_not_contact',
    scope: 'target',
    task: {},
    worker: { sid: 'WK2' },
    expected: false,
    source: 'NOT IN with a missing array is false, like every array operator without an array',
  },
  {
    text: 'worker.channel.chat.configured_capacity > 2',
    scope: 'target',
    task: {},
    worker: { channel: { chat: { configured_capacity: 3 } } },
    expected: true,
    source: 'taskrouter.md (worker channel capacity)',
  },
  {
    text: 'task.skill_rating >= worker.skill_level',
    scope: 'target',
    task: { skill_rating: 4 },
    worker: { skill_level: 4 },
    expected: true,
    source: 'task and worker attributes compared',
  },
  // skip_if.
  {
    text: 'workers.available == 0',
    scope: 'skipIf',
    workers: { available: 0, unavailable: 3 },
    expected: true,
    source: 'Twilio docs, worker presence',
  },
  {
    text: 'workers.available == 0',
    scope: 'skipIf',
    workers: { available: 2, unavailable: 3 },
    expected: false,
    source: 'Twilio docs, worker presence',
  },
  {
    text: 'workers.WA0123456789abcdef0123456789abcdef > 0',
    scope: 'skipIf',
    workers: { available: 0, unavailable: 0, byActivity: { WA0123456789abcdef0123456789abcdef: 2 } },
    expected: true,
    source: 'Twilio docs, worker presence (workers.WAxx)',
  },
  {
    text: 'workers.WAffffffffffffffffffffffffffffffff == 0',
    scope: 'skipIf',
    workers: { available: 1, unavailable: 0, byActivity: {} },
    expected: true,
    source: 'an activity nobody is in counts 0',
  },
  // Time of day (UTC, from the injected clock).
  {
    text: 'taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830',
    now: THURSDAY_0905,
    expected: true,
    source: TIME_PAGE,
  },
  {
    text: 'taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830',
    now: () => new Date(Date.UTC(2024, 4, 16, 7, 59)),
    expected: false,
    source: TIME_PAGE,
  },
  {
    text: 'taskrouter.currentHour > 8 AND taskrouter.currentHour < 18',
    now: THURSDAY_0905,
    expected: true,
    source: TIME_PAGE,
  },
  {
    text: 'taskrouter.currentMin > 10 AND taskrouter.currentMin < 50',
    now: THURSDAY_0905,
    expected: false,
    source: TIME_PAGE,
  },
  { text: "taskrouter.dayOfWeek IN ['Sat','Sun']", now: SATURDAY_1430, expected: true, source: BRIEF },
  { text: "taskrouter.dayOfWeek IN ['Sat','Sun']", now: THURSDAY_0905, expected: false, source: BRIEF },
  {
    text:
      "(taskrouter.dayOfWeek IN ['Mon', 'Tue', 'THU'] AND taskrouter.currentTime > 800 AND taskrouter.currentTime < 1730) " +
      "OR (taskrouter.dayOfWeek IN ['Wed', 'Fri'] AND taskrouter.currentTime > 900 AND taskrouter.currentTime < 1830) " +
      "OR (taskrouter.dayOfWeek = 'Sat' AND taskrouter.currentTime > 1100 AND taskrouter.currentTime < 1530)",
    now: THURSDAY_0905,
    expected: false,
    source: `${TIME_PAGE} ('THU' never matches Thursday)`,
  },
  {
    text:
      "(taskrouter.dayOfWeek IN ['Mon', 'Tue', 'THU'] AND taskrouter.currentTime > 800 AND taskrouter.currentTime < 1730) " +
      "OR (taskrouter.dayOfWeek IN ['Wed', 'Fri'] AND taskrouter.currentTime > 900 AND taskrouter.currentTime < 1830) " +
      "OR (taskrouter.dayOfWeek = 'Sat' AND taskrouter.currentTime > 1100 AND taskrouter.currentTime < 1530)",
    now: SATURDAY_1430,
    expected: true,
    source: TIME_PAGE,
  },
  // Operators one by one.
  {
    text: "email CONTAINS '@example.com'",
    task: { email: 'ann@example.com' },
    expected: true,
    source: 'CONTAINS on strings',
  },
  {
    text: "email CONTAINS 'EXAMPLE'",
    task: { email: 'ann@example.com' },
    expected: false,
    source: 'CONTAINS is case-sensitive',
  },
  { text: "tags CONTAINS 'vip'", task: { tags: ['vip'] }, expected: false, source: 'CONTAINS needs strings' },
  { text: "email NOT CONTAINS 'spam'", task: { email: 'ann@example.com' }, expected: true, source: 'NOT CONTAINS' },
  { text: "skills NOT HAS 'x'", task: { skills: ['y'] }, expected: true, source: 'NOT HAS' },
  { text: "skills NOT HAS 'x'", task: {}, expected: false, source: 'NOT HAS without an array' },
  { text: "['a', 'b'] HAS type", task: { type: 'b' }, expected: true, source: 'HAS on an array constant' },
  { text: "langs IN ['en', 'fr']", task: { langs: ['de', 'fr'] }, expected: true, source: 'array IN array: any value' },
  {
    text: "langs NOT IN ['en', 'fr']",
    task: { langs: ['de', 'it'] },
    expected: true,
    source: 'array NOT IN array: none',
  },
  { text: 'x IN []', task: { x: 1 }, expected: false, source: 'empty array' },
  { text: 'x NOT IN []', task: { x: 1 }, expected: true, source: 'empty array' },
  { text: 'x IN [null]', task: {}, expected: true, source: 'null is a value too' },
  { text: "name > 'b'", task: { name: 'c' }, expected: true, source: 'strings order by code units' },
  { text: "'B' < 'a'", expected: true, source: 'strings order by code units (docs/expression-language.md)' },
  { text: "1 IN ['1']", expected: false, source: 'elements match like == (docs/expression-language.md)' },
  { text: "['de', 'fr'] IN ['en', 'fr']", expected: true, source: 'array IN array (docs/expression-language.md)' },
  { text: "5 > '4'", expected: false, source: 'no ordering between a number and a string' },
  { text: "1 == '1'", expected: false, source: 'no conversion' },
  { text: "1 != '1'", expected: true, source: 'no conversion' },
  { text: 'null == null', expected: true, source: 'null equals null' },
  { text: 'vip', task: { vip: true }, expected: true, source: 'bare operand: the boolean true' },
  { text: 'vip', task: { vip: 'yes' }, expected: false, source: 'bare operand: anything else is false' },
  { text: 'NOT vip == true', task: { vip: true }, expected: false, source: 'prefix NOT' },
  { text: 'a == 1 OR b == 1 AND c == 1', task: { a: 1 }, expected: true, source: 'AND binds tighter than OR' },
  { text: '(a == 1 OR b == 1) AND c == 1', task: { a: 1 }, expected: false, source: 'parentheses' },
];

describe('expression evaluator: documented examples', () => {
  for (const c of cases) {
    const data = JSON.stringify({ ...c.task, ...c.worker, ...c.workers });
    it(`${c.scope ?? 'filter'}: ${c.text.slice(0, 70)}${c.text.length > 70 ? '…' : ''} with ${data} → ${c.expected} (${c.source})`, () => {
      const context: EvaluationContext = {
        scope: c.scope,
        task: c.task,
        worker: c.worker,
        workers: c.workers,
        now: c.now,
      };
      assert.equal(evaluateExpression(c.text, context), c.expected);
      // The same result from a tree as from text.
      const { ast } = parseExpression(c.text, c.scope ?? 'filter');
      assert.equal(evaluateExpression(ast, context), c.expected);
    });
  }
});

describe('expression evaluator: API', () => {
  it('runs the examples of docs/expression-language.md', () => {
    const { ast, issues } = parseExpression("skills HAS 'support' AND level > 3", 'targetWorkers');
    assert.deepEqual(issues, []);
    assert.equal(evaluateExpression(ast, { scope: 'targetWorkers', worker: { skills: ['support'], level: 4 } }), true);
    assert.equal(
      evaluateExpression('taskrouter.dayOfWeek == "Sat"', { now: () => new Date('2024-05-18T10:00:00Z') }),
      true,
    );
  });

  it('computes taskrouter.* in UTC from the injected clock', () => {
    assert.deepEqual(taskrouterVariables(new Date(Date.UTC(2024, 4, 16, 9, 5))), {
      currentTime: 905,
      currentHour: 9,
      currentMin: 5,
      dayOfWeek: 'Thu',
    });
    assert.deepEqual(taskrouterVariables(new Date(Date.UTC(2024, 4, 19, 23, 59))).dayOfWeek, 'Sun');
    let calls = 0;
    const now = () => {
      calls++;
      return new Date(Date.UTC(2024, 4, 16, 0, 0));
    };
    assert.equal(evaluateExpression('taskrouter.currentTime == 0 AND taskrouter.currentHour == 0', { now }), true);
    assert.equal(calls, 1, 'the clock is read once per evaluation');
  });

  it('throws an ExpressionError with the issues for text with errors', () => {
    assert.throws(
      () => evaluateExpression('skill-level > 5'),
      (error: unknown) =>
        error instanceof ExpressionError &&
        error.issues[0].code === 'expr-hyphen-in-name' &&
        /subtraction/.test(error.message),
    );
    // Warnings do not stop evaluation.
    assert.equal(evaluateExpression("taskrouter.dayOfWeek == 'THU'", { now: THURSDAY_0905 }), false);
  });

  it('refuses a scope name it does not know instead of resolving every name to null', () => {
    const context = { scope: 'skip_if' as Scope, workers: { available: 0, unavailable: 2 } };
    assert.throws(() => evaluateExpression('workers.available == 0', context), /Unknown expression scope "skip_if"/);
  });

  it('refuses order_by and known worker scopes, which are not conditions', () => {
    assert.throws(() => evaluateExpression('worker.x DESC', { scope: 'orderBy' }), ExpressionError);
    assert.throws(() => evaluateExpression('task.agent', { scope: 'knownWorker' }), /resolveKnownWorker/);
  });

  it('evaluates error nodes as false when given a tree', () => {
    const { ast } = parseExpression('a == ', 'filter');
    assert.equal(evaluateExpression(ast, { task: { a: null } }), false);
  });

  it('shares a low-level evaluate(ast, resolver) with a name resolver', () => {
    const { ast } = parseExpression("queue.size > 3 AND team HAS 'blue'", 'filter');
    if (ast.kind === 'orderBy') return assert.fail('not a condition');
    const seen: string[] = [];
    const resolver = (path: KeyPath) => {
      const name = path.segments.map((s) => (s.kind === 'name' ? s.name : s.index)).join('.');
      seen.push(name);
      return name === 'queue.size' ? 4 : name === 'team' ? ['blue'] : undefined;
    };
    assert.equal(evaluate(ast, resolver), true);
    assert.deepEqual(seen, ['queue.size', 'team']);
    // AND stops at the first false operand.
    seen.length = 0;
    assert.equal(
      evaluate(ast, () => undefined),
      false,
    );
    assert.deepEqual(seen, []);
  });

  it('compares values with TaskRouter semantics', () => {
    assert.equal(compareValues('==', 1, 1), true);
    assert.equal(compareValues('==', [1], [1]), false);
    assert.equal(compareValues('!=', { a: 1 }, 2), false);
    assert.equal(compareValues('>=', 'b', 'a'), true);
    assert.equal(compareValues('<', null, 1), false);
    assert.equal(compareValues('HAS', ['x', 'y'], ['y', 'z']), true);
    assert.equal(compareValues('IN', { a: 1 }, [{ a: 1 }]), false);
  });

  it('resolves known worker references against the task', () => {
    assert.equal(resolveKnownWorker('task.agent_sid', { agent_sid: 'WK1' }), 'WK1');
    assert.equal(resolveKnownWorker('task.routing.agents[1]', { routing: { agents: ['a', 'b'] } }), 'b');
    assert.equal(resolveKnownWorker('task.missing', {}), null);
    assert.throws(() => resolveKnownWorker('task.', {}), ExpressionError);
  });

  it('sorts workers by order_by, missing values last in both directions, ties stable', () => {
    // Twilio's order-workers page: finance ASC then support ASC; Bob (support 5) before Alice (support 8).
    const alice = { name: 'Alice', finance: 10, support: 8 };
    const bob = { name: 'Bob', finance: 10, support: 5 };
    assert.deepEqual(
      sortWorkers('worker.finance ASC, worker.support ASC', [alice, bob]).map((w) => w.name),
      ['Bob', 'Alice'],
    );
    // A worker without the attribute comes after those who have it, whatever the direction.
    const carol = { name: 'Carol', finance: 10 };
    assert.deepEqual(
      sortWorkers('worker.finance ASC, worker.support DESC', [carol, bob, alice]).map((w) => w.name),
      ['Alice', 'Bob', 'Carol'],
    );
    assert.deepEqual(
      sortWorkers('worker.english_level DESC', [{ english_level: 2 }, { english_level: 9 }, {}]).map(
        (w) => (w as { english_level?: number }).english_level ?? null,
      ),
      [9, 2, null],
    );
    const ties = [
      { id: 1, level: 1 },
      { id: 2, level: 1 },
      { id: 3, level: 1 },
    ];
    assert.deepEqual(
      sortWorkers('worker.level DESC', ties).map((w) => w.id),
      [1, 2, 3],
    );
    assert.throws(() => sortWorkers('worker.level >', ties), ExpressionError);
  });
});
