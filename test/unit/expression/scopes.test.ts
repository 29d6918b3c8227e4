import { strict as assert } from 'node:assert';
import { ExpressionIssueCode as Code, parseExpression, type Scope } from '../../../server/src/language/expression';
import { codes, underlined } from './helpers';

interface ScopeCase {
  scope: Scope;
  text: string;
  codes: string[];
  at?: string;
  says?: RegExp;
  severity?: 'error' | 'warning' | 'information';
}

const A = 'WA' + '0123456789abcdef'.repeat(2);

const cases: ScopeCase[] = [
  // filter: task attributes unprefixed, taskrouter.*
  { scope: 'filter', text: "type == 'support' AND taskrouter.dayOfWeek == 'Mon'", codes: [] },
  {
    scope: 'filter',
    text: "task.type == 'support'",
    codes: [Code.UnexpectedPrefix],
    at: 'task.type',
    says: /write `type`/,
    severity: 'warning',
  },
  { scope: 'filter', text: 'worker.level > 2', codes: [Code.NameNotInScope], severity: 'warning' },
  { scope: 'filter', text: 'workers.available == 0', codes: [Code.NameNotInScope], says: /skip_if/ },
  {
    scope: 'filter',
    text: 'taskrouter.currenttime > 800',
    codes: [Code.UnknownTaskrouterVariable],
    says: /`taskrouter\.currentTime`/,
    severity: 'error',
  },
  { scope: 'filter', text: "taskrouter.weekday == 'Mon'", codes: [Code.UnknownTaskrouterVariable], says: /dayOfWeek/ },
  { scope: 'filter', text: 'taskrouter.currentTime.x == 1', codes: [Code.UnknownTaskrouterVariable] },

  // target: task.*, worker.*, taskrouter.*
  { scope: 'target', text: 'task.language IN worker.languages', codes: [] },
  { scope: 'target', text: '(task.skills HAS "english")', codes: [] },
  { scope: 'target', text: 'worker.channel.chat.configured_capacity > 2', codes: [] },
  { scope: 'target', text: 'worker.channel.voice.assigned_tasks == 0', codes: [] },
  { scope: 'target', text: 'worker.channel.chat.available_capacity_percentage >= 50', codes: [] },
  {
    scope: 'target',
    text: 'worker.channel.chat.capacity > 2',
    codes: [Code.UnknownChannelProperty],
    severity: 'warning',
  },
  { scope: 'target', text: 'worker.sid != task.excluded_sid AND taskrouter.currentHour < 18', codes: [] },
  {
    scope: 'target',
    text: 'skill_level > 5',
    codes: [Code.MissingPrefix],
    at: 'skill_level',
    says: /`task\.skill_level` or `worker\.skill_level`/,
    severity: 'error',
  },
  { scope: 'target', text: 'worker == 1', codes: [Code.MissingPrefix], says: /worker\.skills/ },
  { scope: 'target', text: 'workers.available == 0', codes: [Code.NameNotInScope], severity: 'error' },

  // skip_if: only the worker counts
  { scope: 'skipIf', text: 'workers.available == 0', codes: [] },
  { scope: 'skipIf', text: `workers.unavailable > 3 OR workers.${A} == 0`, codes: [] },
  {
    scope: 'skipIf',
    text: 'workers.WA123 == 0',
    codes: [Code.MalformedActivitySid],
    at: 'WA123',
    says: /32 hexadecimal/,
  },
  {
    scope: 'skipIf',
    text: 'workers.Available == 0',
    codes: [Code.UnknownWorkersVariable],
    says: /`workers\.available`/,
  },
  { scope: 'skipIf', text: 'workers.busy == 0', codes: [Code.UnknownWorkersVariable] },
  { scope: 'skipIf', text: "task.type == 'x'", codes: [Code.NameNotInScope], severity: 'error' },
  { scope: 'skipIf', text: 'taskrouter.currentHour > 18', codes: [Code.NameNotInScope] },

  // target_workers: worker attributes unprefixed
  { scope: 'targetWorkers', text: "(skills HAS 'support') AND (languages HAS 'english')", codes: [] },
  { scope: 'targetWorkers', text: '1==1', codes: [] },
  {
    scope: 'targetWorkers',
    text: "worker.skills HAS 'x'",
    codes: [Code.UnexpectedPrefix],
    says: /write `skills`/,
    severity: 'warning',
  },
  { scope: 'targetWorkers', text: "task.type == 'x'", codes: [Code.NameNotInScope], severity: 'warning' },
  { scope: 'targetWorkers', text: 'taskrouter.currentHour > 8', codes: [Code.NameNotInScope], severity: 'warning' },

  // known_worker_sid / known_worker_friendly_name: exactly one task.* reference
  { scope: 'knownWorker', text: 'task.agent_sid', codes: [] },
  { scope: 'knownWorker', text: 'task.routing.preferred[0]', codes: [] },
  {
    scope: 'knownWorker',
    text: 'WK0123456789abcdef0123456789abcdef',
    codes: [Code.KnownWorkerReference],
    says: /not a worker SID/,
  },
  { scope: 'knownWorker', text: 'agent_sid', codes: [Code.KnownWorkerReference], says: /`task\.`/ },
  { scope: 'knownWorker', text: 'worker.sid', codes: [Code.KnownWorkerReference] },
  { scope: 'knownWorker', text: "'WK01'", codes: [Code.KnownWorkerReference], says: /quoted/ },
  { scope: 'knownWorker', text: "task.agent_sid == 'x'", codes: [Code.KnownWorkerReference], says: /not a condition/ },

  // order_by
  { scope: 'orderBy', text: 'worker.english_level DESC', codes: [] },
  { scope: 'orderBy', text: 'worker.finance ASC, worker.support ASC', codes: [] },
  {
    scope: 'orderBy',
    text: 'worker.level',
    codes: [Code.OrderByDirection],
    severity: 'warning',
    says: /ASC` or `DESC/,
  },
  { scope: 'orderBy', text: 'level DESC', codes: [Code.OrderByKey], says: /`worker\.level`/ },
  {
    scope: 'orderBy',
    text: 'task.priority DESC',
    codes: [Code.OrderByKey],
    says: /write `worker\.priority`, not a task attribute/,
  },
  { scope: 'orderBy', text: 'worker DESC', codes: [Code.OrderByKey], says: /after `worker`, e\.g\. `worker\.level/ },
  { scope: 'orderBy', text: 'task ASC', codes: [Code.OrderByKey], says: /after `worker`/ },
  { scope: 'orderBy', text: 'worker.level DOWN', codes: [Code.OrderByDirection], at: 'DOWN', severity: 'error' },
  { scope: 'orderBy', text: 'worker.a ASC worker.b DESC', codes: [Code.OrderBySyntax], at: 'worker', says: /commas/ },
  { scope: 'orderBy', text: 'worker.a ASC,', codes: [Code.OrderBySyntax] },
  {
    scope: 'orderBy',
    text: 'worker.a > 1, worker.b DESC',
    codes: [Code.OrderByDirection, Code.OrderBySyntax],
    says: /ASC/,
  },
  { scope: 'orderBy', text: 'worker.a DESC AND worker.b DESC', codes: [Code.OrderBySyntax], says: /no comparisons/ },
  { scope: 'orderBy', text: '5 DESC', codes: [Code.OrderByKey] },
  { scope: 'orderBy', text: '', codes: [Code.Empty], says: /order_by/ },
  // An empty field: the advice fits the place (`1 == 1` would mean "always skip" in a skip_if).
  { scope: 'skipIf', text: '', codes: [Code.Empty], says: /workers\.available == 0/ },
  { scope: 'knownWorker', text: ' ', codes: [Code.Empty], says: /task\.agent_sid/ },
  { scope: 'target', text: '', codes: [Code.Empty], says: /every worker of the queue.*1 == 1/ },

  // types of constants and TaskRouter variables
  {
    scope: 'filter',
    text: "'support' HAS skills",
    codes: [Code.HasNeedsArray],
    at: 'HAS',
    says: /needs an array on its left/,
  },
  { scope: 'filter', text: "taskrouter.dayOfWeek HAS 'Mon'", codes: [Code.HasNeedsArray] },
  { scope: 'filter', text: "language IN 'en'", codes: [Code.InNeedsArray], says: /needs an array on its right.*`==`/ },
  { scope: 'filter', text: 'language NOT IN 5', codes: [Code.InNeedsArray] },
  { scope: 'filter', text: 'email CONTAINS 5', codes: [Code.ContainsNeedsStrings], at: '5' },
  { scope: 'filter', text: "['a'] CONTAINS 'a'", codes: [Code.ContainsNeedsStrings], says: /`HAS`/ },
  { scope: 'filter', text: "language == ['en', 'es']", codes: [Code.ScalarOperatorOnArray], says: /language IN/ },
  { scope: 'filter', text: '[1] > 0', codes: [Code.ScalarOperatorOnArray] },
  { scope: 'filter', text: "1 == '1'", codes: [Code.TypeMismatch], severity: 'warning', says: /always false/ },
  { scope: 'filter', text: "1 != '1'", codes: [Code.TypeMismatch], says: /always true/ },
  { scope: 'filter', text: "taskrouter.currentTime > '0800'", codes: [Code.TypeMismatch] },
  { scope: 'filter', text: 'level > null', codes: [Code.TypeMismatch] },
  { scope: 'filter', text: 'level > true', codes: [Code.TypeMismatch] },
  { scope: 'filter', text: 'level != null AND level == null', codes: [] },

  // day of week and time constants
  {
    scope: 'filter',
    text: "taskrouter.dayOfWeek IN ['Mon', 'Tue', 'THU']",
    codes: [Code.DayOfWeekCase],
    at: "'THU'",
    says: /'Thu'/,
    severity: 'warning',
  },
  { scope: 'filter', text: "'sat' == taskrouter.dayOfWeek", codes: [Code.DayOfWeekCase] },
  { scope: 'filter', text: "taskrouter.dayOfWeek = 'Monday'", codes: [Code.DayOfWeekValue], says: /write 'Mon'/ },
  { scope: 'filter', text: "taskrouter.dayOfWeek IN ['Sat','Sun']", codes: [] },
  { scope: 'filter', text: 'taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830', codes: [] },
  { scope: 'filter', text: 'taskrouter.currentTime < 2400', codes: [] },
  { scope: 'filter', text: 'taskrouter.currentTime > 2500', codes: [Code.TimeOutOfRange], severity: 'warning' },
  { scope: 'filter', text: 'taskrouter.currentTime > 1275', codes: [Code.TimeOutOfRange], says: /HHMM/ },
  { scope: 'filter', text: 'taskrouter.currentHour > 25', codes: [Code.TimeOutOfRange] },
  { scope: 'filter', text: 'taskrouter.currentMin == 75', codes: [Code.TimeOutOfRange] },
];

describe('expression scopes and constant checks', () => {
  for (const c of cases) {
    it(`${c.scope}: ${JSON.stringify(c.text)} → ${c.codes.join(', ') || 'no issues'}`, () => {
      const { issues } = parseExpression(c.text, c.scope);
      assert.deepEqual(codes(issues), c.codes, JSON.stringify(issues, null, 1));
      if (c.at !== undefined) assert.equal(underlined(c.text, issues[0]), c.at);
      if (c.says !== undefined) assert.match(issues[0].message, c.says);
      if (c.severity !== undefined) assert.equal(issues[0].severity, c.severity);
    });
  }

  it('treats the same text differently in each scope', () => {
    const text = 'skill_level > 5';
    assert.deepEqual(codes(parseExpression(text, 'filter').issues), []);
    assert.deepEqual(codes(parseExpression(text, 'targetWorkers').issues), []);
    assert.deepEqual(codes(parseExpression(text, 'target').issues), [Code.MissingPrefix]);
    assert.deepEqual(codes(parseExpression(text, 'skipIf').issues), [Code.NameNotInScope]);
  });

  it('exports every issue code as a unique, stable expr-* string', () => {
    const values = Object.values(Code);
    assert.equal(new Set(values).size, values.length);
    for (const v of values) assert.match(v, /^expr-[a-z-]+$/);
    assert.equal(Code.HyphenInName, 'expr-hyphen-in-name');
  });
});
