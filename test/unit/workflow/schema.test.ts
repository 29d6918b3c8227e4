import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { workflowSchema } from '../../../server/src/language/workflow/schema';

async function schemaProblems(text: string): Promise<string[]> {
  const service = getLanguageService({});
  service.configure({
    validate: true,
    schemas: [{ uri: workflowSchema.$id, fileMatch: ['*'], schema: workflowSchema as never }],
  });
  const document = TextDocument.create('file:///w.json', 'json', 1, text);
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  return diagnostics.map((d) => {
    const message: unknown = d.message;
    return typeof message === 'string' ? message : (message as { value: string }).value;
  });
}

describe('the workflow JSON schema (as data, for vscode-json-languageservice)', () => {
  it('accepts a valid workflow', async () => {
    assert.deepEqual(await schemaProblems(readFileSync('test/fixtures/workflow/valid.json', 'utf8')), []);
  });

  it('rejects structural mistakes: unknown keys, wrong types, missing task_routing, both known-worker keys', async () => {
    const problems = await schemaProblems(
      JSON.stringify({
        task_routing: {
          filters: [
            {
              expression: 5,
              targets: [{ queue: 'WQ1', tiemout: 3, known_worker_sid: 'a', known_worker_friendly_name: 'b' }],
            },
          ],
        },
      }),
    );
    assert.ok(
      problems.some((p) => /tiemout/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /Incorrect type/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /pattern/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /not match/i.test(p)),
      problems.join('\n'),
    );
    assert.ok((await schemaProblems('{}')).some((p) => /task_routing/.test(p)));
  });

  it('describes every key (for hover)', () => {
    const target = workflowSchema.properties.task_routing.properties.filters.items.properties.targets.items;
    for (const [key, value] of Object.entries(target.properties)) {
      assert.ok('description' in value || 'deprecationMessage' in value, key);
    }
  });
});
