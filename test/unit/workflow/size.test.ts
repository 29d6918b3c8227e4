import { strict as assert } from 'node:assert';
import { MAX_DOCUMENT_BYTES, WorkflowCode, validateWorkflow } from '../../../server/src/language/workflow';
import { utf8Length, utf8LengthPortable } from '../../../server/src/language/workflow/validators/documentSize';
import { Q1, marked } from './marked';

/** A valid workflow whose filter name is `name`, padded with spaces before the closing brace. */
function workflowWithName(name: string, padding = 0): string {
  return `«{»"task_routing": {"filters": [{"filter_friendly_name": ${JSON.stringify(name)}, "expression": "1==1", "targets": [{"queue": "${Q1}"}]}]}${' '.repeat(padding)}}`;
}

describe('document size', () => {
  it(`reports ${WorkflowCode.DocumentTooLarge} above ${MAX_DOCUMENT_BYTES} bytes, on the opening brace`, () => {
    const { text, ranges } = marked(workflowWithName('x', MAX_DOCUMENT_BYTES));
    const found = validateWorkflow(text).diagnostics.filter((d) => d.code.startsWith('document-'));
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.range]),
      [[WorkflowCode.DocumentTooLarge, 'error', ranges[0].range]],
    );
    assert.match(found[0].message, /1,048,\d{3} bytes|1,0\d\d,\d{3} bytes/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 600,000 characters, 1,200,000 bytes.
    const { text } = marked(workflowWithName('é'.repeat(600_000)));
    assert.ok(text.length < MAX_DOCUMENT_BYTES);
    const codes = validateWorkflow(text).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, [WorkflowCode.DocumentTooLarge]);
  });

  it(`warns with ${WorkflowCode.DocumentNearLimit} between 1,000,000 and 1,048,576 bytes`, () => {
    const { text, ranges } = marked(workflowWithName('x', 1_020_000));
    const found = validateWorkflow(text).diagnostics;
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.range]),
      [[WorkflowCode.DocumentNearLimit, 'warning', ranges[0].range]],
    );
  });

  it('says nothing at 1,000,000 bytes or less', () => {
    const { text } = marked(workflowWithName('x'));
    const padded = text.slice(0, -1) + ' '.repeat(1_000_000 - Buffer.byteLength(text)) + '}';
    assert.equal(Buffer.byteLength(padded), 1_000_000);
    assert.deepEqual(validateWorkflow(padded).diagnostics, []);
  });

  it('utf8Length (native and portable) agrees with Buffer.byteLength, lone surrogates included', () => {
    for (const sample of ['', 'abc', 'é', '€', '😀', 'a😀b€é', '\ud800', 'x\udc00y', '\ud83d\ude00\ud83d']) {
      assert.equal(utf8Length(sample), Buffer.byteLength(sample), JSON.stringify(sample));
      assert.equal(utf8LengthPortable(sample), Buffer.byteLength(sample), JSON.stringify(sample));
    }
  });
});
