/**
 * The fast strict JSON parser must agree with jsonc-parser: the same tree (node shapes, offsets, values, parents)
 * for every valid JSON text, and `undefined` whenever jsonc-parser finds an error (so diagnostics always come from
 * the error-recovering parser).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseStrictJson } from '../../../server/src/language/workflow/json';
import { parseWorkflow } from '../../../server/src/language/workflow/parse';

interface Plain {
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  children?: Plain[];
}

/** The tree without parent links, checking on the way that every child points at its parent. */
function plain(node: Node): Plain {
  const result: Plain = { type: node.type, offset: node.offset, length: node.length };
  if (node.type !== 'object' && node.type !== 'array' && node.type !== 'property') result.value = node.value;
  if (node.colonOffset !== undefined) result.colonOffset = node.colonOffset;
  if (node.children) {
    result.children = node.children.map((child) => {
      assert.equal(child.parent, node, 'parent link');
      return plain(child);
    });
  }
  return result;
}

function jsonc(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { root, errors };
}

/** Re-serialises JSON with arbitrary JSON whitespace between tokens. */
const spacedJson = fc
  .tuple(fc.jsonValue(), fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  '), { minLength: 1 }))
  .map(([value, spaces]) => {
    const compact = JSON.stringify(value);
    let out = '';
    let k = 0;
    let inString = false;
    for (let i = 0; i < compact.length; i++) {
      const c = compact[i];
      if (inString && c === '\\') {
        out += c + compact[++i];
        continue;
      }
      if (c === '"') inString = !inString;
      out += c;
      if (!inString && '{}[],:'.includes(c)) out += spaces[k++ % spaces.length];
    }
    return spaces[0] + out + spaces[spaces.length - 1];
  });

describe('strict JSON parser', () => {
  it('builds the same tree as jsonc-parser for valid JSON', () => {
    fc.assert(
      fc.property(spacedJson, (text) => {
        const expected = jsonc(text);
        assert.deepEqual(expected.errors, []);
        const actual = parseStrictJson(text);
        assert.ok(actual, text);
        assert.deepEqual(plain(actual), plain(expected.root!));
      }),
      { numRuns: 300 },
    );
  });

  it('handles escapes, unicode, numbers and literals like jsonc-parser', () => {
    const text = String.raw`{"a\"b": "\u00e9\n\\", "n": [-0, 1.5e+3, 2E-2, 10], "t": true, "f": false, "z": null, "e": {}, "l": []}`;
    assert.deepEqual(plain(parseStrictJson(text)!), plain(jsonc(text).root!));
  });

  it('returns undefined whenever jsonc-parser reports an error', () => {
    const samples = [
      '',
      ' ',
      '{',
      '{"a": 1,}',
      '[1,]',
      '{"a" 1}',
      '{a: 1}',
      "{'a': 1}",
      '{"a": 01}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": -}',
      '{"a": 1e}',
      '{"a": tru}',
      '{"a": "x\ny"}',
      '{"a": "\\x"}',
      '{"a": "\\u12"}',
      '{"a": "unterminated}',
      '// c\n{}',
      '{} /* c */',
      '{} x',
      '[1 2]',
      '{"a": 1 "b": 2}',
      '{"a": NaN}',
    ];
    for (const text of samples) {
      assert.notDeepEqual(jsonc(text).errors, [], `jsonc-parser should reject ${JSON.stringify(text)}`);
      assert.equal(parseStrictJson(text), undefined, JSON.stringify(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}[]":,1 -.e\\tnul/*'.split('')) }), (text) => {
        const strict = parseStrictJson(text);
        const expected = jsonc(text);
        if (expected.errors.length > 0) assert.equal(strict, undefined, JSON.stringify(text));
        else assert.deepEqual(plain(strict!), plain(expected.root!), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseWorkflow reports absurd nesting instead of overflowing the stack', () => {
    for (const depth of [150, 250, 5_000, 200_000]) {
      const text = '['.repeat(depth) + ']'.repeat(depth);
      const { diagnostics } = parseWorkflow(text);
      assert.equal(diagnostics.length, 1);
      if (depth > 1000) {
        assert.match(diagnostics[0].message, /nest deeper than 1000 levels/);
        assert.equal(diagnostics[0].start, 1000);
      } else {
        assert.equal(diagnostics[0].code, 'wrong-type');
      }
    }
  });
});
