import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { WorkspaceData } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/language/service';
import { applyEdits, withCursor } from './cursor';
import { BREAK, IDLE, inFilter, inTarget, SUPPORT } from './expressionFixtures';

const SALES = `WQ${'2'.repeat(32)}`;
const QUEUE_URI =
  'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';

const data: WorkspaceData = {
  queues: [
    { sid: SUPPORT, friendlyName: 'Support', targetWorkers: "skills HAS 'support'" },
    { sid: SALES, friendlyName: 'Sales', targetWorkers: null },
  ],
  activities: [
    { sid: IDLE, friendlyName: 'Idle', available: true },
    { sid: BREAK, friendlyName: 'Break', available: false },
  ],
  workerAttributes: ['skills', 'level', 'routing.skills', 'routing.level', 'skill-level'],
  taskAttributes: ['type', 'customer.tier', 'customer.name', 'language'],
};

describe('completion', () => {
  const service = createLanguageService();

  function complete(
    source: string,
    workspace: WorkspaceData | null = data,
    options: { uri?: string; languageId?: string } = {},
  ) {
    const fixture = withCursor(source, options);
    const list = service.doComplete(fixture.document, fixture.position, workspace);
    const labels = list.items.map((item) => item.label);
    const item = (label: string): CompletionItem => {
      const found = list.items.find((i) => i.label === label);
      assert.ok(found, `no item ${label} among ${labels.join(', ')}`);
      return found;
    };
    /** The text after accepting the item, as the editor applies it (snippet placeholders left as written). */
    const apply = (label: string): string => {
      const chosen = item(label);
      assert.ok(chosen.textEdit && 'range' in chosen.textEdit, 'items carry a textEdit with a range');
      return applyEdits(fixture.text, [chosen.textEdit, ...(chosen.additionalTextEdits ?? [])]);
    };
    return { list, labels, item, apply };
  }

  function assertHas(labels: string[], expected: string[], absent: string[] = []): void {
    for (const label of expected) assert.ok(labels.includes(label), `expected ${label} among ${labels.join(', ')}`);
    for (const label of absent)
      assert.ok(!labels.includes(label), `did not expect ${label} among ${labels.join(', ')}`);
  }

  describe('keys', () => {
    it('offers task_routing at the top level', () => {
      const { labels, apply } = complete('{|}');
      assert.deepEqual(labels, ['task_routing']);
      assert.equal(apply('task_routing'), '{"task_routing": {\n\t$0\n}}');
    });

    it('offers filters and default_filter in task_routing', () => {
      const { labels, apply } = complete('{"task_routing": {|}}');
      assert.deepEqual(labels, ['filters', 'default_filter']);
      assert.equal(apply('filters'), '{"task_routing": {"filters": [$1]}}');
    });

    it('offers the filter keys in a filter', () => {
      const { labels, apply } = complete('{"task_routing": {"filters": [{|}]}}');
      assert.deepEqual(labels, ['filter_friendly_name', 'expression', 'targets']);
      assert.equal(apply('targets'), '{"task_routing": {"filters": [{"targets": [$1]}]}}');
      assert.equal(apply('expression'), '{"task_routing": {"filters": [{"expression": "$1"}]}}');
    });

    it('offers the target keys in a target, with value placeholders', () => {
      const { labels, apply, item } = complete('{"task_routing": {"filters": [{"targets": [{|}]}]}}');
      assert.deepEqual(labels, [
        'queue',
        'expression',
        'priority',
        'timeout',
        'order_by',
        'skip_if',
        'known_worker_sid',
        'known_worker_friendly_name',
      ]);
      assert.equal(apply('priority'), '{"task_routing": {"filters": [{"targets": [{"priority": ${1:1}}]}]}}');
      // The list opens again inside the quotes, where the queue SIDs are offered.
      assert.equal(item('queue').command?.command, 'editor.action.triggerSuggest');
      assert.equal(item('priority').command, undefined);
    });

    it('offers only queue in default_filter', () => {
      const { labels, apply } = complete('{"task_routing": {"default_filter": {|}}}');
      assert.deepEqual(labels, ['queue']);
      assert.equal(apply('queue'), '{"task_routing": {"default_filter": {"queue": "$1"}}}');
    });

    it('does not offer keys the object already has (a legacy key counts as its modern key)', () => {
      const { labels } = complete(
        `{"task_routing": {"filters": [{"targets": [{"task_queue_sid": "${SUPPORT}", "timeout": 5, |}]}]}}`,
      );
      assertHas(labels, ['priority', 'expression'], ['queue', 'timeout', 'task_queue_sid']);
      const filter = complete('{"task_routing": {"filters": [{"friendly_name": "a", |"targets": []}]}}');
      assert.deepEqual(filter.labels, ['expression']);
    });

    it('replaces a partly typed key together with the closing quote the editor added', () => {
      const { apply, item } = complete(
        `{"task_routing": {"filters": [{"targets": [{"queue": "${SUPPORT}", "pri|"}]}]}}`,
      );
      assert.equal(item('priority').filterText, '"priority"');
      assert.equal(
        apply('priority'),
        `{"task_routing": {"filters": [{"targets": [{"queue": "${SUPPORT}", "priority": \${1:1}}]}]}}`,
      );
    });

    it('replaces a key typed without quotes', () => {
      const { apply } = complete('{"task_routing": {"filters": [{"targets": [{"queue": "", tim|}]}]}}');
      assert.equal(
        apply('timeout'),
        '{"task_routing": {"filters": [{"targets": [{"queue": "", "timeout": ${1:60}}]}]}}',
      );
    });

    it('renames a key that already has a value without touching the value', () => {
      const { apply, item } = complete('{"task_routing": {"filters": [{"targets": [{"queue": "", "tim|": 30}]}]}}');
      assert.equal(item('timeout').insertTextFormat, 1);
      assert.equal(apply('timeout'), '{"task_routing": {"filters": [{"targets": [{"queue": "", "timeout": 30}]}]}}');
    });

    it('adds the commas a new property needs before and after it', () => {
      const before = complete('{"task_routing": {"filters": [{"targets": [{"queue": ""\n  |}]}]}}');
      assert.equal(
        before.apply('priority'),
        '{"task_routing": {"filters": [{"targets": [{"queue": "",\n  "priority": ${1:1}}]}]}}',
      );
      const after = complete('{"task_routing": {"filters": [{"targets": [{"queue": "",\n  |\n  "timeout": 5}]}]}}');
      assert.equal(
        after.apply('priority'),
        '{"task_routing": {"filters": [{"targets": [{"queue": "",\n  "priority": ${1:1},\n  "timeout": 5}]}]}}',
      );
    });

    it('puts the comma into the insert when the cursor is right after a value (no edits at one position)', () => {
      const { item, apply } = complete('{"task_routing": {"filters": [{"targets": [{"queue": ""|}]}]}}');
      assert.equal(item('priority').additionalTextEdits, undefined);
      assert.equal(
        apply('priority'),
        '{"task_routing": {"filters": [{"targets": [{"queue": "","priority": ${1:1}}]}]}}',
      );
      const afterArray = complete('{"task_routing": {"filters": []|}}');
      assert.equal(
        afterArray.apply('default_filter'),
        '{"task_routing": {"filters": [],"default_filter": { "queue": "$1" }}}',
      );
    });

    it('works in incomplete JSON while a key is typed', () => {
      const { labels, apply } = complete('{"task_routing": {"filters": [{"expression": "1 == 1", "tar|\n');
      assert.deepEqual(labels, ['filter_friendly_name', 'targets']);
      assert.equal(apply('targets'), '{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [$1]\n');
      const second = complete('{"task_routing": {"filters": [{"targets": []}, {"|');
      assert.deepEqual(second.labels, ['filter_friendly_name', 'expression', 'targets']);
    });

    it('offers nothing inside an array, a nested unknown object or a comment', () => {
      assert.deepEqual(complete('{"task_routing": {"filters": [{"targets": [|]}]}}').labels, []);
      assert.deepEqual(complete('{"task_routing": {"filters": [{"targets": [{"x": {|}}]}]}}').labels, []);
      assert.deepEqual(complete('{"task_routing": {"filters": [{"targets": [] // a |\n}]}}').labels, []);
    });
  });

  describe('queue SIDs', () => {
    it('shows queues by friendly name and inserts the SID inside the quotes', () => {
      const { labels, apply, item } = complete(
        '{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [{"queue": "Sup|"}]}]}}',
      );
      assert.deepEqual(labels, ['Sales', 'Support']);
      const support = item('Support');
      assert.equal(support.detail, SUPPORT);
      // Typing either the name or the SID finds the queue.
      assert.ok(support.filterText?.includes('Support') && support.filterText.includes(SUPPORT));
      assert.match((support.documentation as { value: string }).value, /skills HAS 'support'/);
      assert.equal(
        apply('Support'),
        `{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [{"queue": "${SUPPORT}"}]}]}}`,
      );
    });

    it('inserts the SID with its quotes after the colon, also for task_queue_sid and default_filter', () => {
      const { apply } = complete('{"task_routing": {"filters": [{"targets": [{"task_queue_sid": |}]}]}}');
      assert.equal(apply('Sales'), `{"task_routing": {"filters": [{"targets": [{"task_queue_sid": "${SALES}"}]}]}}`);
      const fallback = complete('{"task_routing": {"default_filter": {"queue": "|"}}}');
      assert.equal(fallback.apply('Support'), `{"task_routing": {"default_filter": {"queue": "${SUPPORT}"}}}`);
    });

    it('offers no SIDs without workspace data', () => {
      assert.deepEqual(complete('{"task_routing": {"default_filter": {"queue": "|"}}}', null).labels, []);
    });
  });

  describe('filter expressions', () => {
    it('offers task attributes unprefixed and taskrouter., not task. or worker.', () => {
      const { labels, item, apply } = complete(inFilter('cu|'));
      assertHas(labels, ['type', 'customer', 'language', 'taskrouter'], ['task', 'worker', 'tier']);
      assert.equal(item('customer').detail, 'task attribute (object)');
      assert.equal(apply('taskrouter'), inFilter('taskrouter.'));
      assert.equal(item('taskrouter').command?.command, 'editor.action.triggerSuggest');
    });

    it('offers the next segment of a nested attribute', () => {
      const { labels, apply } = complete(inFilter('customer.t|'));
      assert.deepEqual(labels, ['name', 'tier']);
      assert.equal(apply('tier'), inFilter('customer.tier'));
    });

    it('offers the four taskrouter variables after taskrouter.', () => {
      const { labels, item } = complete(inFilter('taskrouter.|'));
      assert.deepEqual(labels, ['currentTime', 'currentHour', 'currentMin', 'dayOfWeek']);
      assert.match((item('currentTime').documentation as { value: string }).value, /HHMM/);
    });

    it('offers operators after an operand', () => {
      const { labels, apply } = complete(inFilter('type |'));
      assert.deepEqual(labels, ['==', '!=', '>', '>=', '<', '<=', 'IN', 'NOT IN', 'HAS', 'CONTAINS']);
      assert.equal(apply('NOT IN'), inFilter('type NOT IN'));
    });

    it('completes a keyword operator being typed', () => {
      const { apply } = complete(inFilter('skills HA|'));
      assert.equal(apply('HAS'), inFilter('skills HAS'));
    });

    it('offers AND / OR after a complete comparison, in the letter case being typed', () => {
      assert.deepEqual(complete(inFilter("type == 'a' |")).labels, ['AND', 'OR']);
      assert.deepEqual(complete(inFilter('(type == 1) |')).labels, ['AND', 'OR']);
      assert.deepEqual(complete(inFilter("language IN ['en', 'es'] |")).labels, ['AND', 'OR']);
      const lower = complete(inFilter("type == 'a' an|"));
      assert.deepEqual(lower.labels, ['and', 'or']);
      assert.equal(lower.apply('and'), inFilter("type == 'a' and"));
      assert.deepEqual(complete(inFilter("type == 'a' AN|")).labels, ['AND', 'OR']);
    });

    it('offers names and constants on the right of an operator', () => {
      const { labels } = complete(inFilter('type == |'));
      assertHas(labels, ['true', 'false', 'null', 'type', 'taskrouter'], ['==', 'AND']);
    });

    it('offers IN after NOT', () => {
      assert.deepEqual(complete(inFilter('type not |')).labels, ['IN']);
    });

    it('offers day names after taskrouter.dayOfWeek', () => {
      const { labels, apply } = complete(inFilter('taskrouter.dayOfWeek == |'));
      assertHas(labels, ["'Mon'", "'Sun'", 'true']);
      assert.equal(apply("'Sat'"), inFilter("taskrouter.dayOfWeek == 'Sat'"));
      const list = complete(inFilter("taskrouter.dayOfWeek IN ['Mon', |]"));
      assertHas(list.labels, ["'Tue'"], ['true']);
      assert.deepEqual(complete(inFilter('type == |')).labels.includes("'Mon'"), false);
    });

    it('inserts a double-quoted constant escaped, replacing the string being typed', () => {
      const { labels, apply, item } = complete(inFilter('taskrouter.dayOfWeek == \\"Sa|\\"'));
      assertHas(labels, ['"Sat"', '"Sun"']);
      assert.equal(item('"Sat"').filterText, '\\"Sat\\"');
      assert.equal(apply('"Sat"'), inFilter('taskrouter.dayOfWeek == \\"Sat\\"'));
    });

    it('maps the replaced word back to the document across escaped quotes', () => {
      const { apply } = complete(inFilter('type == \\"a\\" AND cust|omer.tier == 1'));
      assert.equal(apply('language'), inFilter('type == \\"a\\" AND language.tier == 1'));
    });

    it('does not offer attribute names TaskRouter cannot read', () => {
      const fixture = `{"targetWorkers": "s|"}`;
      const { labels } = complete(fixture, data, { uri: QUEUE_URI, languageId: 'json' });
      assertHas(labels, ['skills'], ['skill-level']);
    });
  });

  describe('target expressions', () => {
    it('offers task., worker. and taskrouter. prefixes, not bare attributes', () => {
      const { labels, apply } = complete(inTarget('expression', '|'));
      assert.deepEqual(labels, ['task', 'worker', 'taskrouter']);
      assert.equal(apply('worker'), inTarget('expression', 'worker.'));
    });

    it('offers task attributes after task.', () => {
      const { labels, apply } = complete(inTarget('expression', 'task.|'));
      assert.deepEqual(labels, ['customer', 'language', 'type']);
      assert.equal(apply('type'), inTarget('expression', 'task.type'));
      // Right after an operator, without a space.
      assert.deepEqual(complete(inTarget('expression', 'worker.level==task.|')).labels, [
        'customer',
        'language',
        'type',
      ]);
      // An index ends the names completion knows.
      assert.deepEqual(complete(inTarget('expression', 'task.customer[0].|')).labels, []);
    });

    it('offers worker attributes and built-in properties after worker.', () => {
      const { labels, item } = complete(inTarget('expression', 'task.type == worker.|'));
      assertHas(labels, ['sid', 'friendly_name', 'activity_name', 'activity_sid', 'channel', 'skills', 'routing']);
      assert.equal(item('sid').detail, 'worker property');
      assert.equal(item('routing').detail, 'worker attribute (object)');
    });

    it('offers nested worker attributes and channel properties', () => {
      assert.deepEqual(complete(inTarget('expression', 'worker.routing.|')).labels, ['level', 'skills']);
      assert.deepEqual(complete(inTarget('expression', 'worker.channel.voice.|')).labels, [
        'configured_capacity',
        'assigned_tasks',
        'available_capacity_percentage',
      ]);
    });

    it('works in an unclosed string at the end of an incomplete document', () => {
      const source = `{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [{"queue": "${SUPPORT}", "expression": "task.type == 'a' AND w|`;
      const { labels, apply } = complete(source);
      assert.deepEqual(labels, ['task', 'worker', 'taskrouter']);
      assert.ok(apply('worker').endsWith(`"expression": "task.type == 'a' AND worker.`));
    });
  });

  describe('other scopes', () => {
    it('skip_if: worker counts, and activity SIDs by name after workers.', () => {
      assertHas(
        complete(inTarget('skip_if', '|')).labels,
        ['workers.available', 'workers.unavailable', 'workers'],
        ['task'],
      );
      const { labels, apply, item } = complete(inTarget('skip_if', 'workers.|'));
      assert.deepEqual(labels, ['available', 'unavailable', 'Break', 'Idle']);
      assert.ok(item('Idle').filterText?.includes(IDLE));
      assert.equal(apply('Idle'), inTarget('skip_if', `workers.${IDLE}`));
      assert.deepEqual(complete(inTarget('skip_if', 'workers.available |')).labels, ['==', '!=', '>', '>=', '<', '<=']);
    });

    it('order_by: worker., then ASC / DESC after a key, then a comma', () => {
      assert.deepEqual(complete(inTarget('order_by', '|')).labels, ['worker']);
      assertHas(complete(inTarget('order_by', 'worker.|')).labels, ['level', 'skills'], ['sid']);
      const direction = complete(inTarget('order_by', 'worker.level |'));
      assert.deepEqual(direction.labels, ['ASC', 'DESC']);
      assert.equal(direction.apply('DESC'), inTarget('order_by', 'worker.level DESC'));
      assert.deepEqual(complete(inTarget('order_by', 'worker.level de|')).labels, ['asc', 'desc']);
      const comma = complete(inTarget('order_by', 'worker.level DESC |'));
      assert.equal(comma.apply(','), inTarget('order_by', 'worker.level DESC, '));
    });

    it('known_worker_sid: task. and task attributes', () => {
      assert.deepEqual(complete(inTarget('known_worker_sid', '|')).labels, ['task']);
      assertHas(complete(inTarget('known_worker_sid', 'task.|')).labels, ['type', 'customer']);
    });

    it('a queue document: worker attributes unprefixed in targetWorkers, then operators and keywords', () => {
      const options = { uri: QUEUE_URI, languageId: 'json' };
      const { labels } = complete('{\n  "friendlyName": "Gold",\n  "targetWorkers": "|"\n}', data, options);
      assert.deepEqual(labels, ['level', 'routing', 'skills']);
      assert.deepEqual(complete('{"targetWorkers": "routing.|"}', data, options).labels, ['level', 'skills']);
      assertHas(complete('{"targetWorkers": "level |"}', data, options).labels, ['>=', 'HAS']);
      assert.deepEqual(complete('{"targetWorkers": "skills HAS \'a\' |"}', data, options).labels, ['AND', 'OR']);
      // A queue document has no workflow keys.
      assert.deepEqual(complete('{|"targetWorkers": ""}', data, options).labels, []);
    });
  });

  describe('without workspace data', () => {
    it('offers keys, prefixes, variables, operators and keywords, but no attribute names or SIDs', () => {
      assert.deepEqual(complete('{"task_routing": {|}}', null).labels, ['filters', 'default_filter']);
      assert.deepEqual(complete(inFilter('|'), null).labels, ['taskrouter']);
      assert.deepEqual(complete(inFilter('taskrouter.|'), null).labels.length, 4);
      assert.deepEqual(complete(inTarget('expression', '|'), null).labels, ['task', 'worker', 'taskrouter']);
      assert.deepEqual(complete(inTarget('expression', 'task.|'), null).labels, []);
      assertHas(complete(inTarget('expression', 'worker.|'), null).labels, ['sid', 'channel'], ['skills']);
      assert.deepEqual(complete(inFilter('type |'), null).labels.length, 10);
      assert.deepEqual(complete(inTarget('skip_if', 'workers.|'), null).labels, ['available', 'unavailable']);
    });
  });

  it('gives every item a kind and a detail, and documentation to keys, operators and variables', () => {
    const lists = [
      complete('{"task_routing": {"filters": [{"targets": [{|}]}]}}'),
      complete(inFilter('type |')),
      complete(inFilter('taskrouter.|')),
      complete(inTarget('expression', 'worker.|')),
      complete(inTarget('skip_if', 'workers.|')),
    ];
    for (const { list } of lists) {
      for (const item of list.items) {
        assert.ok(item.kind !== undefined, `${item.label} has a kind`);
        assert.ok(item.detail, `${item.label} has a detail`);
        assert.ok(item.documentation, `${item.label} has documentation`);
      }
    }
  });
});
