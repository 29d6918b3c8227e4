import { strict as assert } from 'node:assert';
import { createStringOffsetMapper, mapStringSpan } from '../../../server/src/language/workflow/strings';

/** The literal's span in `text`: the first string literal. */
function literal(text: string): { start: number; end: number; value: string } {
  const start = text.indexOf('"');
  let end = start + 1;
  while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
  return { start, end: end + 1, value: JSON.parse(text.slice(start, end + 1)) as string };
}

describe('string offset mapping through JSON escapes', () => {
  it('maps by addition when there is no escape', () => {
    const text = 'x: "type == 1"';
    const span = literal(text);
    const map = createStringOffsetMapper(text, span);
    assert.equal(map(0), 4);
    assert.equal(text.slice(map(5), map(7)), '==');
    assert.equal(map(span.value.length), text.length - 1, 'the end maps to the closing quote');
  });

  it('maps across \\" \\\\ and \\u escapes to the characters that encode them', () => {
    const text = String.raw`{"e": "a == \"x\" AND \u0041b-c == '\\'"}`;
    const span = { start: text.indexOf('"a'), end: text.length - 1 };
    const value = JSON.parse(text).e as string;
    assert.equal(value, `a == "x" AND Ab-c == '\\'`);
    const map = createStringOffsetMapper(text, span);
    // Every decoded character maps to where its encoding starts.
    const quoted = value.indexOf('"x"');
    assert.equal(text.slice(map(quoted), map(quoted + 3)), String.raw`\"x\"`);
    const name = value.indexOf('Ab-c');
    assert.equal(text.slice(map(name), map(name + 4)), String.raw`\u0041b-c`);
    const backslash = value.indexOf('\\');
    assert.equal(text.slice(map(backslash), map(backslash + 1)), String.raw`\\`);
    assert.equal(map(value.length), text.length - 2);
    assert.deepEqual(mapStringSpan(map, { start: name, end: name + 1 }), {
      start: text.indexOf('\\u0041'),
      end: text.indexOf('\\u0041') + 6,
    });
  });

  it('clamps offsets outside the value', () => {
    const text = '"a\\"b"';
    const map = createStringOffsetMapper(text, { start: 0, end: text.length });
    assert.equal(map(-3), 1);
    assert.equal(map(99), text.length - 1);
  });

  it('handles a string the document ends inside', () => {
    const text = '"abc';
    const map = createStringOffsetMapper(text, { start: 0, end: 4 });
    assert.equal(map(3), 4);
  });
});
