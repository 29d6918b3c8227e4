import { strict as assert } from 'node:assert';
import { tokenize } from '../../../server/src/language/expression';

function kinds(text: string): string[] {
  return tokenize(text).map((t) => `${t.kind}:${t.text}`);
}

describe('expression tokenizer', () => {
  it('splits a comparison into tokens with exact spans', () => {
    const text = "task.skills HAS 'english'";
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.start, t.end]),
      [
        ['name', 0, 4],
        ['dot', 4, 5],
        ['name', 5, 11],
        ['keyword', 12, 15],
        ['string', 16, 25],
      ],
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    assert.equal(tokens[3].keyword, 'HAS');
    assert.equal(tokens[4].value, 'english');
    assert.equal(tokens[4].terminated, true);
  });

  it('recognises keywords, booleans and null in any letter case', () => {
    const tokens = tokenize('and Or NOT in has Contains asc DESC True false NULL');
    assert.deepEqual(
      tokens.map((t) => t.keyword ?? t.kind),
      ['AND', 'OR', 'NOT', 'IN', 'HAS', 'CONTAINS', 'ASC', 'DESC', 'boolean', 'boolean', 'null'],
    );
    assert.equal(tokens[8].value, true);
    assert.equal(tokens[9].value, false);
  });

  it('reads words after a dot as names, even keywords and digits', () => {
    assert.deepEqual(kinds('a.in.has.5.true'), [
      'name:a',
      'dot:.',
      'name:in',
      'dot:.',
      'name:has',
      'dot:.',
      'name:5',
      'dot:.',
      'name:true',
    ]);
    // A word directly followed by a dot is a name too (the head of a key path).
    assert.deepEqual(kinds('in.x'), ['name:in', 'dot:.', 'name:x']);
  });

  it('reads numbers: integers, leading zeros, decimals, leading dot, negative', () => {
    const tokens = tokenize('5 0800 5.1 .5 -1 -0.25');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value]),
      [
        ['number', 5],
        ['number', 800],
        ['number', 5.1],
        ['number', 0.5],
        ['number', -1],
        ['number', -0.25],
      ],
    );
  });

  it('keeps `a.5` a key path, not a name and a number', () => {
    assert.deepEqual(kinds('a.5'), ['name:a', 'dot:.', 'name:5']);
    assert.deepEqual(kinds('a[0].b'), ['name:a', 'lbracket:[', 'number:0', 'rbracket:]', 'dot:.', 'name:b']);
  });

  it('marks hyphenated names as one name token', () => {
    const tokens = tokenize('skill-level > 5');
    assert.equal(tokens[0].kind, 'name');
    assert.equal(tokens[0].text, 'skill-level');
    assert.equal(tokens[0].hyphenated, true);
    // With spaces around, `-` is a character of its own.
    assert.deepEqual(kinds('a - b'), ['name:a', 'invalid:-', 'name:b']);
  });

  it('reads strings in both quotes without escapes, and flags a missing closing quote', () => {
    const tokens = tokenize(`'it"s' "don't" 'open`);
    assert.deepEqual(
      tokens.map((t) => [t.value, t.terminated]),
      [
        ['it"s', true],
        ["don't", true],
        ['open', false],
      ],
    );
    assert.equal(tokens[2].end, 20);
  });

  it('reads every operator, including the foreign ones the parser explains', () => {
    assert.deepEqual(
      tokenize('== = != <> >= <= > < === !== && || ! & |').map((t) => t.text),
      ['==', '=', '!=', '<>', '>=', '<=', '>', '<', '===', '!==', '&&', '||', '!', '&', '|'],
    );
    assert.ok(tokenize('a==1').every((t) => t.kind !== 'invalid'));
  });

  it('turns unknown characters into invalid tokens, one per code point', () => {
    const tokens = tokenize('a # 😀 + {');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text]),
      [
        ['name', 'a'],
        ['invalid', '#'],
        ['invalid', '😀'],
        ['invalid', '+'],
        ['invalid', '{'],
      ],
    );
  });

  it('accepts Unicode letters in names and skips all kinds of whitespace', () => {
    assert.deepEqual(kinds('\tlangue_préférée\n==\r\n"fr"'), ['name:langue_préférée', 'operator:==', 'string:"fr"']);
  });

  it('covers every character of the text exactly once (tokens or whitespace)', () => {
    const text = '(a.b[1] >= -2.5 OR x NOT IN [\'p\', "q"]) && #';
    let covered = '';
    let last = 0;
    for (const t of tokenize(text)) {
      assert.ok(t.start >= last, 'tokens are in order and do not overlap');
      assert.match(text.slice(last, t.start), /^\s*$/);
      covered += text.slice(t.start, t.end);
      last = t.end;
    }
    assert.equal(covered, text.replace(/\s/g, ''));
  });
});
