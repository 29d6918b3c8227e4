/**
 * The language server over the protocol, on a ~1 MB workflow configuration (workflow.bench.ts's generator): the
 * bundled `dist/server.js` runs in a child process over stdio, and the client answers `taskrouter/workspaceData` with
 * the workflow's queues at once. Prints:
 * - time from `didOpen` to the first `publishDiagnostics` (target < 100 ms), median of several opens on fresh URIs;
 * - 1,000 completion requests at seeded random positions inside expression strings: p50/p95/max (target p95 < 10 ms);
 * - 1,000 hovers at such positions, and hovers on queue SIDs: p50/p95.
 * Times are wall-clock round trips seen by the client (JSON-RPC over pipes included). Prints; never fails on a time.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompletionList, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, WORKFLOW_LANGUAGE_ID } from '../../server/src/language/service';
import { expressionFields, parseWorkflow } from '../../server/src/language/workflow';
import type { Span, StringField } from '../../server/src/language/workflow/types';
import type { WorkspaceData } from '../../server/src/protocol';
import { startServer, type TestServer } from '../unit/server/lspServer';
import { generateWorkflow } from './workflow.bench';

const OPEN_RUNS = 7;
const REQUESTS = 1_000;
const WARMUP = 50;
const DIAGNOSTICS_TARGET_MS = 100;
const COMPLETION_P95_TARGET_MS = 10;

/** mulberry32: a seeded sequence, so every run asks at the same positions. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const verdict = (value: number, target: number): string => (value < target ? 'met' : 'MISSED');

/** Positions of offsets, computed here from the text (not with the server's code). */
function positionFinder(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  };
}

/** The workspace data a client would send for this workflow: its queues, with names and counts. */
function workspaceDataOf(text: string): WorkspaceData {
  const { model } = parseWorkflow(text);
  const sids = new Set<string>();
  for (const target of [...model.filters.flatMap((f) => f.targets), model.defaultFilter]) {
    if (target?.queue) sids.add(target.queue.value);
  }
  return {
    queues: [...sids].map((sid, i) => ({
      sid,
      friendlyName: `Queue ${i + 1}`,
      targetWorkers: `routing.skills HAS "skill${i}"`,
      eligibleWorkers: 10 + i,
      availableWorkers: i % 5,
    })),
    activities: [
      { sid: 'WA' + '1'.repeat(32), friendlyName: 'Available', available: true },
      { sid: 'WA' + '2'.repeat(32), friendlyName: 'Offline', available: false },
    ],
    workerAttributes: ['languages', 'skills.support_level', 'region', 'level', 'tenure'],
    taskAttributes: ['type', 'language', 'customer.tier', 'customer.lifetime_value', 'channels', 'region'],
  };
}

/** Sequential requests, each timed from send to answer. */
async function timeRequests(count: number, send: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await send(i);
    times.push(performance.now() - started);
  }
  return times;
}

