import { strict as assert } from 'node:assert';
import {
  ExpressionIssueCode as Code,
  MAX_NESTING,
  SCOPES,
  parseExpression,
  printExpression,
  type Scope,
} from '../../../server/src/language/expression';
import { codes, stripOffsets, underlined } from './helpers';

describe('expression parser: trees', () => {
  it('builds a comparison with spans for every node', () => {
    const text = "  type == 'support' ";
    const { ast, issues } = parseExpression(text, 'filter');
    assert.deepEqual(issues, []);
    assert.deepEqual(ast, {
      kind: 'comparison',
      operator: '==',
      operatorSpan: { start: 7, end: 9 },
      left: { kind: 'path', segments: [{ kind: 'name', name: 'type', start: 2, end: 6 }], start: 2, end: 6 },
      right: { kind: 'string', value: 'support', start: 10, end: 19 },
      start: 2,
      end: 19,
    });
  });

  it('binds AND tighter than OR, and keeps chains flat', () => {
    const { ast } = parseExpression('a == 1 OR b == 2 AND c == 3 AND d == 4', 'filter');
    assert.equal(ast.kind, 'logical');
    if (ast.kind !== 'logical') return;
    assert.equal(ast.operator, 'OR');
    assert.equal(ast.operands.length, 2);
    const right = ast.operands[1];
    assert.equal(right.kind === 'logical' && right.operator, 'AND');
    assert.equal(right.kind === 'logical' && right.operands.length, 3);
  });

  it('keeps parenthesised groups as their own nodes, with the span of their content', () => {
    const text = '(a == 1 OR b == 2) AND c == 3';
    const { ast } = parseExpression(text, 'filter');
    assert.equal(printExpression(ast), '(a == 1 OR b == 2) AND c == 3');
    if (ast.kind !== 'logical') return assert.fail('expected AND');
    assert.equal(text.slice(ast.operands[0].start, ast.operands[0].end), 'a == 1 OR b == 2');
    assert.equal(ast.start, 1);
  });

  it('reads prefix NOT as binding tighter than AND', () => {
    const { ast, issues } = parseExpression('NOT a == 1 AND b == 2', 'filter');
    assert.equal(printExpression(ast), 'NOT a == 1 AND b == 2');
    assert.equal(ast.kind, 'logical');
    if (ast.kind === 'logical') assert.equal(ast.operands[0].kind, 'not');
    assert.deepEqual(codes(issues), [Code.UndocumentedNot]);
  });

  it('normalises `=` to `==`, `<>` to `!=`, lower-case keywords to upper case', () => {
    const { ast, issues } = parseExpression("a = 1 and b <> 2 or c not in ['x'] and d has 'y' and e contains 'z'");
    assert.equal(printExpression(ast), "a == 1 AND b != 2 OR c NOT IN ['x'] AND d HAS 'y' AND e CONTAINS 'z'");
    // `<>` is undocumented; single `=` and lower-case keywords appear in Twilio's own examples, so they are silent.
    assert.deepEqual(codes(issues), [Code.UndocumentedOperator]);
  });

  it('reads key paths with dots and indexes', () => {
    const { ast } = parseExpression("object.array[2] == 'c'");
    if (ast.kind !== 'comparison' || ast.left.kind !== 'path') return assert.fail('expected a comparison');
    assert.deepEqual(stripOffsets(ast.left.segments), [
      { kind: 'name', name: 'object' },
      { kind: 'name', name: 'array' },
      { kind: 'index', index: 2 },
    ]);
  });

  it('reads array constants, null and booleans', () => {
    const { ast, issues } = parseExpression("x IN ['a', 1, 2.5, true, null] AND y != null AND z == false");
    assert.deepEqual(issues, []);
    assert.equal(printExpression(ast), "x IN ['a', 1, 2.5, true, null] AND y != null AND z == false");
  });

  it('reads NOT HAS and NOT CONTAINS as operators, with a warning', () => {
    const { ast, issues } = parseExpression("skills NOT HAS 'x' AND name NOT CONTAINS 'y'");
    assert.equal(printExpression(ast), "skills NOT HAS 'x' AND name NOT CONTAINS 'y'");
    assert.deepEqual(codes(issues), [Code.UndocumentedOperator, Code.UndocumentedOperator]);
    assert.match(issues[0].message, /NOT IN/);
  });

  it('parses an order_by into clauses', () => {
    const { ast, issues } = parseExpression('worker.english_level DESC, worker.tenure asc', 'orderBy');
    assert.deepEqual(
      issues.filter((i) => i.code !== Code.KeywordCase),
      [],
    );
    assert.deepEqual(stripOffsets(ast), {
      kind: 'orderBy',
      clauses: [
        {
          kind: 'orderClause',
          key: {
            kind: 'path',
            segments: [
              { kind: 'name', name: 'worker' },
              { kind: 'name', name: 'english_level' },
            ],
          },
          direction: 'DESC',
        },
        {
          kind: 'orderClause',
          key: {
            kind: 'path',
            segments: [
              { kind: 'name', name: 'worker' },
              { kind: 'name', name: 'tenure' },
            ],
          },
          direction: 'ASC',
        },
      ],
    });
  });

  it('accepts ASC and DESC as attribute names outside order_by', () => {
    const { ast, issues } = parseExpression('desc == 1 AND a.asc == 2', 'filter');
    assert.deepEqual(issues, []);
    assert.equal(printExpression(ast), 'desc == 1 AND a.asc == 2');
  });
});

