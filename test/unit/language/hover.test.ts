import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { WorkspaceData } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/language/service';
import { withCursor } from './cursor';
import { BREAK, IDLE, inFilter, inTarget, SUPPORT } from './expressionFixtures';

const UNKNOWN = `WQ${'9'.repeat(32)}`;
const QUEUE_URI =
  'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';

const data: WorkspaceData = {
  queues: [
    {
      sid: SUPPORT,
      friendlyName: 'Support',
      targetWorkers: "skills HAS 'support'",
      eligibleWorkers: 7,
      availableWorkers: 2,
    },
  ],
  activities: [
    { sid: IDLE, friendlyName: 'Idle', available: true },
    { sid: BREAK, friendlyName: 'Break', available: false },
  ],
  workerAttributes: [],
  taskAttributes: [],
};

describe('hover', () => {
  const service = createLanguageService();

  /** The hover at the cursor, its Markdown and the document text its range covers. */
  function hoverAt(
    source: string,
    workspace: WorkspaceData | null = data,
    options: { uri?: string; languageId?: string } = {},
  ) {
    const fixture = withCursor(source, options);
    const result: Hover | null = service.doHover(fixture.document, fixture.position, workspace);
    if (!result) return undefined;
    assert.ok(result.range, 'a hover has a range');
    const start = fixture.document.offsetAt(result.range.start);
    const end = fixture.document.offsetAt(result.range.end);
    return { value: (result.contents as MarkupContent).value, covers: fixture.text.slice(start, end) };
  }

  function completionDocumentation(source: string, label: string): string {
    const fixture = withCursor(source);
    const item = service.doComplete(fixture.document, fixture.position, data).items.find((i) => i.label === label);
    assert.ok(item, `no completion ${label}`);
    return (item.documentation as MarkupContent).value;
  }

  describe('queue SIDs', () => {
    it("shows the queue's name, target workers and worker counts", () => {
      const hover = hoverAt(`{"task_routing": {"default_filter": {"queue": "WQ1|${'1'.repeat(31)}"}}}`);
      assert.ok(hover);
      assert.equal(hover.covers, `"${SUPPORT}"`);
      assert.match(hover.value, /\*\*Support\*\*/);
      assert.match(hover.value, /```\nskills HAS 'support'\n```/);
      assert.match(hover.value, /7 eligible, 2 available now/);
    });

    it('works for a target queue and the legacy task_queue_sid', () => {
      const target = hoverAt(`{"task_routing": {"filters": [{"targets": [{"task_queue_sid": "|${SUPPORT}"}]}]}}`);
      assert.match(target?.value ?? '', /\*\*Support\*\*/);
    });

    it('says the SID is not checked when the document is not linked to a workspace', () => {
      const hover = hoverAt(`{"task_routing": {"default_filter": {"queue": "|${SUPPORT}"}}}`, null);
      assert.equal(hover?.covers, `"${SUPPORT}"`);
      assert.match(hover?.value ?? '', /Not checked: this document is not linked to a TaskRouter workspace/);
    });

    it('says when the workspace has no queue with the SID', () => {
      const hover = hoverAt(`{"task_routing": {"default_filter": {"queue": "|${UNKNOWN}"}}}`);
      assert.match(hover?.value ?? '', /no task queue with this SID/);
    });

    it('shows nothing for other string values', () => {
      assert.equal(hoverAt('{"task_routing": {"filters": [{"filter_friendly_name": "Sup|port"}]}}'), undefined);
    });
  });

  describe('JSON keys', () => {
    it('says what a key does and where it is valid; the range is the key', () => {
      const hover = hoverAt('{"task_rou|ting": {}}');
      assert.equal(hover?.covers, '"task_routing"');
      assert.match(hover?.value ?? '', /Valid in: the top level\./);
      const timeout = hoverAt('{"task_routing": {"filters": [{"targets": [{"|timeout": 30}]}]}}');
      assert.match(timeout?.value ?? '', /seconds/);
      assert.match(timeout?.value ?? '', /Valid in: a target\./);
    });

    it('explains expression per place', () => {
      assert.match(
        hoverAt(inFilter('1 == 1').replace('"expression"', '"expr|ession"'))?.value ?? '',
        /without a prefix/,
      );
      const target = hoverAt(
        inTarget('expression', 'task.a == 1').replace('"expression": "task', '"expre|ssion": "task'),
      );
      assert.match(target?.value ?? '', /`worker\.<attribute>`/);
    });

    it('names the modern key of a legacy key', () => {
      const hover = hoverAt('{"task_routing": {"filters": [{"friendly_na|me": "a"}]}}');
      assert.equal(hover?.covers, '"friendly_name"');
      assert.match(hover?.value ?? '', /legacy name of `filter_friendly_name`/);
    });

    it('says a key is not valid where it is written', () => {
      const hover = hoverAt('{"task_routing": {"filters": [{"que|ue": "a"}]}}');
      assert.match(hover?.value ?? '', /Not valid in a filter\./);
    });

    it('shows nothing for unknown keys and punctuation', () => {
      assert.equal(hoverAt('{"task_routing": {"filters": [{"colo|r": "a"}]}}'), undefined);
      assert.equal(hoverAt('{"task_routing"|: {}}'), undefined);
    });
  });

  describe('expressions', () => {
    it('explains an operator with an example and the scopes it is valid in', () => {
      const hover = hoverAt(inFilter("skills H|AS 'support'"));
      assert.equal(hover?.covers, 'HAS');
      assert.match(hover?.value ?? '', /array on the left holds the value/);
      assert.match(hover?.value ?? '', /```\nskills HAS 'support'\n```/);
      assert.match(hover?.value ?? '', /Valid in: a filter's `expression`, a target's `expression`/);
      assert.equal(hoverAt(inFilter("type =|= 'a'"))?.covers, '==');
    });

    it('covers both words of NOT IN', () => {
      const hover = hoverAt(inFilter("type not i|n ['a']"));
      assert.equal(hover?.covers, 'not in');
      assert.match(hover?.value ?? '', /\*\*`NOT IN`\*\*/);
    });

    it('explains ASC / DESC as order_by keywords', () => {
      const hover = hoverAt(inTarget('order_by', 'worker.level de|sc'));
      assert.equal(hover?.covers, 'desc');
      assert.match(hover?.value ?? '', /Valid in: a target's `order_by`\./);
    });

    it('gives the same text as the completion item of the same operator and key', () => {
      assert.equal(
        hoverAt(inFilter("type C|ONTAINS 'a'"))?.value,
        completionDocumentation(inFilter('type |'), 'CONTAINS'),
      );
      assert.equal(
        hoverAt('{"task_routing": {"filters": [{"targets": [{"prio|rity": 1}]}]}}')?.value,
        completionDocumentation('{"task_routing": {"filters": [{"targets": [{|}]}]}}', 'priority'),
      );
    });

    it('explains taskrouter variables with their value format', () => {
      const hover = hoverAt(inFilter('taskrouter.curr|entTime > 800'));
      assert.equal(hover?.covers, 'taskrouter.currentTime');
      assert.match(hover?.value ?? '', /HHMM/);
      assert.match(hoverAt(inFilter("task|router.dayOfWeek == 'Sat'"))?.value ?? '', /'Mon'/);
    });

    it('says which object an attribute reads in each scope', () => {
      const filter = hoverAt(inFilter('customer.ti|er == 1'));
      assert.equal(filter?.covers, 'customer.tier');
      assert.match(filter?.value ?? '', /the task's attribute `customer\.tier`/);
      const task = hoverAt(inTarget('expression', 'task.la|nguage == worker.language'));
      assert.equal(task?.covers, 'task.language');
      assert.match(task?.value ?? '', /the task's attribute `language`/);
      const worker = hoverAt(inTarget('expression', 'task.language == worker.lan|guage'));
      assert.equal(worker?.covers, 'worker.language');
      assert.match(worker?.value ?? '', /attribute `language` of each worker/);
      const queue = hoverAt('{"targetWorkers": "sk|ills HAS \'a\'"}', data, { uri: QUEUE_URI, languageId: 'json' });
      assert.equal(queue?.covers, 'skills');
      assert.match(queue?.value ?? '', /attribute `skills` of each worker of the queue/);
    });

    it('explains built-in worker properties', () => {
      const hover = hoverAt(inTarget('expression', 'worker.activity_na|me == "x"'));
      assert.match(hover?.value ?? '', /current activity/);
    });

    it('names the activity of workers.WA… in skip_if and whether it is available', () => {
      const idle = hoverAt(inTarget('skip_if', `workers.WA|${IDLE.slice(2)} == 0`));
      assert.equal(idle?.covers, `workers.${IDLE}`);
      assert.match(idle?.value ?? '', /\*\*Idle\*\* \(an available activity\)/);
      assert.match(
        hoverAt(inTarget('skip_if', `workers.|${BREAK} > 1`))?.value ?? '',
        /\*\*Break\*\* \(an unavailable/,
      );
      assert.match(hoverAt(inTarget('skip_if', `workers.|${IDLE} > 1`), null)?.value ?? '', /Not checked/);
      assert.match(hoverAt(inTarget('skip_if', 'workers.avai|lable == 0'))?.value ?? '', /available activity/);
    });

    it('maps the range across escaped quotes', () => {
      const hover = hoverAt(inFilter('type == \\"a\\" A|ND x == 1'));
      assert.equal(hover?.covers, 'AND');
    });

    it('shows nothing on numbers and string constants', () => {
      assert.equal(hoverAt(inFilter('level > 1|0')), undefined);
      assert.equal(hoverAt(inFilter("type == 'sup|port'")), undefined);
    });

    it('does not fail on a path being typed that ends in its dot', () => {
      assert.equal(hoverAt(inTarget('expression', 'worker.skills HAS task|.')), undefined);
      assert.equal(hoverAt('{"task_routing": {"filters": [{"expression": "taskrouter|.'), undefined);
    });
  });
});
