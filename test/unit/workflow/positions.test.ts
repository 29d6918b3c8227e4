import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/language/workflow/positions';
import { position } from './marked';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rg\n';
  const index = new LineIndex(text);

  it('agrees with a naive computation at every offset (but inside \\r\\n), for \\n, \\r\\n and \\r', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a line break: no meaningful answer
      assert.deepEqual(index.positionAt(offset), position(text, offset), `offset ${offset}`);
    }
  });

  it('round-trips offsets that are not inside a \\r\\n pair', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    }
  });

  it('clamps out-of-range offsets and positions', () => {
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(1000), position(text, text.length));
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
  });
});
