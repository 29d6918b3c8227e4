import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { ExpressionMemo } from '../../../server/src/language/features/expressionMemo';
import { createLanguageService } from '../../../server/src/language/service';
import { defaultExpressionSupport } from '../../../server/src/language/workflow/expressionSupport';
import { validateWorkflowOffsets } from '../../../server/src/language/workflow';
import { documentOf } from './cursor';

/** The default expression support, counting what it parses. */
function countingSupport() {
  const parsed: string[] = [];
  return {
    parsed,
    support: {
      parse: (text: string, scope: Parameters<typeof defaultExpressionSupport.parse>[1]) => {
        parsed.push(text);
        return defaultExpressionSupport.parse(text, scope);
      },
      isAlwaysTrue: defaultExpressionSupport.isAlwaysTrue,
    },
  };
}

const workflow = (vip: string) =>
  JSON.stringify({
    task_routing: {
      filters: [
        { filter_friendly_name: 'VIP', expression: vip, targets: [{ queue: `WQ${'1'.repeat(32)}` }] },
        { filter_friendly_name: 'Sales', expression: "type == 'sales'", targets: [{ queue: `WQ${'2'.repeat(32)}` }] },
      ],
    },
  });

describe('expressions kept from one validation to the next', () => {
  it('parses only the expression an edit changed, and forgets what the last validation did not use', () => {
    const { parsed, support } = countingSupport();
    const memo = new ExpressionMemo(support);
    const validate = (text: string) => {
      const result = validateWorkflowOffsets(text, {}, { expressions: memo });
      memo.endValidation();
      return result.diagnostics;
    };
    validate(workflow("tier == 'gold'"));
    assert.deepEqual(parsed.sort(), ["tier == 'gold'", "type == 'sales'"]);
    parsed.length = 0;
    const diagnostics = validate(workflow("tier == 'gold' AND"));
    assert.deepEqual(parsed, ["tier == 'gold' AND"], 'only the edited expression is parsed again');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['expr-missing-operand'],
    );
    // Two validations later, the first version of the expression is gone: it is parsed again if it comes back.
    parsed.length = 0;
    validate(workflow("tier == 'gold' AND"));
    validate(workflow("tier == 'gold'"));
    assert.deepEqual(parsed, ["tier == 'gold'"]);
  });

  it('gives the same diagnostics as a validation without it, version after version', () => {
    const service = createLanguageService();
    const uri = 'file:///memo/mistakes.workflow.json';
    const base = readFileSync('examples/mistakes.workflow.json', 'utf8');
    for (const text of [
      base,
      base.replace('AND', 'OR'),
      base.replace(/"expression": "/, '"expression": "x == 1 AND '),
      base,
    ]) {
      const withMemo = service.doValidation(documentOf(text, uri)).map((d) => [d.code, d.range]);
      const fresh = createLanguageService().doValidation(documentOf(text, 'file:///memo/other.workflow.json'));
      assert.deepEqual(
        withMemo,
        fresh.map((d) => [d.code, d.range]),
      );
    }
  });
});
