/**
 * Expression language speed: tokenizer and parser throughput (MB/s) on realistic expressions, the time ratio between
 * an input of size n and one of size 8n (about 8 when parsing is linear), and evaluations per second.
 * Times are CPU time (best of five rounds after a warm-up). Prints figures only; it never fails on a time.
 */
import { evaluate, parseExpression, tokenize, type Condition } from '../../server/src/language/expression';

const SAMPLES = [
  "type == 'support' AND customer_value IN ['Gold', 'Platinum']",
  "(task.skills HAS 'english') AND task.language IN worker.languages AND worker.level >= task.min_level",
  "taskrouter.dayOfWeek IN ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] AND taskrouter.currentTime > 800 AND taskrouter.currentTime < 1730",
  'workers.available == 0 OR workers.WA0123456789abcdef0123456789abcdef > 3',
  "(language == 'en' OR language == 'fr') AND skill_rating >= 5.1 AND object.array[2] != null",
  "worker.sid NOT IN task.do_not_contact AND task.caller != worker.contact_uri AND email CONTAINS '@example.com'",
];

/** Process CPU time in milliseconds: steadier than wall time on a busy machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Milliseconds of CPU time per call of `fn`: one warm-up round (the JIT), then the best of five rounds of at least
 * `minMs / 5` each.
 */
function measure(fn: () => void, minMs = 500): number {
  const round = (budget: number): number => {
    let calls = 0;
    const start = cpuMs();
    let elapsed = 0;
    while (elapsed < budget || calls === 0) {
      fn();
      calls++;
      elapsed = cpuMs() - start;
    }
    return elapsed / calls;
  };
  round(minMs / 5);
  let best = Infinity;
  for (let i = 0; i < 5; i++) best = Math.min(best, round(minMs / 5));
  return best;
}

function mbPerSecond(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(1);
}

export async function run(): Promise<void> {
  const corpus = SAMPLES.join('\n');
  const bytes = Buffer.byteLength(corpus, 'utf8');

  const tokenizeMs = measure(() => {
    for (const s of SAMPLES) tokenize(s);
  });
  const parseMs = measure(() => {
    for (const s of SAMPLES) parseExpression(s, s.startsWith('workers') ? 'skipIf' : 'filter');
  });
  console.log(
    `tokenize            ${mbPerSecond(bytes, tokenizeMs).padStart(8)} MB/s (${SAMPLES.length} realistic expressions)`,
  );
  console.log(`parse + checks      ${mbPerSecond(bytes, parseMs).padStart(8)} MB/s`);

  // One long expression at sizes n, 8n and 64n: time ratios near 8 mean linear time. At the largest size the
  // tree alone is tens of megabytes, so garbage collection adds to the figure; the parser's own work stays linear
  // (test/unit/expression/properties.test.ts counts it).
  const unit = "(task.a == 'x' OR b IN [1, 2, 3]) AND NOT c.d[0] >= 5 AND ";
  let previous: number | undefined;
  for (const n of [125, 1_000, 8_000]) {
    const text = unit.repeat(n) + '1 == 1';
    const ms = measure(() => parseExpression(text, 'filter'), 600);
    const ratio = previous === undefined ? '' : `  x${(ms / previous).toFixed(1)} for 8x the text`;
    console.log(
      `parse ${String(text.length).padStart(7)} chars ${ms.toFixed(2).padStart(8)} ms ` +
        `${mbPerSecond(text.length, ms).padStart(6)} MB/s${ratio}`,
    );
    previous = ms;
  }

  const deep = `${'('.repeat(100_000)}a == 1${')'.repeat(100_000)}`;
  const deepMs = measure(() => parseExpression(deep, 'filter'), 300);
  console.log(`100k nested parens  ${deepMs.toFixed(2).padStart(8)} ms (reported as too deep, no recursion)`);

  const { ast } = parseExpression(SAMPLES[1], 'target');
  const task = { skills: ['english', 'billing'], language: 'en', min_level: 3 };
  const worker = { languages: ['en', 'fr'], level: 4 };
  const resolve = (path: { segments: { kind: string; name?: string }[] }): unknown => {
    const [head, key] = path.segments;
    const source: Record<string, unknown> = head.name === 'task' ? task : worker;
    return key?.name !== undefined ? source[key.name] : undefined;
  };
  const evalMs = measure(() => {
    for (let i = 0; i < 1000; i++) evaluate(ast as Condition, resolve);
  });
  console.log(
    `evaluate            ${((1000 / evalMs) * 1000).toFixed(0).padStart(8)} evaluations/s (target expression)`,
  );
}
