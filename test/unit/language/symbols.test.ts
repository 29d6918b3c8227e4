import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/language/service';
import { Q1, Q2, Q3 } from '../workflow/marked';
import { documentOf } from './cursor';

const service = createLanguageService();

const workspace = {
  queues: [
    { sid: Q1, friendlyName: 'Gold Support', targetWorkers: 'skills HAS "gold"' },
    { sid: Q2, friendlyName: 'Everyone', targetWorkers: '1 == 1' },
  ],
  activities: [],
  workerAttributes: [],
  taskAttributes: [],
};

const text = [
  '{',
  '  "task_routing": {',
  '    "filters": [',
  '      {',
  '        "filter_friendly_name": "Gold",',
  '        "expression": "tier == \'gold\'",',
  '        "targets": [',
  `          { "queue": "${Q1}", "priority": 2, "timeout": 30 },`,
  '          { "expression": "worker.level > 2" }',
  '        ]',
  '      },',
  '      {',
  '        "expression": "1 == 1",',
  `        "targets": [{ "queue": "${Q3}" }]`,
  '      }',
  '    ],',
  `    "default_filter": { "queue": "${Q2}" }`,
  '  }',
  '}',
].join('\n');

/** name (detail) with children, for comparing the tree's shape. */
interface Shape {
  name: string;
  detail?: string;
  kind: SymbolKind;
  children?: Shape[];
}

function shape(symbols: DocumentSymbol[]): Shape[] {
  return symbols.map((s) => ({
    name: s.name,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    kind: s.kind,
    ...(s.children?.length ? { children: shape(s.children) } : {}),
  }));
}

/** The text a range covers (single-line ranges only). */
function textOf(range: DocumentSymbol['selectionRange']): string {
  return text.split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

describe('document symbols (outline)', () => {
  it('shows task_routing > filters > filters by name > targets by queue name, and the default filter', () => {
    assert.deepEqual(shape(service.findDocumentSymbols(documentOf(text), workspace)), [
      {
        name: 'task_routing',
        kind: SymbolKind.Namespace,
        children: [
          {
            name: 'filters',
            detail: '2 filters',
            kind: SymbolKind.Array,
            children: [
              {
                name: 'Gold',
                detail: "tier == 'gold'",
                kind: SymbolKind.Object,
                children: [
                  { name: 'Gold Support', detail: 'priority 2 · timeout 30s', kind: SymbolKind.Field },
                  {
                    name: 'Gold Support',
                    detail: 'worker.level > 2 · same queue as before',
                    kind: SymbolKind.Field,
                  },
                ],
              },
              {
                name: 'Filter 2',
                detail: '1 == 1',
                kind: SymbolKind.Object,
                // Q3 is not a queue of the workspace: shown by its SID.
                children: [{ name: Q3, kind: SymbolKind.Field }],
              },
            ],
          },
          { name: 'default_filter', detail: 'Everyone', kind: SymbolKind.Object },
        ],
      },
    ]);
  });

  it('names queues by SID without workspace data', () => {
    const [taskRouting] = service.findDocumentSymbols(documentOf(text));
    const defaultFilter = taskRouting.children!.find((s) => s.name === 'default_filter')!;
    assert.equal(defaultFilter.detail, Q2);
    assert.equal(taskRouting.children![0].children![0].children![0].name, Q1);
  });

  it('spans each object and selects its key or name, inside its range', () => {
    const [taskRouting] = service.findDocumentSymbols(documentOf(text), workspace);
    assert.deepEqual(taskRouting.range, { start: { line: 1, character: 2 }, end: { line: 17, character: 3 } });
    assert.equal(textOf(taskRouting.selectionRange), '"task_routing"');
    const filters = taskRouting.children![0];
    assert.equal(textOf(filters.selectionRange), '"filters"');
    const gold = filters.children![0];
    assert.deepEqual(gold.range, { start: { line: 3, character: 6 }, end: { line: 10, character: 7 } });
    assert.equal(textOf(gold.selectionRange), '"Gold"');
    assert.equal(textOf(gold.children![0].selectionRange), `"${Q1}"`);
    // The second target has no queue of its own: its opening brace is selected.
    assert.equal(textOf(gold.children![1].selectionRange), '{');
    assert.equal(textOf(taskRouting.children![1].selectionRange), '"default_filter"');
  });

  it('still outlines a half-typed document', () => {
    const broken = `{"task_routing": {"filters": [{"filter_friendly_name": "Sales", "expression": "a == 1", "targets": [{"queue": "${Q1}"`;
    const [taskRouting] = service.findDocumentSymbols(documentOf(broken), workspace);
    assert.equal(taskRouting.children![0].children![0].name, 'Sales');
    assert.equal(taskRouting.children![0].children![0].children![0].name, 'Gold Support');
  });

  it("shows a task queue document's targetWorkers", () => {
    const uri =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';
    const queue = '{\n  "friendlyName": "Gold",\n  "targetWorkers": "skills HAS \'gold\'"\n}';
    assert.deepEqual(shape(service.findDocumentSymbols(documentOf(queue, uri, 'json'))), [
      { name: 'targetWorkers', detail: "skills HAS 'gold'", kind: SymbolKind.Property },
    ]);
  });

  it('has nothing to show without task_routing', () => {
    assert.deepEqual(service.findDocumentSymbols(documentOf('{}')), []);
  });
});
