// Bundles every entry point with esbuild. esbuild does not typecheck: `npm run typecheck` does.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every bundle the project ships. `vscode` is provided by the editor at run time. */
const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'lib/index.ts', out: 'dist/lib.js' },
  { in: 'lib/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'sandbox/src/main.ts', out: 'dist/sandbox.js' },
  { in: 'test/vscode/suite/index.ts', out: 'dist/test/vscode/suite/index.js', test: true },
];

const contexts = [];
for (const entry of entries) {
  if (!existsSync(entry.in)) {
    throw new Error(`build: entry point ${entry.in} is missing`);
  }
  const ctx = await esbuild.context({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    sourcemap: production ? false : 'linked',
    minify: production,
    external: entry.test ? ['vscode', 'mocha'] : ['vscode'],
    banner: entry.banner ? { js: entry.banner } : undefined,
    logLevel: 'warning',
  });
  contexts.push(ctx);
}

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('build: watching for changes');
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  console.log(`build: ${contexts.length} bundles written to dist/${production ? ' (production)' : ''}`);
}
