import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService, settingsFor } from '../../../server/src/language/service';
import { parseWorkflow, validateWorkflow, validateWorkflowOffsets } from '../../../server/src/language/workflow';
import { Q1 } from '../workflow/marked';
import { documentOf } from './cursor';

const emptyWorkspace = { queues: [], activities: [], workerAttributes: [], taskAttributes: [] };

describe('language service facade', () => {
  const service = createLanguageService();

  it('doValidation gives validateWorkflow diagnostics in LSP shape', () => {
    const text = '{"task_routing": {"default_filter": {"queue": "WQ1"}}}';
    const diagnostics = service.doValidation(documentOf(text));
    const expected = validateWorkflow(text).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message })),
      expected.map((d) => ({ range: d.range, code: d.code, message: d.message })),
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.source]),
      [['malformed-queue-sid', DiagnosticSeverity.Error, 'taskrouter']],
    );
  });

  it('checks queue SIDs only when the workspace data is known', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    assert.deepEqual(service.doValidation(documentOf(text)), []);
    assert.deepEqual(service.doValidation(documentOf(text), null), []);
    const codes = service.doValidation(documentOf(text), emptyWorkspace).map((d) => d.code);
    assert.deepEqual(codes, ['unknown-queue']);
  });

  it('accepts comments in local files and reports them in documents that are uploaded as they are', () => {
    const text = `{ // routing\n"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    assert.deepEqual(service.doValidation(documentOf(text, 'file:///w.workflow.json')), []);
    const remote =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/workflows/WW0123456789abcdef0123456789abcdef/a.workflow.json';
    const codes = service.doValidation(documentOf(text, remote)).map((d) => d.code);
    assert.deepEqual(codes, ['comment-not-allowed']);
  });

  it('finds a trailing comma before a comment in a local file', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"},\n  // nothing else\n}}`;
    const diagnostics = service.doValidation(documentOf(text, 'file:///w.workflow.json'));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start]),
      [['trailing-comma', { line: 0, character: text.indexOf(',\n') }]],
    );
  });

  it('checks the targetWorkers expression of a task queue opened from the explorer', () => {
    const uri =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';
    assert.equal(settingsFor(uri, 'json')?.kind, 'queue');
    const text = '{\n  "friendlyName": "Gold",\n  "targetWorkers": "skills HAS \\"gold\\" && 1 == 1"\n}';
    const diagnostics = service.doValidation(documentOf(text, uri, 'json'));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['expr-foreign-operator'],
    );
    // `&&` sits after two escaped quotes: the range counts them as the two characters each they are in the text.
    const line = text.split('\n')[2];
    assert.equal(line.slice(diagnostics[0].range.start.character, diagnostics[0].range.end.character), '&&');
  });

  it('offers nothing for other documents', () => {
    assert.equal(settingsFor('file:///package.json', 'json'), undefined);
    assert.equal(settingsFor('file:///a.workflow.json', 'taskrouter-workflow')?.kind, 'workflow');
  });
});

describe('validation reuses the structural pass', () => {
  it('a given parse of the same text is used, and one of another text is not', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    const parsed = parseWorkflow(text);
    // A marker diagnostic only the given parse carries shows whether it was used.
    parsed.diagnostics.push({ start: 0, end: 1, severity: 'warning', code: 'marker', message: 'from the given parse' });
    assert.deepEqual(
      validateWorkflowOffsets(text, {}, { parsed }).diagnostics.map((d) => d.code),
      ['marker'],
    );
    assert.deepEqual(validateWorkflowOffsets(`${text} `, {}, { parsed }).diagnostics, []);
    // The given parse is not changed by the validation.
    assert.equal(parsed.diagnostics.length, 1);
  });
});
