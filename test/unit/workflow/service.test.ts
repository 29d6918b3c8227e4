import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../server/src/language/service';
import { validateWorkflow } from '../../../server/src/language/workflow';
import { Q1 } from './marked';

describe('language service facade', () => {
  const service = createLanguageService();

  it('doValidation gives validateWorkflow diagnostics for a document-like object', () => {
    const text = '{"task_routing": {"default_filter": {"queue": "WQ1"}}}';
    const diagnostics = service.doValidation({ uri: 'file:///a.json', getText: () => text });
    assert.deepEqual(diagnostics, validateWorkflow(text).diagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['malformed-queue-sid'],
    );
  });

  it('passes the workspace queues through', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    assert.deepEqual(service.doValidation({ getText: () => text }), []);
    const codes = service.doValidation({ getText: () => text }, { queues: [] }).map((d) => d.code);
    assert.deepEqual(codes, ['unknown-queue']);
  });
});
