import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { WorkspaceData } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/language/service';
import { Q1, Q2, Q3 } from '../workflow/marked';
import { WORKFLOW_URI, applyEdits, documentOf, withCursor } from './cursor';

const service = createLanguageService();

const workspace: WorkspaceData = {
  queues: [
    { sid: Q2, friendlyName: 'Everyone', targetWorkers: '1 == 1' },
    { sid: Q1, friendlyName: 'Gold Support', targetWorkers: "skills HAS 'gold'" },
    { sid: Q3, friendlyName: 'Sales', targetWorkers: "skills HAS 'sales'" },
  ],
  activities: [],
  workerAttributes: ['skill_level', 'languages'],
  taskAttributes: ['skill_level', 'type'],
};

const REMOTE_URI =
  'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/workflows/WW0123456789abcdef0123456789abcdef/a.workflow.json';

/** A workflow with one filter whose expression and first target are given. */
function workflow(expression: string, target = `"queue": "${Q1}"`): string {
  return `{"task_routing": {"filters": [{"filter_friendly_name": "Gold", "expression": "${expression}", "targets": [{${target}}]}]}}`;
}

interface Fixes {
  diagnostic: Diagnostic;
  actions: CodeAction[];
}

/** The diagnostic of `code` that doValidation reports, and the quick fixes offered for it. */
function quickFixes(text: string, code: string, data: WorkspaceData | null = null, uri = WORKFLOW_URI): Fixes {
  const document = documentOf(text, uri);
  const diagnostic = service.doValidation(document, data).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic for ${text}`);
  const actions = service.getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] }, data);
  return { diagnostic, actions: actions.filter((a) => a.kind === 'quickfix') };
}

function applied(text: string, action: CodeAction, uri = WORKFLOW_URI): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `${action.title} has no edits for ${uri}`);
  return applyEdits(text, edits);
}

function codes(text: string, data: WorkspaceData | null = null, uri = WORKFLOW_URI): string[] {
  return service.doValidation(documentOf(text, uri), data).map((d) => d.code as string);
}

/** Applies the only fix offered, checks it carries the diagnostic, and returns the text; the diagnostic must be gone. */
function fixOnce(text: string, code: string, data: WorkspaceData | null = null, uri = WORKFLOW_URI): string {
  const { diagnostic, actions } = quickFixes(text, code, data, uri);
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
  assert.deepEqual(actions[0].diagnostics, [diagnostic]);
  const result = applied(text, actions[0], uri);
  assert.ok(!codes(result, data, uri).includes(code), `${code} still reported after the fix: ${result}`);
  return result;
}

describe('quick fixes', () => {
  it('legacy-key: task_queue_sid -> queue, friendly_name and friendlyName -> filter_friendly_name', () => {
    const text = workflow('1 == 1', `"task_queue_sid": "${Q1}"`);
    const { actions } = quickFixes(text, 'legacy-key');
    assert.equal(actions[0].title, 'Change `task_queue_sid` to `queue`');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(fixOnce(text, 'legacy-key'), workflow('1 == 1'));
    for (const legacy of ['friendly_name', 'friendlyName']) {
      const named = workflow('1 == 1').replace('filter_friendly_name', legacy);
      assert.equal(fixOnce(named, 'legacy-key'), workflow('1 == 1'));
    }
  });

  it('source.fixAll.taskrouter replaces every legacy key at once, and is what a fix-all request gets', () => {
    const text = [
      '{"task_routing": {"filters": [',
      `  {"friendly_name": "A", "expression": "1 == 1", "targets": [{"task_queue_sid": "${Q1}"}, {"task_queue_sid": "${Q2}"}]}`,
      `], "default_filter": {"task_queue_sid": "${Q3}"}}}`,
    ].join('\n');
    const document = documentOf(text);
    const actions = service.getCodeActions(
      document,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source.fixAll'] },
    );
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [['source.fixAll.taskrouter', 'Replace all 4 legacy keys with the modern keys']],
    );
    const result = applied(text, actions[0]);
    assert.equal(
      result,
      [
        '{"task_routing": {"filters": [',
        `  {"filter_friendly_name": "A", "expression": "1 == 1", "targets": [{"queue": "${Q1}"}, {"queue": "${Q2}"}]}`,
        `], "default_filter": {"queue": "${Q3}"}}}`,
      ].join('\n'),
    );
    assert.deepEqual(codes(result), []);
  });

  it('fix-all leaves a legacy key next to its modern twin alone (renaming would duplicate the key)', () => {
    const text = workflow('1 == 1', `"queue": "${Q1}", "task_queue_sid": "${Q2}"`).replace(
      '"filter_friendly_name"',
      '"friendly_name"',
    );
    const document = documentOf(text);
    const [fixAll] = service.getCodeActions(
      document,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source'] },
    );
    assert.equal(fixAll.title, 'Replace the legacy key with the modern keys');
    assert.deepEqual(codes(applied(text, fixAll)), ['conflicting-alias']);
  });

  it('string-number: "2" -> 2, " 30 " -> 30', () => {
    const text = workflow('1 == 1', `"queue": "${Q1}", "priority": "2"`);
    assert.equal(fixOnce(text, 'string-number'), workflow('1 == 1', `"queue": "${Q1}", "priority": 2`));
    const timeout = workflow('1 == 1', `"queue": "${Q1}", "timeout": " 30 "`);
    assert.equal(fixOnce(timeout, 'string-number'), workflow('1 == 1', `"queue": "${Q1}", "timeout": 30`));
  });

  it('string-number: no fix for a number JSON cannot write ("1e400" is Infinity)', () => {
    const text = workflow('1 == 1', `"queue": "${Q1}", "priority": "1e400"`);
    assert.deepEqual(
      quickFixes(text, 'string-number').actions.map((a) => a.title),
      [],
    );
  });

  it('unknown-queue: one action per workspace queue, the one named like the filter first', () => {
    const unknown = 'WQ00000000000000000000000000000000';
    const text = workflow('1 == 1', `"queue": "${unknown}"`);
    const { diagnostic, actions } = quickFixes(text, 'unknown-queue', workspace);
    assert.equal(actions[0].title, `Change to queue 'Gold Support' (${Q1})`);
    assert.deepEqual(
      actions
        .slice(1)
        .map((a) => a.title)
        .sort(),
      [`Change to queue 'Everyone' (${Q2})`, `Change to queue 'Sales' (${Q3})`],
    );
    assert.ok(actions.every((a) => a.diagnostics?.[0] === diagnostic));
    const result = applied(text, actions[0]);
    assert.equal(result, workflow('1 == 1'));
    assert.deepEqual(codes(result, workspace), []);
  });

  it('unknown-queue: nothing to offer without the workspace queues', () => {
    const text = workflow('1 == 1', '"queue": "WQ00000000000000000000000000000000"');
    const document = documentOf(text);
    const diagnostic = service.doValidation(document, workspace).find((d) => d.code === 'unknown-queue')!;
    const actions = service.getCodeActions(document, diagnostic.range, {
      diagnostics: [diagnostic],
      only: ['quickfix'],
    });
    assert.deepEqual(actions, []);
  });

  it('malformed-queue-sid: a queue name written instead of its SID gets that queue, preferred', () => {
    const text = workflow('1 == 1', '"queue": "sales"');
    const { actions } = quickFixes(text, 'malformed-queue-sid', workspace);
    assert.equal(actions[0].title, `Change to queue 'Sales' (${Q3})`);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    assert.deepEqual(codes(applied(text, actions[0]), workspace), []);
  });

  it('offers at most 10 queues', () => {
    const many: WorkspaceData = {
      ...workspace,
      queues: Array.from({ length: 15 }, (_, i) => ({
        sid: `WQ${i.toString(16).padStart(32, '0')}`,
        friendlyName: `Queue ${i}`,
        targetWorkers: null,
      })),
    };
    const { actions } = quickFixes(workflow('1 == 1', `"queue": "${Q1}"`), 'unknown-queue', many);
    assert.equal(actions.length, 10);
  });

  it('expr-hyphen-in-name: renames to the underscore form the workspace knows, explaining the minus', () => {
    const text = workflow('skill-level > 2');
    const { actions } = quickFixes(text, 'expr-hyphen-in-name', workspace);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change `skill-level` to `skill_level` (TaskRouter reads `-` in a name as minus)'],
    );
    assert.equal(fixOnce(text, 'expr-hyphen-in-name', workspace), workflow('skill_level > 2'));
  });

  it('expr-hyphen-in-name: looks the name up among worker attributes after worker., task attributes after task.', () => {
    const target = (expression: string) => `"queue": "${Q1}", "expression": "${expression}"`;
    const workerOnly: WorkspaceData = { ...workspace, workerAttributes: ['skill_level'], taskAttributes: [] };
    const text = workflow('1 == 1', target('worker.skill-level > task.skill-level'));
    const { actions } = quickFixes(text, 'expr-hyphen-in-name', workerOnly);
    assert.equal(actions.length, 1);
    assert.equal(applied(text, actions[0]), workflow('1 == 1', target('worker.skill_level > task.skill-level')));
    // task.skill-level: not a task attribute of this workspace, so no rename is offered.
    const document = documentOf(text);
    const second = service.doValidation(document, workerOnly).filter((d) => d.code === 'expr-hyphen-in-name')[1];
    assert.deepEqual(
      service
        .getCodeActions(document, second.range, { diagnostics: [second] }, workerOnly)
        .filter((a) => a.kind === 'quickfix'),
      [],
    );
  });

  it('expr-hyphen-in-name: no rename without workspace data (an attribute nobody sets would never match)', () => {
    assert.deepEqual(quickFixes(workflow('skill-level > 2'), 'expr-hyphen-in-name').actions, []);
  });

  it('unknown-key: changes a misspelt key to the close valid key', () => {
    const text = workflow('1 == 1', `"queue": "${Q1}", "prority": 1`);
    const { actions } = quickFixes(text, 'unknown-key');
    assert.equal(actions[0].title, 'Change to `priority`');
    assert.equal(fixOnce(text, 'unknown-key'), workflow('1 == 1', `"queue": "${Q1}", "priority": 1`));
    const filterKey = workflow('1 == 1').replace('"expression"', '"expresion"');
    assert.equal(fixOnce(filterKey, 'unknown-key'), workflow('1 == 1'));
  });

  it('expr-foreign-operator: && || ! === !== get the TaskRouter spelling, spaced as words need', () => {
    assert.equal(fixOnce(workflow('a == 1&&b == 2'), 'expr-foreign-operator'), workflow('a == 1 AND b == 2'));
    assert.equal(fixOnce(workflow('a == 1 || b == 2'), 'expr-foreign-operator'), workflow('a == 1 OR b == 2'));
    assert.equal(fixOnce(workflow('a === 1'), 'expr-foreign-operator'), workflow('a == 1'));
    assert.equal(fixOnce(workflow('a !== 1'), 'expr-foreign-operator'), workflow('a != 1'));
    assert.equal(fixOnce(workflow('!(a == 1)'), 'expr-foreign-operator'), workflow('NOT (a == 1)'));
    // Prefix NOT is undocumented (the parser warns), so that fix is not marked as the obvious one.
    assert.equal(quickFixes(workflow('!(a == 1)'), 'expr-foreign-operator').actions[0].isPreferred, undefined);
    assert.equal(quickFixes(workflow('a === 1'), 'expr-foreign-operator').actions[0].isPreferred, true);
  });

  it('expr-foreign-operator: right place after \\" escapes', () => {
    const text = workflow('tier == \\"gold\\" && b == 1');
    assert.equal(fixOnce(text, 'expr-foreign-operator'), workflow('tier == \\"gold\\" AND b == 1'));
  });

  it('expr-day-of-week-case: the day as taskrouter.dayOfWeek writes it, in either quotes', () => {
    assert.equal(
      fixOnce(workflow("taskrouter.dayOfWeek == 'THU'"), 'expr-day-of-week-case'),
      workflow("taskrouter.dayOfWeek == 'Thu'"),
    );
    assert.equal(
      fixOnce(workflow('taskrouter.dayOfWeek IN [\\"sat\\", \\"Sun\\"]'), 'expr-day-of-week-case'),
      workflow('taskrouter.dayOfWeek IN [\\"Sat\\", \\"Sun\\"]'),
    );
  });

  it('trailing-comma: removes the comma', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}",}}}`;
    assert.equal(fixOnce(text, 'trailing-comma'), `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`);
  });

  it('comment-not-allowed: removes the comment (a comment alone on its line with its line)', () => {
    const text = `{\n  // routing\n  "task_routing": { /* all */ "default_filter": {"queue": "${Q1}"}} // end\n}`;
    const fix = (before: string) => {
      const { actions } = quickFixes(before, 'comment-not-allowed', null, REMOTE_URI);
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred]),
        [['Remove the comment', true]],
      );
      return applied(before, actions[0], REMOTE_URI);
    };
    const once = fix(text);
    assert.equal(once, `{\n  "task_routing": { /* all */ "default_filter": {"queue": "${Q1}"}} // end\n}`);
    const twice = fix(once);
    assert.equal(twice, `{\n  "task_routing": { "default_filter": {"queue": "${Q1}"}} // end\n}`);
    const done = fix(twice);
    assert.equal(done, `{\n  "task_routing": { "default_filter": {"queue": "${Q1}"}}\n}`);
    assert.deepEqual(codes(done, null, REMOTE_URI), []);
  });

  it("fixes expressions of a task queue document's targetWorkers", () => {
    const uri =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';
    const text = '{\n  "targetWorkers": "skills HAS \\"gold\\" && level > 2"\n}';
    assert.equal(
      fixOnce(text, 'expr-foreign-operator', null, uri),
      '{\n  "targetWorkers": "skills HAS \\"gold\\" AND level > 2"\n}',
    );
  });

  it('ignores diagnostics of other sources and answers only the kinds asked for', () => {
    const text = workflow('1 == 1', `"task_queue_sid": "${Q1}"`);
    const document = documentOf(text);
    const [diagnostic] = service.doValidation(document);
    const foreign = { ...diagnostic, source: 'json' };
    const only = (kinds: string[] | undefined, diagnostics = [diagnostic]) =>
      service
        .getCodeActions(document, diagnostic.range, { diagnostics, ...(kinds ? { only: kinds } : {}) })
        .map((a) => a.kind);
    assert.deepEqual(only(['quickfix'], [foreign]), []);
    assert.deepEqual(only(['quickfix']), ['quickfix']);
    assert.deepEqual(only(['refactor']), ['refactor.rewrite', 'refactor.rewrite']);
    assert.deepEqual(only(['source.fixAll']), ['source.fixAll.taskrouter']);
    assert.deepEqual(only(undefined), ['quickfix', 'source.fixAll.taskrouter', 'refactor.rewrite', 'refactor.rewrite']);
  });
});

