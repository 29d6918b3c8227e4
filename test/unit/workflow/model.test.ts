import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseWorkflow } from '../../../server/src/language/workflow/parse';
import { Q1, Q2, marked } from './marked';

describe('the workflow model (structural pass)', () => {
  it('gives filters and targets with the spans of their nodes', () => {
    const { text, ranges } = marked(
      `{"task_routing": {"filters": [«{"filter_friendly_name": «"A"», "expression": «"x == 1"», "targets": [«{"queue": «"${Q1}"», "priority": «"3"»}», «{"timeout": «20»}»]}»], "default_filter": «{"task_queue_sid": «"${Q2}"»}»}}`,
    );
    const { model, diagnostics } = parseWorkflow(text);
    const span = (i: number) => ({ start: ranges[i].start, end: ranges[i].end });
    assert.equal(model.filters.length, 1);
    const [filter] = model.filters;
    assert.deepEqual(filter.span, span(0));
    assert.deepEqual(filter.name?.span, span(1));
    assert.equal(filter.name?.value, 'A');
    assert.deepEqual(filter.expression?.span, span(2));
    const [first, second] = filter.targets;
    assert.deepEqual(first.span, span(3));
    assert.deepEqual(first.queue?.span, span(4));
    assert.deepEqual([first.priority?.value, first.priority?.kind], [3, 'string']);
    assert.deepEqual(first.priority?.span, span(5));
    assert.deepEqual(second.span, span(6));
    assert.deepEqual(second.timeout?.span, span(7));
    assert.equal(second.queue, undefined);
    assert.equal(second.effectiveQueue, Q1, 'a later target inherits the queue');
    assert.deepEqual(model.defaultFilter?.span, span(8));
    assert.equal(model.defaultFilter?.queue?.key, 'task_queue_sid');
    assert.deepEqual(model.defaultFilter?.queue?.span, span(9));
    assert.equal(model.defaultFilter?.effectiveQueue, Q2);
    assert.deepEqual(diagnostics, []);
  });

  it('a target with its own queue stops inheriting', () => {
    const text = JSON.stringify({
      task_routing: { filters: [{ expression: '1==1', targets: [{ queue: Q1 }, {}, { queue: Q2 }, {}] }] },
    });
    const queues = parseWorkflow(text).model.filters[0].targets.map((t) => t.effectiveQueue);
    assert.deepEqual(queues, [Q1, Q1, Q2, Q2]);
  });

  it('keeps going after syntax errors and type errors', () => {
    const text = '{"task_routing": {"filters": [5, {"expression": "a == 1", "targets": [{"queue": 7}, {}]}], }}';
    const { model, diagnostics } = parseWorkflow(text);
    assert.equal(model.filters.length, 1);
    assert.equal(model.filters[0].index, 0);
    assert.equal(model.filters[0].targets.length, 2);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['trailing-comma', 'wrong-type', 'wrong-type'],
    );
  });

  it('never throws on any prefix of a real document', () => {
    const text = readFileSync('test/fixtures/workflow/valid.json', 'utf8');
    for (let i = 0; i <= text.length; i++) parseWorkflow(text.slice(0, i));
  });
});
