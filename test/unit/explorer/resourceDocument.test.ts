import { strict as assert } from 'node:assert';
import {
  DocumentError,
  computeConfigurationUpdate,
  computeResourceUpdate,
  renderConfiguration,
  renderResourceDocument,
} from '../../../client/src/fs/resourceDocument';

const worker = {
  sid: `WK${'1'.repeat(32)}`,
  friendlyName: 'Alice',
  activitySid: `WA${'2'.repeat(32)}`,
  activityName: 'Available',
  attributes: '{"languages":["en"],"level":3}',
  available: true,
  dateCreated: new Date('2024-01-02T03:04:05Z'),
  links: { channels: 'http://x' },
  etag: '"abc"',
  update: () => undefined,
};

function edit(text: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

describe('fs/resourceDocument', () => {
  it('renders editable fields first, attributes as an object, without links, etag or methods', () => {
    const text = renderResourceDocument('worker', worker);
    const doc = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), [
      'friendlyName',
      'activitySid',
      'attributes',
      'sid',
      'activityName',
      'available',
      'dateCreated',
    ]);
    assert.deepEqual(doc.attributes, { languages: ['en'], level: 3 });
    assert.equal(doc.dateCreated, '2024-01-02T03:04:05.000Z');
  });

  it('sends only the fields that changed, attributes as a JSON string', () => {
    const text = renderResourceDocument('worker', worker);
    assert.deepEqual(computeResourceUpdate('worker', worker, text), { params: {}, changed: [], ignoredReadOnly: [] });
    const edited = edit(text, (d) => {
      d.friendlyName = 'Alicia';
      (d.attributes as Record<string, unknown>).level = 4;
    });
    assert.deepEqual(computeResourceUpdate('worker', worker, edited), {
      params: { friendlyName: 'Alicia', attributes: '{"languages":["en"],"level":4}' },
      changed: ['friendlyName', 'attributes'],
      ignoredReadOnly: [],
    });
  });

  it('leaves read-only fields alone and names them; missing editable fields stay unchanged', () => {
    const text = renderResourceDocument('worker', worker);
    const edited = edit(text, (d) => {
      d.sid = 'WKchanged';
      d.available = false;
      delete d.friendlyName;
    });
    assert.deepEqual(computeResourceUpdate('worker', worker, edited), {
      params: {},
      changed: [],
      ignoredReadOnly: ['sid', 'available'],
    });
  });

  it('reports invalid JSON, wrong types and unknown fields with their line and column', () => {
    const text = renderResourceDocument('worker', worker);
    const cases: Array<[string, RegExp]> = [
      [text.replace('"Alice",', '"Alice"'), /^Line 3, column 3: invalid JSON \(comma expected\)\.$/],
      ['[1]', /^Line 1, column 1: the document must be a JSON object\.$/],
      [text.replace('"Alice"', '42'), /^Line 2, column 19: "friendlyName" must be a string\.$/],
      [text.replace('"Alice"', '" "'), /"friendlyName" cannot be empty/],
      [
        text.replace('"friendlyName"', '"friendlyname"'),
        /^Line 2, column 3: "friendlyname" is not a field of a worker\. Editable fields: friendlyName, activitySid, attributes\.$/,
      ],
      [edit(text, (d) => (d.attributes = [1])), /"attributes" must be a JSON object\.$/],
      [
        edit(text, (d) => (d.attributes = 'not json')),
        /"attributes" must be a JSON object \(or a string holding one\)/,
      ],
      [edit(text, (d) => (d.attributes = { big: 'x'.repeat(5000) })), /at most 4096 are allowed/],
      ['{ /* c */ }', /invalid JSON \(invalid comment token\)/],
    ];
    for (const [input, expected] of cases) {
      assert.throws(
        () => computeResourceUpdate('worker', worker, input),
        (e: unknown) => e instanceof DocumentError && expected.test(e.message),
        input,
      );
    }
  });

  it('checks ranges and enums per kind; null clears a nullable string', () => {
    const task = { sid: 'WT1', priority: 0, assignmentStatus: 'pending', reason: null, attributes: '{}' };
    const text = renderResourceDocument('task', task);
    assert.deepEqual(
      computeResourceUpdate(
        'task',
        task,
        edit(text, (d) => Object.assign(d, { assignmentStatus: 'canceled', reason: 'dup' })),
      ).params,
      { assignmentStatus: 'canceled', reason: 'dup' },
    );
    assert.throws(
      () =>
        computeResourceUpdate(
          'task',
          task,
          edit(text, (d) => (d.priority = -1)),
        ),
      /integer from 0 to 2147483647/,
    );
    assert.throws(
      () =>
        computeResourceUpdate(
          'task',
          task,
          edit(text, (d) => (d.priority = 1.5)),
        ),
      /integer/,
    );
    assert.throws(
      () =>
        computeResourceUpdate(
          'task',
          task,
          edit(text, (d) => (d.assignmentStatus = 'done')),
        ),
      /must be one of "pending", "reserved"/,
    );
    const ws = { sid: 'WS1', friendlyName: 'W', eventCallbackUrl: 'http://a', prioritizeQueueOrder: 'FIFO' };
    const wsText = renderResourceDocument('workspace', ws);
    assert.deepEqual(
      computeResourceUpdate(
        'workspace',
        ws,
        edit(wsText, (d) => (d.eventCallbackUrl = null)),
      ).params,
      {
        eventCallbackUrl: '',
      },
    );
  });

  it('renders a configuration pretty-printed and sends it only when its value changed', () => {
    const stored = '{"task_routing":{"filters":[],"default_filter":{"queue":"WQ1"}}}';
    const text = renderConfiguration(stored);
    assert.equal(text, `${JSON.stringify(JSON.parse(stored), null, 2)}\n`);
    assert.equal(computeConfigurationUpdate(stored, text), undefined);
    const edited = text.replace('"WQ1"', '"WQ2"');
    assert.equal(computeConfigurationUpdate(stored, edited), edited.trim());
    assert.throws(
      () => computeConfigurationUpdate(stored, '{"task_routing": }'),
      /Line 1, column 18: invalid JSON \(value expected\)/,
    );
    assert.equal(renderConfiguration('not json'), 'not json');
  });
});
