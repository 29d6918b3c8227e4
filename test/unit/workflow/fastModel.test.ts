/**
 * The structural pass has a fast path (the model straight from the text) and a general path (JSON tree, model
 * builder, diagnostics). They must agree: on every document the fast path accepts, it builds exactly the model the
 * general path builds, and the general path has nothing to report.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readWorkflowFast } from '../../../server/src/language/workflow/fastModel';
import { parseWorkflow, parseWorkflowGeneral } from '../../../server/src/language/workflow/parse';
import { Q1, Q2 } from './marked';

const text = fc.oneof(
  fc.constantFrom('', '1==1', "type == 'a'", 'task.x IN worker.y', 'a\n"b"\\', 'é😀'),
  fc.string({ maxLength: 12 }),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('2', ' 30 ', '1.5', '-1'),
);

/** Optional keys in random order; `required` keys always present. */
function object(
  entries: Record<string, fc.Arbitrary<unknown>>,
  required: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(entries, { requiredKeys: required }), fc.integer({ min: 0, max: 1_000 }))
    .map(([record, seed]) => {
      const keys = Object.keys(record);
      // A deterministic shuffle so key order varies.
      keys.sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
      return Object.fromEntries(keys.map((k) => [k, record[k]]));
    });
}

const target = object({
  queue: fc.constantFrom(Q1, Q2, 'WQ1'),
  task_queue_sid: fc.constantFrom(Q1, Q2),
  expression: text,
  priority: number,
  timeout: number,
  order_by: text,
  skip_if: text,
  known_worker_sid: text,
  known_worker_friendly_name: text,
});

const filter = object(
  {
    filter_friendly_name: text,
    friendly_name: text,
    friendlyName: text,
    expression: text,
    targets: fc.array(target, { minLength: 1, maxLength: 4 }),
  },
  ['expression', 'targets'],
);

const cleanWorkflow = object(
  {
    task_routing: object(
      {
        filters: fc.array(filter, { maxLength: 4 }),
        default_filter: object({ queue: fc.constantFrom(Q1, 'x'), task_queue_sid: fc.constant(Q2) }),
      },
      ['filters'],
    ),
  },
  ['task_routing'],
);

/** One structural anomaly somewhere: what the fast path must leave to the general path. */
const anomaly = fc.constantFrom<[string, unknown]>(
  ['description', 'x'],
  ['tiemout', 3],
  ['queue', Q1],
  ['priority', 'high'],
  ['expression', 5],
  ['targets', []],
  ['targets', [null]],
  ['task_routing', {}],
  ['filters', {}],
  ['default_filter', []],
);

const workflow = fc.oneof(
  { weight: 3, arbitrary: cleanWorkflow },
  {
    weight: 1,
    arbitrary: fc.tuple(cleanWorkflow, anomaly, fc.nat()).map(([value, [key, bad], where]) => {
      // Put the anomaly into one of the objects of the document.
      const objects: Record<string, unknown>[] = [];
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          objects.push(v as Record<string, unknown>);
          Object.values(v).forEach(collect);
        }
      };
      collect(value);
      objects[where % objects.length][key] = bad;
      return value;
    }),
  },
);

const document = fc.tuple(workflow, fc.constantFrom(0, 2, '\t', ' \r\n')).map(([value, indent]) => {
  const crlf = typeof indent === 'string' && indent.includes('\n');
  const json = JSON.stringify(value, null, crlf ? 1 : indent);
  return crlf ? json.replace(/\n/g, indent) : json;
});

describe('structural pass: the fast path agrees with the general path', () => {
  it('builds the same model whenever it accepts a document, and accepts clean ones', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (source) => {
        const general = parseWorkflowGeneral(source);
        const fast = readWorkflowFast(source);
        if (general.diagnostics.length === 0) accepted++;
        if (fast) {
          assert.deepEqual(general.diagnostics, [], source);
          assert.deepEqual(fast, general.model, source);
        } else {
          assert.notDeepEqual(general.diagnostics, [], `the fast path refused a clean document: ${source}`);
        }
        const combined = parseWorkflow(source);
        assert.deepEqual(combined.model, general.model);
        assert.deepEqual(combined.diagnostics, general.diagnostics);
      }),
      { numRuns: 600 },
    );
    assert.ok(accepted > 50, `only ${accepted} clean documents were generated`);
  });

  it('leaves documents with escaped keys, comments or syntax errors to the general path', () => {
    for (const source of [
      `{"task_routing": {"default_filter": {"qu\\u0065ue": "${Q1}"}}}`,
      `{"task_routing": {"default_filter": {"queue": "${Q1}"}}} // c`,
      `{"task_routing": {"default_filter": {"queue": "${Q1}",}}}`,
      `{"task_routing": {"default_filter": {"queue": "${Q1}"}}`,
    ]) {
      assert.equal(readWorkflowFast(source), undefined, source);
      assert.deepEqual(parseWorkflow(source).model, parseWorkflowGeneral(source).model);
    }
  });

  it('gives the JSON tree on demand, the same as the general path', () => {
    const source = `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}"}]}]}}`;
    const parsed = parseWorkflow(source);
    assert.ok(readWorkflowFast(source));
    const root = parsed.root;
    assert.ok(root);
    assert.equal(parsed.root, root, 'computed once');
    assert.equal(root.type, 'object');
    assert.equal(root.children?.[0].children?.[0].value, 'task_routing');
    assert.equal(root.length, parseWorkflowGeneral(source).root?.length);
  });
});
