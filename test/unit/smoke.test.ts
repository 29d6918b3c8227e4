import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

describe('extension manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    main: string;
    contributes: { languages: { id: string }[] };
  };
  it('points at the bundled entry and declares the workflow language', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(manifest.contributes.languages.some((l) => l.id === 'taskrouter-workflow'));
  });
});
