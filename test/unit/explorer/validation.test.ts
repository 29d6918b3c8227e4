import { strict as assert } from 'node:assert';
import {
  attributesProblem,
  friendlyNameProblem,
  integerProblem,
  uniqueNameProblem,
} from '../../../client/src/commands/validation';

describe('commands/validation', () => {
  it('checks attributes as a JSON object of at most 4096 characters', () => {
    assert.equal(attributesProblem('{"skills":["es"]}'), undefined);
    assert.match(attributesProblem('{skills}') ?? '', /^Not valid JSON/);
    assert.match(attributesProblem('[1]') ?? '', /must be a JSON object/);
    assert.match(attributesProblem('null') ?? '', /must be a JSON object/);
    assert.match(attributesProblem(JSON.stringify({ a: 'x'.repeat(4100) })) ?? '', /At most 4096 characters/);
  });

  it('checks names, numbers and unique names', () => {
    assert.equal(friendlyNameProblem('Support'), undefined);
    assert.equal(friendlyNameProblem('  '), 'Enter a name.');
    assert.match(friendlyNameProblem('x'.repeat(65)) ?? '', /At most 64 characters \(this is 65\)/);
    assert.equal(integerProblem('10', 0, 10), undefined);
    assert.match(integerProblem('11', 0, 10) ?? '', /from 0 to 10/);
    assert.match(integerProblem('1.5', 0, 10) ?? '', /whole number/);
    assert.equal(uniqueNameProblem('chat_2-b'), undefined);
    assert.match(uniqueNameProblem('chat room') ?? '', /letters, digits/);
  });
});
