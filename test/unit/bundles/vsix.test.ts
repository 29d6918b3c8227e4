// What `npm run package` puts in the .vsix: only what the installed extension needs (bundles, grammar, icons, docs).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('the .vsix contents (vsce ls)', function () {
  this.timeout(120_000);

  it('ships the bundles, grammar and docs, and no sources, tests or node_modules', () => {
    const vsce = path.resolve('node_modules', '@vscode', 'vsce', 'vsce');
    const out = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const files = out.stdout.split('\n').filter((line) => line.trim() !== '');
    for (const needed of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/extension.js',
      'dist/server.js',
      'syntaxes/taskrouter-workflow.tmLanguage.json',
      'syntaxes/language-configuration.json',
      'resources/taskrouter.svg',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package: ${files.join(', ')}`);
    }
    const unwanted = files.filter((f) =>
      /^(client|server|sandbox|lib|test|scripts|node_modules)\/|\.ts$|\.map$/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });
});
