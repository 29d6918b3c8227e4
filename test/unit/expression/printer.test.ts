import { strict as assert } from 'node:assert';
import {
  formatNumber,
  parseExpression,
  printExpression,
  type Expression,
  type Scope,
} from '../../../server/src/language/expression';
import { stripOffsets } from './helpers';

const canonical: [string, string, Scope?][] = [
  ['1==1', '1 == 1'],
  ["type = 'support'", "type == 'support'"],
  ['type=="Support"', "type == 'Support'"],
  ['name == "O\'Brien"', 'name == "O\'Brien"'],
  ['a <> 1', 'a != 1'],
  ["x in ['a','b'] and y not in [1,2]", "x IN ['a', 'b'] AND y NOT IN [1, 2]"],
  ['((a == 1))', 'a == 1'],
  ['(a == 1 AND b == 2) OR c == 3', 'a == 1 AND b == 2 OR c == 3'],
  ['a == 1 AND (b == 2 OR c == 3)', 'a == 1 AND (b == 2 OR c == 3)'],
  ['(a == 1 OR b == 2) OR c == 3', '(a == 1 OR b == 2) OR c == 3'],
  ['NOT (a == 1)', 'NOT a == 1'],
  ['not (a == 1 or b == 2)', 'NOT (a == 1 OR b == 2)'],
  ['taskrouter.currentTime > 0800', 'taskrouter.currentTime > 800'],
  ['x > -0.50', 'x > -0.5'],
  ['x > .5', 'x > 0.5'],
  ['object.array[2] == TRUE', 'object.array[2] == true'],
  ['x == NULL', 'x == null'],
  ['worker.english_level desc,worker.b', 'worker.english_level DESC, worker.b', 'orderBy'],
  ['a == ', 'a == ?'],
];

describe('expression printer', () => {
  for (const [input, expected, scope] of canonical) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      const parsed = parseExpression(input, scope ?? 'filter');
      const printed = printExpression(parsed.ast);
      assert.equal(printed, expected);
      if (parsed.issues.every((i) => i.severity !== 'error')) {
        // Printing is idempotent and keeps the tree.
        const again = parseExpression(printed, scope ?? 'filter');
        assert.deepEqual(stripOffsets(again.ast), stripOffsets(parsed.ast));
        assert.equal(printExpression(again.ast), printed);
      }
    });
  }

  it('writes numbers as plain decimals that read back exactly', () => {
    for (const n of [0, -0, 1e21, 1.5e-7, -2.5e30, 123456789012345680000, 5e-324, Number.MAX_VALUE]) {
      const text = formatNumber(n);
      assert.doesNotMatch(text, /e/i);
      const { ast } = parseExpression(`x == ${text}`, 'filter');
      assert.ok(ast.kind === 'comparison' && ast.right.kind === 'number');
      if (ast.kind === 'comparison' && ast.right.kind === 'number') assert.ok(Object.is(ast.right.value, n), text);
    }
  });

  it('refuses a string that contains both kinds of quote (the language has no escapes)', () => {
    const ast: Expression = { kind: 'string', value: `it's "x"`, start: 0, end: 0 };
    assert.throws(() => printExpression(ast), RangeError);
  });
});
