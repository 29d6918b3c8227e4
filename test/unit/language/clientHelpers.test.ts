/** The pure helpers of the extension's language side: attribute names for completion, and workflow detection. */
import { strict as assert } from 'node:assert';
import { attributeNamesOf, MAX_ATTRIBUTE_NAMES } from '../../../client/src/language/attributeNames';
import { DETECTION_WINDOW, looksLikeWorkflow } from '../../../client/src/language/workflowDetection';

describe('attribute names for completion', () => {
  it('names keys and nested keys as dotted paths, down to three segments, without descending arrays', () => {
    const names = attributeNamesOf([
      { attributes: JSON.stringify({ skills: ['a'], routing: { skills: { level: { x: 1 } } }, lang: 'en' }) },
      { attributes: JSON.stringify({ lang: 'es', list: [{ inner: 1 }] }) },
    ]);
    assert.deepEqual(names, ['lang', 'list', 'routing', 'routing.skills', 'routing.skills.level', 'skills']);
  });

  it('skips attributes that are not a JSON object, and stops at the cap', () => {
    assert.deepEqual(attributeNamesOf([{ attributes: 'not json' }, { attributes: '[1]' }, { attributes: 'null' }]), []);
    const many = Object.fromEntries(Array.from({ length: MAX_ATTRIBUTE_NAMES + 50 }, (_, i) => [`a${i}`, i]));
    assert.equal(attributeNamesOf([{ attributes: JSON.stringify(many) }]).length, MAX_ATTRIBUTE_NAMES);
  });
});

describe('workflow detection in JSON files', () => {
  it('recognises a top-level task_routing key, also after other keys, comments or a byte-order mark', () => {
    assert.equal(looksLikeWorkflow('{"task_routing": {}}'), true);
    assert.equal(looksLikeWorkflow('{"a": {"b": [1, {"c": 2}]}, "task_routing": {}}'), true);
    assert.equal(looksLikeWorkflow('// routing\n{ /* x */ "task_routing": {}}'), true);
    assert.equal(looksLikeWorkflow('\uFEFF{"task_routing": {}}'), true);
  });

  it('ignores task_routing when it is nested, a value, or beyond the window, and other documents', () => {
    assert.equal(looksLikeWorkflow('{"config": {"task_routing": {}}}'), false);
    assert.equal(looksLikeWorkflow('{"name": "task_routing"}'), false);
    assert.equal(looksLikeWorkflow('["task_routing"]'), false);
    assert.equal(looksLikeWorkflow(''), false);
    const padding = JSON.stringify('x'.repeat(DETECTION_WINDOW));
    assert.equal(looksLikeWorkflow(`{"pad": ${padding}, "task_routing": {}}`), false);
  });
});