export async function run(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);

  const text = generateWorkflow(1_000_000);
  const data = workspaceDataOf(text);
  const fields: StringField[] = [...expressionFields(parseWorkflow(text).model)].map(([field]) => field);
  const queueSpans: Span[] = parseWorkflow(text).model.filters.flatMap((f) =>
    f.targets.flatMap((t) => (t.queue ? [t.queue.span] : [])),
  );
  console.log(
    `document: ${(Buffer.byteLength(text) / 1e6).toFixed(3)} MB, ${fields.length} expression strings, ` +
      `${data.queues.length} queues in the workspace data; server: dist/server.js over stdio`,
  );

  const server: TestServer = await startServer({ workspaceData: () => data });
  try {
    // ------------------------------------------------------------------ first diagnostics after open
    const openTimes: number[] = [];
    let diagnosticsCount = 0;
    const uri = (i: number) => `file:///bench/run-${i}.workflow.json`;
    for (let i = 0; i < OPEN_RUNS; i++) {
      const mark = server.published.length;
      const started = performance.now();
      await server.open(uri(i), text);
      const published = await server.nextPublication(uri(i), mark);
      openTimes.push(performance.now() - started);
      diagnosticsCount = published.diagnostics.length;
      if (i < OPEN_RUNS - 1) await server.close(uri(i));
    }
    const opened = stats(openTimes);
    console.log(
      `didOpen -> first publishDiagnostics: median ${fmt(opened.p50, 1)} ms over ${OPEN_RUNS} fresh URIs ` +
        `(first, cold: ${fmt(openTimes[0], 1)} ms; max ${fmt(opened.max, 1)} ms; ${diagnosticsCount} diagnostics) ` +
        `(target < ${DIAGNOSTICS_TARGET_MS} ms: ${verdict(opened.p50, DIAGNOSTICS_TARGET_MS)})`,
    );
    // Where the time goes: the protocol's share (the 1 MB didOpen and one round trip, for a document the server does
    // not read), and the language service's share (doValidation in this process, on a fresh document each time).
    const transfer = await timeRequests(OPEN_RUNS, async (i) => {
      const plain = `file:///bench/plain-${i}.json`;
      await server.open(plain, text, 'json');
      await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: plain } });
      await server.close(plain);
    });
    const service = createLanguageService();
    const validation = await timeRequests(OPEN_RUNS, async (i) => {
      service.doValidation(
        TextDocument.create(`file:///bench/local-${i}.workflow.json`, WORKFLOW_LANGUAGE_ID, 1, text),
        data,
      );
    });
    console.log(
      `  of which: the protocol (1 MB didOpen + a round trip) median ${fmt(stats(transfer).p50, 1)} ms; ` +
        `service.doValidation in process (analysis + validation) median ${fmt(stats(validation).p50, 1)} ms`,
    );

    // ------------------------------------------------------------------ completion and hover in expressions
    const textDocument = { uri: uri(OPEN_RUNS - 1) };
    const positionAt = positionFinder(text);
    const next = seeded(7);
    const expressionPosition = (): Position => {
      const { span } = fields[Math.floor(next() * fields.length)];
      // Between the quotes, both ends included (a cursor right after the opening or before the closing quote).
      const start = span.start + 1;
      const end = span.end - 1;
      return positionAt(start + Math.floor(next() * (end - start + 1)));
    };
    const positions = Array.from({ length: REQUESTS + WARMUP }, expressionPosition);
    let items = 0;
    let nonEmpty = 0;
    const complete = (position: Position) =>
      server.connection
        .sendRequest<CompletionList>('textDocument/completion', { textDocument, position })
        .then((list) => {
          items += list.items.length;
          if (list.items.length > 0) nonEmpty++;
        });
    await timeRequests(WARMUP, (i) => complete(positions[REQUESTS + i]));
    items = 0;
    nonEmpty = 0;
    const completion = stats(await timeRequests(REQUESTS, (i) => complete(positions[i])));
    console.log(
      `completion, ${REQUESTS} requests at random expression positions: p50 ${fmt(completion.p50)} ms, ` +
        `p95 ${fmt(completion.p95)} ms, max ${fmt(completion.max)} ms (target p95 < ${COMPLETION_P95_TARGET_MS} ms: ` +
        `${verdict(completion.p95, COMPLETION_P95_TARGET_MS)}); ${nonEmpty} answers with items, ` +
        `${fmt(items / REQUESTS, 1)} items on average`,
    );

    let hovers = 0;
    const hover = (position: Position) =>
      server.connection.sendRequest('textDocument/hover', { textDocument, position }).then((h) => {
        if (h) hovers++;
      });
    const expressionHover = stats(await timeRequests(REQUESTS, (i) => hover(positions[i])));
    console.log(
      `hover, ${REQUESTS} requests at the same positions: p50 ${fmt(expressionHover.p50)} ms, ` +
        `p95 ${fmt(expressionHover.p95)} ms, max ${fmt(expressionHover.max)} ms (${hovers} with a hover)`,
    );
    hovers = 0;
    const queuePositions = Array.from({ length: REQUESTS }, () => {
      const span = queueSpans[Math.floor(next() * queueSpans.length)];
      return positionAt(span.start + 1 + Math.floor(next() * (span.end - span.start - 2)));
    });
    const queueHover = stats(await timeRequests(REQUESTS, (i) => hover(queuePositions[i])));
    console.log(
      `hover, ${REQUESTS} requests on queue SIDs: p50 ${fmt(queueHover.p50)} ms, p95 ${fmt(queueHover.p95)} ms, ` +
        `max ${fmt(queueHover.max)} ms (${hovers} with a hover)`,
    );
  } finally {
    await server.stop();
  }
}
