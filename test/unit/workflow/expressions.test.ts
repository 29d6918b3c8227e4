/**
 * Expressions inside the JSON: each field is parsed in its own scope, and each issue's range lands on the
 * characters inside the JSON string that encode the offending text, through escapes such as \" and \u0041.
 */
import { strict as assert } from 'node:assert';
import { validateWorkflow } from '../../../server/src/language/workflow';
import { Q1, marked } from './marked';

function expressionDiagnostics(fixture: string): { codes: string[]; ranges: unknown[]; expected: unknown[] } {
  const { text, ranges } = marked(fixture);
  const found = validateWorkflow(text).diagnostics.filter((d) => d.code.startsWith('expr-'));
  return { codes: found.map((d) => d.code), ranges: found.map((d) => d.range), expected: ranges.map((r) => r.range) };
}

describe('expressions inside the workflow', () => {
  it('puts a filter expression issue inside the string', () => {
    const r = expressionDiagnostics(
      `{"task_routing": {"filters": [{"expression": "«skill-level» == 1", "targets": [{"queue": "${Q1}"}]}]}}`,
    );
    assert.deepEqual(r.codes, ['expr-hyphen-in-name']);
    assert.deepEqual(r.ranges, r.expected);
  });

  it('maps offsets through \\" and \\u escapes to the characters that encode them', () => {
    const r = expressionDiagnostics(
      String.raw`{"task_routing": {"filters": [{"expression": "a == \"x\" AND «\u0041b-c» == 1", "targets": [{"queue": "${Q1}"}]}]}}`,
    );
    assert.deepEqual(r.codes, ['expr-hyphen-in-name']);
    assert.deepEqual(r.ranges, r.expected);
  });

  it('maps through escapes on a later line of a multi-line document', () => {
    const r = expressionDiagnostics(
      String.raw`{
  "task_routing": {
    "filters": [
      {
        "expression": "name == \"\u00e9\" AND «my-attr» == 1",
        "targets": [{ "queue": "${Q1}" }]
      }
    ]
  }
}`,
    );
    assert.deepEqual(r.codes, ['expr-hyphen-in-name']);
    assert.deepEqual(r.ranges, r.expected);
  });

  it('checks every field in its own scope: target expression, skip_if, order_by, known worker', () => {
    const r = expressionDiagnostics(
      `{"task_routing": {"filters": [{"expression": "type == 'a'", "targets": [{"queue": "${Q1}", "expression": "«type» == 1", "skip_if": "«task.x» == 1", "order_by": "worker.level DESC", "known_worker_sid": "«agent_sid»"}]}]}}`,
    );
    assert.deepEqual(r.codes, ['expr-missing-prefix', 'expr-name-not-in-scope', 'expr-known-worker-reference']);
    assert.deepEqual(r.ranges, r.expected);
  });

  it('keeps the severity of the expression issue', () => {
    const { text } = marked(
      `{"task_routing": {"filters": [{"expression": "task.type == 'a'", "targets": [{"queue": "${Q1}"}]}]}}`,
    );
    const [d] = validateWorkflow(text).diagnostics;
    assert.deepEqual([d.code, d.severity], ['expr-unexpected-prefix', 'warning']);
  });

  it('a valid workflow with expressions everywhere has no diagnostics', () => {
    const { text } = marked(
      JSON.stringify({
        task_routing: {
          filters: [
            {
              filter_friendly_name: 'Support',
              expression: "type == 'support' AND language IN ['en', 'es'] AND taskrouter.dayOfWeek != 'Sun'",
              targets: [
                {
                  queue: Q1,
                  expression: 'task.language IN worker.languages AND worker.level >= 2',
                  order_by: 'worker.level DESC, worker.tenure ASC',
                  skip_if: 'workers.available == 0',
                  known_worker_friendly_name: 'task.agent_name',
                  priority: 5,
                  timeout: 120,
                },
              ],
            },
          ],
          default_filter: { queue: Q1 },
        },
      }),
    );
    assert.deepEqual(validateWorkflow(text).diagnostics, []);
  });

  it('an expression with an error does not make later filters unreachable', () => {
    const { text } = marked(
      `{"task_routing": {"filters": [{"expression": "1==1 AND", "targets": [{"queue": "${Q1}"}]}, {"expression": "a == 1", "targets": [{"queue": "${Q1}"}]}]}}`,
    );
    const codes = validateWorkflow(text).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unreachable-filter'), codes.join());
  });
});
