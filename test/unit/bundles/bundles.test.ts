// Checks the esbuild bundles themselves (npm test builds before it runs mocha): a bundling mistake, such as a
// dependency whose dynamic require esbuild cannot follow, only shows when the bundle is loaded.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const dist = path.resolve('dist');

describe('bundles in dist/', function () {
  before(function () {
    // Build here too, so the test checks fresh bundles when mocha runs on its own.
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('dist/lib.js loads in plain Node and exports the builders, the validator and the REST client', () => {
    const out = spawnSync(
      process.execPath,
      [
        '-e',
        `const lib = require(${JSON.stringify(path.join(dist, 'lib.js'))});
         const cfg = new lib.WorkflowConfig([], new lib.WorkflowRuleTarget('WQ' + '0'.repeat(32)));
         const result = lib.validateWorkflow(cfg.toJson());
         console.log(JSON.stringify({ client: typeof lib.TaskRouterClient, errors: result.diagnostics.filter((d) => d.severity === 'error').length }));`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), { client: 'function', errors: 0 });
  });

  it('dist/cli.js reports a hyphenated name with its position and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taskrouter-bundle-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      '{"task_routing":{"filters":[{"expression":"skill-level > 2","targets":[{"queue":"WQ' +
        '0'.repeat(32) +
        '"}]}]}}',
    );
    const out = spawnSync(process.execPath, [path.join(dist, 'cli.js'), file], { encoding: 'utf8' });
    assert.equal(out.status, 1, out.stderr);
    assert.match(out.stdout, /bad\.json:1:\d+ error expr-hyphen-in-name /);
  });

  it('extension, server and sandbox bundles contain no unresolved relative requires', () => {
    for (const name of ['extension.js', 'server.js', 'sandbox.js']) {
      const out = spawnSync(
        process.execPath,
        [
          '-e',
          `const s=require('fs').readFileSync(${JSON.stringify(path.join(dist, name))},'utf8'); const m=s.match(/require\\(["']\\.\\.?\\/[^"']+["']\\)/g); console.log(JSON.stringify(m||[]));`,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(out.status, 0, out.stderr);
      assert.deepEqual(JSON.parse(out.stdout), [], `${name} requires files that are not in the bundle`);
    }
  });
});
