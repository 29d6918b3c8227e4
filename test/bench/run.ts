/**
 * The benchmark runner behind `npm run bench` (`node --import tsx test/bench/run.ts [name...]`).
 *
 * Runs the exported `run()` of every `test/bench/*.bench.ts` module (or only those whose name, the file name
 * without `.bench.ts`, is given) one after the other, and prints their figures. Benchmarks print; they never fail
 * on a time, but a module that throws makes the runner exit with status 1.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchModule {
  /** Prints its own figures. May be async. */
  run(): unknown;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const names = files.map((f) => basename(f, '.bench.ts'));
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length > 0) {
    console.error(`bench: no benchmark named ${unknown.join(', ')}; available: ${names.join(', ') || '(none)'}`);
    process.exitCode = 2;
    return;
  }
  let failed = false;
  for (const file of files) {
    const name = basename(file, '.bench.ts');
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    try {
      const module = (await import(pathToFileURL(join(dir, file)).href)) as Partial<BenchModule>;
      const run = module.run ?? (module as { default?: Partial<BenchModule> }).default?.run;
      if (typeof run !== 'function') throw new Error(`${file} does not export run()`);
      await run();
    } catch (error) {
      failed = true;
      console.error(`bench ${name} failed:`, error);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
