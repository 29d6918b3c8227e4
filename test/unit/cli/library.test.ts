/** The library's contract (lib/index.ts, bundled to dist/lib.js): what issue 2 promises scripts and CI. */
import { strict as assert } from 'node:assert';
import * as lib from '../../../lib';

describe('library exports', () => {
  it('exports the builders, the validator and the expression functions with the documented shapes', () => {
    for (const name of ['WorkflowConfig', 'WorkflowRule', 'WorkflowRuleTarget', 'WorkflowConfigError'] as const) {
      assert.equal(typeof lib[name], 'function', name);
    }
    const { diagnostics } = lib.validateWorkflow('{"task_routing": {"filters": []}}');
    assert.deepEqual(Object.keys(diagnostics[0]).sort(), ['code', 'message', 'range', 'severity']);
    assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 29 }, end: { line: 0, character: 31 } });

    const { ast, issues } = lib.parseExpression("skills HAS 'support'", 'targetWorkers');
    assert.deepEqual(issues, []);
    assert.equal(lib.evaluateExpression(ast, { scope: 'targetWorkers', worker: { skills: ['support'] } }), true);
    assert.equal(lib.evaluateExpression("type == 'x'", { task: { type: 'x' } }), true);
    assert.equal(lib.printExpression(ast), "skills HAS 'support'");
    assert.deepEqual([...lib.SCOPES], ['filter', 'target', 'skipIf', 'orderBy', 'targetWorkers', 'knownWorker']);
  });

  it('exports the language service for other hosts, which reads a document without an editor', () => {
    const service = lib.createLanguageService();
    const document = {
      uri: 'file:///a.workflow.json',
      languageId: 'taskrouter-workflow',
      version: 1,
      getText: () => '{"task_routing": {"default_filter": {"task_queue_sid": "WQ1"}}}',
    };
    assert.deepEqual(
      service.doValidation(document).map((d) => d.code),
      ['legacy-key', 'malformed-queue-sid'],
    );
  });
});
