import { strict as assert } from 'node:assert';
import {
  collectReferences,
  constantTruth,
  isAlwaysFalse,
  isAlwaysTrue,
  parseExpression,
  pathText,
  type Scope,
} from '../../../server/src/language/expression';

const truth: [string, boolean | undefined][] = [
  ['1==1', true],
  ['1 == 1', true],
  ['true', true],
  ['"a" == "a"', true],
  ['0 != 1', true],
  ["'en' IN ['en', 'es']", true],
  ["['a'] HAS 'a'", true],
  ['NOT 1 == 0', true],
  ['1 == 1 OR type == "x"', true],
  ['type == "x" OR 1 == 1', true],
  ['1 == 1 AND 2 == 2', true],
  ['(1 == 1 OR a == 1) AND true', true],
  ['1 == 0', false],
  ['false', false],
  ['1 == 1 AND type == "x"', undefined],
  ['type == "x"', undefined],
  ['x == x', undefined],
  ['x != null OR x == null', undefined],
  ['taskrouter.currentHour >= 0', undefined],
  ['1 == 1 AND 1 == 0', false],
  ['1 == 0 OR x == 1', undefined],
  ["1 == '1'", false],
  ['1 == ', undefined],
  ['5', false],
];

describe('expression analyses', () => {
  for (const [text, expected] of truth) {
    it(`constantTruth(${JSON.stringify(text)}) is ${String(expected)}`, () => {
      const { ast } = parseExpression(text, 'filter');
      assert.equal(constantTruth(ast), expected);
      assert.equal(isAlwaysTrue(ast), expected === true);
      assert.equal(isAlwaysFalse(ast), expected === false);
    });
  }

  it('is never always-true for an order_by', () => {
    assert.equal(isAlwaysTrue(parseExpression('worker.a DESC', 'orderBy').ast), false);
  });

  it('collects every key path in source order with its span and text', () => {
    const text = "task.skills HAS 'x' AND (worker.levels[0] > task.min OR taskrouter.dayOfWeek IN [task.d, 'Sun'])";
    const refs = collectReferences(parseExpression(text, 'target').ast);
    assert.deepEqual(
      refs.map((r) => r.text),
      ['task.skills', 'worker.levels[0]', 'task.min', 'taskrouter.dayOfWeek', 'task.d'],
    );
    for (const r of refs) {
      assert.equal(text.slice(r.start, r.end), r.text);
      assert.equal(pathText(r.node), r.text);
    }
  });

  it('collects the keys of an order_by and a known worker reference', () => {
    const cases: [string, Scope, string[]][] = [
      ['worker.a DESC, worker.b.c ASC', 'orderBy', ['worker.a', 'worker.b.c']],
      ['task.agent_sid', 'knownWorker', ['task.agent_sid']],
      ['workers.available == 0', 'skipIf', ['workers.available']],
    ];
    for (const [text, scope, expected] of cases) {
      assert.deepEqual(
        collectReferences(parseExpression(text, scope).ast).map((r) => r.text),
        expected,
      );
    }
  });
});
