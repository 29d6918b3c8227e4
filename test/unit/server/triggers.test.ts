/** When a completion trigger character is answered: a space only inside a JSON string (an expression). */
import { strict as assert } from 'node:assert';
import { isCompletionTriggerWanted, isInsideString } from '../../../server/src/connection/triggers';

const space = { triggerKind: 2, triggerCharacter: ' ' } as const;

describe('completion triggers', () => {
  it('knows whether the end of a line is inside a JSON string', () => {
    const cases: [string, boolean][] = [
      ['  "expression": "type ', true],
      ['  "expression": "type == \\"a\\" ', true],
      ['  "expression": "type == \\\\"', false],
      ['  "priority": ', false],
      ['  "a": "b", ', false],
      ['  // "comment ', false],
      ['  "url": "http://x ', true],
      ['', false],
    ];
    for (const [line, expected] of cases) assert.equal(isInsideString(line), expected, line);
  });

  it('answers a space inside a string, not outside; every other trigger and invocation always', () => {
    assert.equal(isCompletionTriggerWanted(space, '"expression": "type '), true);
    assert.equal(isCompletionTriggerWanted(space, '"priority": 1, '), false);
    assert.equal(isCompletionTriggerWanted({ triggerKind: 2, triggerCharacter: '.' }, '"a": 1 task.'), true);
    assert.equal(isCompletionTriggerWanted({ triggerKind: 1 }, '"priority": 1, '), true);
    assert.equal(isCompletionTriggerWanted(undefined, '"priority": 1, '), true);
  });
});
