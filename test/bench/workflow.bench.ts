/**
 * Workflow validation speed: this project's full validation (structure + every expression) against
 * vscode-json-languageservice parsing and schema-validating the same text with the workflow JSON schema
 * (structure only). Target: ours at most 0.5x theirs. Also expression parse throughput.
 */
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { parseExpression } from '../../server/src/language/expression';
import { expressionFields, parseWorkflow, validateWorkflow, workflowSchema } from '../../server/src/language/workflow';

/** A deterministic pseudo-random sequence, so every run measures the same document. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'ja', 'zh'];
const TYPES = ['support', 'sales', 'billing', 'returns', 'technical', 'vip', 'callback', 'chat'];
const TIERS = ['gold', 'silver', 'bronze', 'platinum'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function queueSid(next: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(next() * 16).toString(16);
  return `WQ${hex}`;
}

/** A workflow configuration of about `targetBytes`, pretty-printed like a file users keep in a repository. */
export function generateWorkflow(targetBytes: number): string {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const queues = Array.from({ length: 40 }, () => queueSid(next));
  const filters: unknown[] = [];
  const build = () => JSON.stringify({ task_routing: { filters, default_filter: { queue: queues[0] } } }, null, 2);
  let estimate = 0;
  while (estimate < targetBytes) {
    const i = filters.length;
    const type = pick(TYPES);
    const expression = [
      `type == "${type}"`,
      `language IN ['${pick(LANGUAGES)}', '${pick(LANGUAGES)}', '${pick(LANGUAGES)}']`,
      `(customer.tier == '${pick(TIERS)}' OR customer.lifetime_value > ${Math.floor(next() * 10000)})`,
      `taskrouter.dayOfWeek IN ['${pick(DAYS)}', '${pick(DAYS)}'] AND taskrouter.currentHour >= ${Math.floor(next() * 12)}`,
      `channels HAS "${pick(['voice', 'chat', 'email', 'sms'])}" AND blocked != true`,
    ]
      .slice(0, 3 + Math.floor(next() * 3))
      .join(' AND ');
    const targets = Array.from({ length: 2 + Math.floor(next() * 3) }, (_, t) => {
      const target: Record<string, unknown> = {
        expression: `task.language IN worker.languages AND worker.skills.${type}_level >= ${1 + Math.floor(next() * 9)} AND worker.region == task.region`,
        priority: Math.floor(next() * 100),
        timeout: 30 + Math.floor(next() * 600),
      };
      if (t === 0) target.queue = pick(queues);
      else if (next() < 0.5) target.queue = pick(queues);
      if (next() < 0.5) target.order_by = 'worker.level DESC, worker.tenure ASC';
      if (next() < 0.4) target.skip_if = 'workers.available == 0';
      if (t === 0 && next() < 0.2) target.known_worker_sid = 'task.preferred_agent_sid';
      return target;
    });
    filters.push({ filter_friendly_name: `${type} route ${i}`, expression, targets });
    if (i % 50 === 49) estimate = build().length;
  }
  while (build().length > targetBytes && filters.length > 1) filters.pop();
  return build();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Process CPU time in milliseconds: steadier than wall time on a busy machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Medians of CPU time per call for several bodies, measured interleaved (a, b, c, a, b, c, ...) after a warm-up, so
 * machine load and GC pressure fall on every contender alike.
 */
async function timeInterleaved(
  runs: number,
  warmup: number,
  bodies: Record<string, () => unknown>,
): Promise<Record<string, number>> {
  const names = Object.keys(bodies);
  for (let i = 0; i < warmup; i++) for (const name of names) await bodies[name]();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const start = cpuMs();
      await bodies[name]();
      samples[name].push(cpuMs() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

export async function run(): Promise<void> {
  const text = generateWorkflow(1_000_000);
  const bytes = Buffer.byteLength(text);
  const parsed = parseWorkflow(text);
  const fields = [...expressionFields(parsed.model)];
  const expressionChars = fields.reduce((n, [field]) => n + field.value.length, 0);
  const ours = validateWorkflow(text).diagnostics;
  const errors = ours.filter((d) => d.severity === 'error');
  console.log(
    `document: ${(bytes / 1e6).toFixed(3)} MB, ${parsed.model.filters.length} filters, ${fields.length} expressions ` +
      `(${(expressionChars / 1e6).toFixed(3)} MB of expression text); our diagnostics: ${ours.length} (${errors.length} errors)`,
  );
  if (errors.length > 0) console.log(`  first error: ${errors[0].code} ${errors[0].message}`);

  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: workflowSchema.$id, fileMatch: ['*.json'], schema: workflowSchema as never }],
  });
  const document = TextDocument.create('file:///bench/workflow.json', 'json', 1, text);
  const theirsOnce = await service.doValidation(document, service.parseJSONDocument(document), {
    comments: 'error',
    trailingCommas: 'error',
  });
  console.log(`vscode-json-languageservice diagnostics: ${theirsOnce.length}`);

  const values = fields.map(([field, scope]) => [field.value, scope] as const);
  const runs = 15;
  const warmup = 3;
  const times = await timeInterleaved(runs, warmup, {
    ours: () => validateWorkflow(text),
    structure: () => parseWorkflow(text),
    theirs: () =>
      service.doValidation(document, service.parseJSONDocument(document), {
        comments: 'error',
        trailingCommas: 'error',
      }),
    expressions: () => {
      for (const [value, scope] of values) parseExpression(value, scope);
    },
  });
  const { ours: oursMs, structure: structureMs, theirs: theirsMs, expressions: expressionMs } = times;
  const unique = new Set(values.map(([value, scope]) => `${scope} ${value}`)).size;

  const ratio = oursMs / theirsMs;
  console.log(`times are medians of ${runs} interleaved runs, CPU time, after ${warmup} warm-up runs`);
  console.log(`validateWorkflow (structure + every expression):     ${oursMs.toFixed(1)} ms`);
  console.log(`  the structural pass alone (JSON + model):           ${structureMs.toFixed(1)} ms`);
  console.log(`  distinct expressions parsed (scope + text):         ${unique} of ${fields.length}`);
  console.log(`vscode-json-languageservice parse + schema validation: ${theirsMs.toFixed(1)} ms`);
  console.log(`ratio ours/theirs: ${ratio.toFixed(2)}x (target <= 0.50x: ${ratio <= 0.5 ? 'met' : 'MISSED'})`);
  const unshared = structureMs + expressionMs;
  console.log(
    `  for comparison, without sharing repeated expressions: ~${unshared.toFixed(1)} ms ` +
      `(structural pass + all ${fields.length} expressions), ${(unshared / theirsMs).toFixed(2)}x`,
  );
  console.log(
    `expression parse throughput: ${(expressionChars / 1e6 / (expressionMs / 1000)).toFixed(1)} MB/s ` +
      `(all ${fields.length} expressions, no sharing, in ${expressionMs.toFixed(1)} ms)`,
  );
}
