/**
 * Property tests (fast-check): printing and parsing are inverse on generated trees, the parser never throws on any
 * text, and large or deeply nested inputs never blow the stack. Timing is measured in test/bench, not here.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  MAX_NESTING,
  collectReferences,
  evaluateExpression,
  isAlwaysTrue,
  parseExpression,
  printExpression,
  tokenize,
  type ComparisonOperator,
  type Condition,
  type Operand,
  type Scope,
} from '../../../server/src/language/expression';
import { stripOffsets } from './helpers';

const RESERVED = new Set(['and', 'or', 'not', 'in', 'has', 'contains', 'asc', 'desc', 'true', 'false', 'null']);
const OPERATORS: ComparisonOperator[] = [
  '==',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'CONTAINS',
  'HAS',
  'IN',
  'NOT IN',
  'NOT HAS',
  'NOT CONTAINS',
];
const at = { start: 0, end: 0 };

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((n) => !RESERVED.has(n.toLowerCase()));
const segmentName = fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/);

const path: fc.Arbitrary<Operand> = fc
  .tuple(
    name,
    fc.array(
      fc.oneof(
        segmentName.map((n) => ({ kind: 'name' as const, name: n, ...at })),
        fc.nat({ max: 99 }).map((index) => ({ kind: 'index' as const, index, ...at })),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([head, rest]) => ({ kind: 'path', segments: [{ kind: 'name', name: head, ...at }, ...rest], ...at }));

const stringValue = fc.string({ maxLength: 12 }).filter((s) => !(s.includes("'") && s.includes('"')));
const literal: fc.Arbitrary<Operand> = fc.oneof(
  stringValue.map((value) => ({ kind: 'string' as const, value, ...at })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ kind: 'number' as const, value, ...at })),
  fc.integer().map((value) => ({ kind: 'number' as const, value, ...at })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value, ...at })),
  fc.constant({ kind: 'null' as const, ...at }),
);
const array: fc.Arbitrary<Operand> = fc
  .array(fc.oneof(literal, path), { maxLength: 4 })
  .map((elements) => ({ kind: 'array', elements, ...at }));
const operand = fc.oneof(
  { weight: 3, arbitrary: path },
  { weight: 3, arbitrary: literal },
  { weight: 1, arbitrary: array },
);

const comparison: fc.Arbitrary<Condition> = fc
  .tuple(operand, fc.constantFrom(...OPERATORS), operand)
  .map(([left, operator, right]) => ({ kind: 'comparison', operator, operatorSpan: at, left, right, ...at }));

const bare: fc.Arbitrary<Condition> = fc.oneof(
  path,
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value, ...at })),
);

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    bare,
    fc
      .tuple(fc.constantFrom<'AND' | 'OR'>('AND', 'OR'), fc.array(tie('condition'), { minLength: 2, maxLength: 4 }))
      .map(([operator, operands]) => ({ kind: 'logical' as const, operator, operands, ...at })),
    tie('condition').map((operand) => ({ kind: 'not' as const, operand, ...at })),
  ),
}));

/** Text made of the language's own pieces, to reach deeper into the parser than random characters do. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      'a',
      'task.x',
      'worker.y[0]',
      'taskrouter.dayOfWeek',
      'workers.available',
      ' AND ',
      ' OR ',
      'NOT ',
      ' IN ',
      ' HAS ',
      ' NOT IN ',
      'CONTAINS',
      '==',
      '=',
      '!=',
      '<>',
      '>',
      '<=',
      '(',
      ')',
      '[',
      ']',
      ',',
      '.',
      "'s'",
      '"t"',
      "'",
      '"',
      '5',
      '-1',
      '.5',
      'true',
      'null',
      '&&',
      '!',
      '-',
      '#',
      ' ',
      'ASC',
      'DESC',
      'skill-level',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const SCOPES: Scope[] = ['filter', 'target', 'skipIf', 'orderBy', 'targetWorkers', 'knownWorker'];

describe('expression properties', () => {
  it('parse(print(ast)) equals ast (offsets aside) for generated trees', () => {
    fc.assert(
      fc.property(condition, (ast) => {
        const printed = printExpression(ast);
        const { ast: reparsed, issues } = parseExpression(printed, 'filter');
        assert.deepEqual(stripOffsets(reparsed), stripOffsets(ast), printed);
        // Printed text is syntactically clean (type and scope checks may still warn, e.g. `1 == 'a'`).
        const syntaxOnly = issues.filter((i) => /missing|unbalanced|unexpected|unclosed|invalid|foreign/.test(i.code));
        assert.deepEqual(syntaxOnly, [], printed);
      }),
      { numRuns: 500 },
    );
  });

  it('printing is stable: print(parse(print(ast))) == print(ast)', () => {
    fc.assert(
      fc.property(condition, (ast) => {
        const once = printExpression(ast);
        assert.equal(printExpression(parseExpression(once, 'filter').ast), once);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text, in every scope, and keeps spans inside the text', () => {
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), tokenSoup);
    fc.assert(
      fc.property(text, fc.constantFrom(...SCOPES), (input, scope) => {
        const { ast, issues } = parseExpression(input, scope);
        assert.ok(ast !== undefined);
        for (const issue of issues) {
          assert.ok(issue.start >= 0 && issue.start <= issue.end && issue.end <= input.length);
          assert.ok(issue.message.length > 0 && issue.code.startsWith('expr-'));
        }
        for (const ref of collectReferences(ast)) assert.ok(ref.start >= 0 && ref.end <= input.length);
        assert.ok(ast.start >= 0 && ast.end <= input.length);
        // The other entry points accept whatever the parser produced.
        printExpression(ast);
        isAlwaysTrue(ast);
        tokenize(input);
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluates generated trees without throwing, and NOT always negates', () => {
    fc.assert(
      fc.property(condition, fc.dictionary(name, fc.jsonValue({ maxDepth: 2 })), (ast, task) => {
        const value = evaluateExpression(ast, { task });
        assert.equal(typeof value, 'boolean');
        assert.equal(evaluateExpression({ kind: 'not', operand: ast, ...at }, { task }), !value);
      }),
      { numRuns: 300 },
    );
  });

  it('handles large and deeply nested inputs without recursion blow-up', () => {
    const inputs = [
      `${'('.repeat(100_000)}a == 1${')'.repeat(100_000)}`,
      `${'('.repeat(50_000)}`,
      `${')'.repeat(50_000)}`,
      `${'NOT '.repeat(50_000)}(a == 1)`,
      `${'!'.repeat(50_000)}a`,
      `x IN ${'['.repeat(50_000)}`,
      `${'(NOT '.repeat(20_000)}a == 1`,
      Array.from({ length: 50_000 }, (_, i) => `a${i} == ${i}`).join(' OR '),
      `x IN [${Array.from({ length: 100_000 }, (_, i) => i).join(', ')}]`,
      `worker.a ASC, `.repeat(20_000),
    ];
    for (const input of inputs) {
      for (const scope of ['filter', 'orderBy'] as const) {
        const { ast } = parseExpression(input, scope);
        printExpression(ast);
        collectReferences(ast);
        isAlwaysTrue(ast);
        if (ast.kind !== 'orderBy') evaluateExpression(ast, { task: {} });
      }
    }
    assert.ok(MAX_NESTING >= 64, 'real expressions nest far less than the limit');
  });

  it('does work proportional to the input: 8x the text gives about 8x the tokens and nodes', () => {
    // A deterministic count of work instead of a timing: tokens and tree nodes grow linearly with the text.
    const unit = "(task.a == 'x' OR b IN [1, 2, 3]) AND NOT c.d[0] >= 5 AND ";
    const size = (n: number) => {
      const text = unit.repeat(n) + '1 == 1';
      const { ast } = parseExpression(text, 'filter');
      return { tokens: tokenize(text).length, nodes: JSON.stringify(stripOffsets(ast)).length };
    };
    const small = size(500);
    const large = size(4000);
    assert.ok(Math.abs(large.tokens / small.tokens - 8) < 0.1);
    assert.ok(Math.abs(large.nodes / small.nodes - 8) < 0.1);
  });
});