/** The refactor titled `title` at the cursor (`|`), applied; the result is re-validated by the caller. */
function refactor(source: string, title: string, data: WorkspaceData | null = null): string {
  const { document, text, position } = withCursor(source);
  const actions = service.getCodeActions(
    document,
    { start: position, end: position },
    { diagnostics: [], only: ['refactor'] },
    data,
  );
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no "${title}" among ${actions.map((a) => a.title).join(', ')}`);
  assert.equal(action.kind, 'refactor.rewrite');
  return applied(text, action);
}

function titles(source: string): string[] {
  const { document, position } = withCursor(source);
  return service
    .getCodeActions(document, { start: position, end: position }, { diagnostics: [], only: ['refactor'] })
    .map((a) => a.title);
}

describe('Add filter / Add target refactors', () => {
  const pretty = (filters: string, defaultFilter = `    "default_filter": {\n      "queue": "${Q2}"\n    }`) =>
    `{\n  "task_routing": {\n    "filters": [\n${filters}\n    ],\n${defaultFilter}\n  }\n}`;
  const gold = [
    '      {',
    '        "filter_friendly_name": "Gold",',
    '        "expression": "tier == \'gold\'",',
    '        "targets": [',
    '          {',
    `            "queue": "${Q1}"`,
    '          }',
    '        ]',
    '      }',
  ].join('\n');
  const newFilter = (queue: string, name = 'New filter') =>
    [
      '      {',
      `        "filter_friendly_name": "${name}",`,
      '        "expression": "type == \'example\'",',
      '        "targets": [',
      '          {',
      `            "queue": "${queue}"`,
      '          }',
      '        ]',
      '      }',
    ].join('\n');

  it("Add filter inserts a filter after the one at the cursor, with the default filter's queue", () => {
    const source = pretty(gold.replace('"tier', '"ti|er'));
    const result = refactor(source, "Add filter after 'Gold'");
    assert.equal(result, pretty(`${gold},\n${newFilter(Q2)}`));
    assert.deepEqual(codes(result), []);
  });

  it('Add filter appends to filters when the cursor is elsewhere in task_routing, with a free name', () => {
    const named = gold.replace('"Gold"', '"New filter"');
    const source = pretty(named).replace('"default_filter"', '"default_|filter"');
    const result = refactor(source, 'Add filter');
    assert.equal(result, pretty(`${named},\n${newFilter(Q2, 'New filter 2')}`));
    assert.deepEqual(codes(result), []);
  });

  it('Add filter between two filters keeps the commas right', () => {
    const second = gold.replace('"Gold"', '"Second"');
    const source = pretty(`${gold.replace('"Gold"', '"Go|ld"')},\n${second}`);
    const result = refactor(source, "Add filter after 'Gold'");
    assert.equal(result, pretty(`${gold},\n${newFilter(Q2)},\n${second}`));
    assert.deepEqual(codes(result), []);
  });

  it("Add filter creates `filters` when there is none, indented with the document's tabs", () => {
    const source = `{\n\t"task_routing": {\n\t\t"default_filter": { "queue": "${Q2}" }|\n\t}\n}`;
    const result = refactor(source, 'Add filter');
    assert.equal(
      result,
      [
        '{',
        '\t"task_routing": {',
        '\t\t"filters": [',
        '\t\t\t{',
        '\t\t\t\t"filter_friendly_name": "New filter",',
        '\t\t\t\t"expression": "type == \'example\'",',
        '\t\t\t\t"targets": [',
        '\t\t\t\t\t{',
        `\t\t\t\t\t\t"queue": "${Q2}"`,
        '\t\t\t\t\t}',
        '\t\t\t\t]',
        '\t\t\t}',
        '\t\t],',
        `\t\t"default_filter": { "queue": "${Q2}" }`,
        '\t}',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(codes(result), []);
  });

  it('Add filter writes compact JSON into a one-line document', () => {
    const source = `{"task_routing": {"filters": [{"expression": "a == 1", "targets": [{"queue": "${Q1}"}]}|]}}`;
    const result = refactor(source, 'Add filter');
    assert.equal(
      result,
      `{"task_routing": {"filters": [{"expression": "a == 1", "targets": [{"queue": "${Q1}"}]}, {"filter_friendly_name":"New filter","expression":"type == 'example'","targets":[{"queue":"${Q1}"}]}]}}`,
    );
    assert.deepEqual(codes(result), []);
  });

  it('Add filter takes the first workspace queue when the document names none, else leaves an empty queue', () => {
    const source = '{"task_routing": {"filters": [|]}}';
    const withWorkspace = refactor(source, 'Add filter', workspace);
    assert.ok(withWorkspace.includes(`"queue":"${Q2}"`), withWorkspace);
    assert.deepEqual(codes(withWorkspace, workspace), []);
    const without = refactor(source, 'Add filter');
    assert.ok(without.includes('"queue":""'), without);
    assert.deepEqual(codes(without), ['malformed-queue-sid']);
  });

  it("Add target appends a target with the queue of the filter's last target", () => {
    const source = pretty(gold.replace('"tier', '"ti|er'));
    const result = refactor(source, "Add target to 'Gold'");
    const expected = gold.replace(
      '          }\n        ]',
      `          },\n          {\n            "queue": "${Q1}"\n          }\n        ]`,
    );
    assert.equal(result, pretty(expected));
    assert.deepEqual(codes(result), []);
  });

  it('Add target creates `targets` in a filter that has none', () => {
    const source = `{\n  "task_routing": {\n    "filters": [\n      {\n        "expression": "a == 1"|\n      }\n    ],\n    "default_filter": { "queue": "${Q3}" }\n  }\n}`;
    const result = refactor(source, 'Add target to filter 1');
    assert.equal(
      result,
      `{\n  "task_routing": {\n    "filters": [\n      {\n        "expression": "a == 1",\n        "targets": [\n          {\n            "queue": "${Q3}"\n          }\n        ]\n      }\n    ],\n    "default_filter": { "queue": "${Q3}" }\n  }\n}`,
    );
    assert.deepEqual(codes(result), []);
  });

  it('writes the line ends of a CRLF document', () => {
    const source = pretty(gold.replace('"tier', '"ti|er')).replace(/\n/g, '\r\n');
    const result = refactor(source, "Add target to 'Gold'");
    assert.ok(!/[^\r]\n/.test(result), JSON.stringify(result));
    assert.ok(
      result.includes(`},\r\n          {\r\n            "queue": "${Q1}"\r\n          }`),
      JSON.stringify(result),
    );
    assert.deepEqual(codes(result), []);
  });

  it('are offered only where they apply, and not on broken JSON', () => {
    const text = `{"task_routing": {"filters": [{"expression": "a == 1", "targets": [{"queue": "${Q1}"}]}], "default_filter": {"queue": "${Q2}"}}}`;
    assert.deepEqual(titles(text.replace('"a ==', '"a |==')), ['Add filter after filter 1', 'Add target to filter 1']);
    assert.deepEqual(titles(text.replace('"default_filter"', '|"default_filter"')), ['Add filter']);
    assert.deepEqual(titles(`|${text}`), []);
    assert.deepEqual(titles(text.replace('"a ==', '"a |==').replace('}]}]', '}]}')), []);
  });
});
