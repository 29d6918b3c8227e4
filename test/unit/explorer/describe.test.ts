import { strict as assert } from 'node:assert';
import {
  describeQueue,
  describeTask,
  describeWorkflow,
  escapeMarkdown,
  formatAge,
  taskAgeSeconds,
  tooltipMarkdown,
  truncate,
} from '../../../client/src/explorer/describe';

describe('explorer/describe', () => {
  it('formats ages in the largest two units', () => {
    assert.equal(formatAge(0), '0s');
    assert.equal(formatAge(59.9), '59s');
    assert.equal(formatAge(60), '1m');
    assert.equal(formatAge(3599), '59m');
    assert.equal(formatAge(3600), '1h');
    assert.equal(formatAge(3600 + 4 * 60 + 5), '1h 4m');
    assert.equal(formatAge(86400), '1d');
    assert.equal(formatAge(2 * 86400 + 3 * 3600 + 59), '2d 3h');
    assert.equal(formatAge(-1), '?');
    assert.equal(formatAge(Number.NaN), '?');
  });

  it("computes a task's age from the API's age plus the time since the fetch", () => {
    assert.equal(taskAgeSeconds({ age: 100 }, 1_000_000, 1_030_000), 130);
    assert.equal(taskAgeSeconds({ dateCreated: new Date(1_000_000) }, 0, 1_090_000), 90);
    assert.equal(taskAgeSeconds({ dateCreated: '1970-01-01T00:16:40.000Z' }, 0, 1_060_000), 60);
    assert.equal(taskAgeSeconds({}, 0, 1), undefined);
    assert.equal(taskAgeSeconds({ dateCreated: 'not a date' }, 0, 1), undefined);
  });

  it('describes a task by status, age and queue', () => {
    assert.equal(
      describeTask({ assignmentStatus: 'pending', taskQueueFriendlyName: 'Support' }, 300),
      'pending · 5m · Support',
    );
    assert.equal(describeTask({ assignmentStatus: 'canceled', taskQueueSid: null }, undefined), 'canceled · no queue');
  });

  it('describes queues and workflows', () => {
    assert.equal(describeQueue({ waiting: 3, availableWorkers: 2 }), '3 waiting · 2 available');
    assert.equal(describeQueue(undefined), '');
    const config = (filters: unknown[]) =>
      JSON.stringify({ task_routing: { filters, default_filter: { queue: 'x' } } });
    assert.equal(describeWorkflow({ configuration: config([]) }), 'default route only');
    assert.equal(describeWorkflow({ configuration: config([{}]) }), '1 filter');
    assert.equal(describeWorkflow({ configuration: config([{}, {}]) }), '2 filters');
    assert.equal(describeWorkflow({ configuration: '{' }), 'configuration is not valid JSON');
  });

  it('escapes user text in tooltips and skips empty fields', () => {
    assert.equal(escapeMarkdown('*a* [b](c)'), '\\*a\\* \\[b\\]\\(c\\)');
    const md = tooltipMarkdown('Worker **x**', [
      ['SID', 'WK1'],
      ['Activity', null],
      ['Attributes', { a: 1 }],
    ]);
    assert.equal(md, '**Worker \\*\\*x\\*\\***\n\nSID: WK1  \nAttributes: \\{"a":1\\}  ');
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('abc', 4), 'abc');
  });
});