interface IssueCase {
  text: string;
  scope?: Scope;
  /** Every issue's code, in order of position. */
  codes: string[];
  /** The text the first issue underlines. */
  at?: string;
  /** A phrase the first issue's message contains. */
  says?: RegExp;
  severity?: 'error' | 'warning' | 'information';
}

const syntaxCases: IssueCase[] = [
  { text: '', codes: [Code.Empty], says: /1 == 1/ },
  { text: '   ', codes: [Code.Empty] },
  {
    text: 'skill-level > 5',
    codes: [Code.HyphenInName],
    at: 'skill-level',
    says: /subtraction.*`skill_level`/,
  },
  { text: 'task.skill-level > 5', scope: 'target', codes: [Code.HyphenInName], at: 'skill-level' },
  { text: 'a - b == 1', codes: [Code.BareOperand, Code.UnexpectedCharacter, Code.MissingLogicalOperator], at: 'a' },
  { text: "type == 'support", codes: [Code.UnterminatedString], at: "'support", says: /closing '/ },
  { text: 'a == 1 && b == 2', codes: [Code.ForeignOperator], at: '&&', says: /`AND`/ },
  { text: 'a == 1 || b == 2', codes: [Code.ForeignOperator], at: '||', says: /`OR`/ },
  { text: 'a === 1', codes: [Code.ForeignOperator], at: '===', says: /`==`/ },
  { text: '!(a == 1)', codes: [Code.ForeignOperator], at: '!', says: /`NOT`/ },
  { text: 'a == ', codes: [Code.MissingOperand], at: '==', says: /needs a value on its right/ },
  { text: '== 5', codes: [Code.MissingOperand], at: '==', says: /on its left/ },
  { text: 'skills HAS', codes: [Code.MissingOperand], says: /HAS 'support'/ },
  { text: 'a == 1 AND', codes: [Code.MissingOperand], at: 'AND', says: /ends after `AND`/ },
  { text: 'AND a == 1', codes: [Code.MissingOperand], at: 'AND', says: /missing before `AND`/ },
  { text: "type 'support'", codes: [Code.MissingOperator], says: /operator is missing/ },
  { text: 'a == 1 b == 2', codes: [Code.MissingLogicalOperator], at: 'b', says: /without `AND` or `OR`/ },
  { text: '(a == 1', codes: [Code.UnbalancedParenthesis], at: '(', says: /no matching `\)`/ },
  { text: 'a == 1)', codes: [Code.UnbalancedParenthesis], at: ')', says: /no matching `\(`/ },
  { text: '()', codes: [Code.MissingOperand], says: /parentheses are empty/ },
  { text: "x IN ['a', 'b'", codes: [Code.UnclosedArray], at: '[' },
  { text: "x IN ['a' 'b']", codes: [Code.InvalidArrayElement], at: "'b'", says: /commas/ },
  { text: "x IN ['a',]", codes: [Code.InvalidArrayElement], at: ']' },
  { text: "x IN [, 'a']", codes: [Code.InvalidArrayElement], at: ',' },
  { text: 'x IN [[1], 2]', codes: [Code.InvalidArrayElement], at: '[1]', says: /cannot contain arrays/ },
  { text: "a['b'] == 1", codes: [Code.InvalidIndex], at: "['b']", says: /`\.b`/ },
  { text: 'a[-1] == 1', codes: [Code.InvalidIndex] },
  { text: 'a[1.5] == 1', codes: [Code.InvalidIndex] },
  { text: 'a. == 1', codes: [Code.InvalidPath], at: '.' },
  { text: '1 < a < 3', codes: [Code.ChainedComparison], at: '< 3', says: /AND/ },
  { text: '5', codes: [Code.NotACondition], says: /value, not a condition/ },
  { text: "a == 1 AND 'gold'", codes: [Code.NotACondition], at: "'gold'" },
  { text: 'vip', codes: [Code.BareOperand], severity: 'warning', says: /`vip == true`/ },
  { text: 'true', codes: [Code.BareOperand], severity: 'warning', says: /1 == 1/ },
  { text: '(a) == 1', codes: [Code.BareOperand, Code.UnexpectedSymbol], says: /on its own/ },
  { text: 'a == 1 ]', codes: [Code.UnexpectedSymbol], at: ']' },
  { text: 'a == 1 , b == 2', codes: [Code.UnexpectedSymbol, Code.MissingLogicalOperator], at: ',' },
  { text: 'a # == 1', codes: [Code.UnexpectedCharacter], at: '#' },
  // Invisible characters are named by code point (the message showed them as an empty pair of backquotes).
  { text: "a ==\u200b 'x'", codes: [Code.UnexpectedCharacter], at: '\u200b', says: /invisible character U\+200B/ },
  { text: "a ==\u2003'x'", codes: [Code.UnexpectedCharacter], says: /^The invisible character U\+2003 is not allowed/ },
  { text: 'a == 1 And b == 2', codes: [Code.KeywordCase], at: 'And', severity: 'information' },
  { text: 'a == True', codes: [Code.KeywordCase], severity: 'information' },
];

describe('expression parser: issues', () => {
  for (const c of syntaxCases) {
    it(`${JSON.stringify(c.text)}${c.scope ? ` (${c.scope})` : ''} → ${c.codes.join(', ') || 'no issues'}`, () => {
      const { ast, issues } = parseExpression(c.text, c.scope ?? 'filter');
      assert.ok(ast, 'a tree is always returned');
      assert.deepEqual(codes(issues), c.codes, JSON.stringify(issues, null, 1));
      const first = issues[0];
      if (c.at !== undefined) assert.equal(underlined(c.text, first), c.at);
      if (c.says !== undefined) assert.match(first.message, c.says);
      if (c.severity !== undefined) assert.equal(first.severity, c.severity);
      for (const issue of issues) {
        assert.ok(issue.start >= 0 && issue.end >= issue.start && issue.end <= c.text.length, 'issue inside the text');
        assert.doesNotMatch(issue.message, /unexpected token/i);
      }
    });
  }

  it('keeps going after an error and reports later errors too', () => {
    const text = "a === 1 AND skill-level > 2 AND b IN 'x' AND (c == 1";
    const { issues } = parseExpression(text, 'filter');
    assert.deepEqual(codes(issues), [
      Code.ForeignOperator,
      Code.HyphenInName,
      Code.InNeedsArray,
      Code.UnbalancedParenthesis,
    ]);
  });

  it('returns error nodes where values are missing', () => {
    const { ast } = parseExpression('a == AND b == 1', 'filter');
    if (ast.kind !== 'logical') return assert.fail('expected AND');
    const first = ast.operands[0];
    assert.equal(first.kind === 'comparison' && first.right.kind, 'error');
  });

  it(`reports parentheses nested deeper than ${MAX_NESTING} and keeps parsing after them`, () => {
    const depth = 10_000;
    const text = `${'('.repeat(depth)}a == 1${')'.repeat(depth)} AND b = c`;
    const { ast, issues } = parseExpression(text, 'filter');
    assert.deepEqual(codes(issues), [Code.TooDeep]);
    assert.equal(issues[0].start, MAX_NESTING);
    assert.equal(ast.kind, 'logical');
  });

  it('survives 100,000 prefix NOTs and 10,000 nested array brackets', () => {
    const nots = parseExpression(`${'NOT '.repeat(100_000)}a == 1`, 'filter');
    assert.ok(codes(nots.issues).includes(Code.TooDeep));
    const brackets = parseExpression(`a IN ${'['.repeat(10_000)}1${']'.repeat(10_000)}`, 'filter');
    assert.ok(codes(brackets.issues).includes(Code.InvalidArrayElement));
  });

  it('handles a one-megabyte AND chain without recursion trouble', () => {
    const parts: string[] = [];
    for (let i = 0; parts.length * 20 < 1_000_000; i++) parts.push(`attr_${i} == ${i}`);
    const { ast, issues } = parseExpression(parts.join(' AND '), 'filter');
    assert.deepEqual(issues, []);
    assert.equal(ast.kind === 'logical' && ast.operands.length, parts.length);
    assert.equal(printExpression(ast).length, parts.join(' AND ').length);
  });

  it('never throws on non-string input from JavaScript callers', () => {
    assert.doesNotThrow(() => parseExpression(undefined as unknown as string));
    assert.doesNotThrow(() => parseExpression(42 as unknown as string));
  });

  it('refuses a scope name it does not know (a JSON key such as skip_if would skip every scope check)', () => {
    for (const scope of ['skip_if', 'Filter', '']) {
      assert.throws(
        () => parseExpression('task.x == 1', scope as Scope),
        (error: unknown) =>
          error instanceof TypeError && /'skipIf'/.test(error.message) && error.message.includes(JSON.stringify(scope)),
      );
    }
    assert.deepEqual(
      SCOPES.map((scope) => typeof parseExpression('1 == 1', scope).ast),
      SCOPES.map(() => 'object'),
    );
  });
});

describe('expression parser: common mistakes read as what they mean', () => {
  const issues = (text: string) =>
    parseExpression(text, 'filter').issues.map((i) => [i.code, text.slice(i.start, i.end)]);

  it('reports an attribute named like a keyword once, and still checks the comparison', () => {
    assert.deepEqual(issues('in == 1'), [['expr-unexpected-symbol', 'in']]);
    assert.deepEqual(issues("has HAS 'x'"), [['expr-unexpected-symbol', 'has']]);
    assert.deepEqual(issues("and == 2 AND b == 'x'"), [['expr-unexpected-symbol', 'and']]);
    assert.match(parseExpression('in == 1', 'filter').issues[0].message, /keyword IN.*Rename the attribute/);
    // The comparison after it is still checked.
    assert.deepEqual(
      issues("in == 'a' AND b").map(([code]) => code),
      ['expr-unexpected-symbol', 'expr-bare-operand'],
    );
  });

  it('reads `IN (1, 2)` as the array it means and says to use square brackets', () => {
    assert.deepEqual(issues("language IN ('en', 'es')"), [['expr-in-needs-array', "('en', 'es')"]]);
    assert.match(parseExpression('x NOT IN (1,2)', 'filter').issues[0].message, /`NOT IN` takes an array.*`\[1, 2\]`/);
    // A group that holds a condition is not a list: the old messages stand.
    assert.notDeepEqual(
      issues('x IN (a == 1)').map(([code]) => code),
      ['expr-in-needs-array'],
    );
  });
});
