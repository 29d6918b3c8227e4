/**
 * The bundled language server's feature requests over stdio: each reaches the language service with the document's
 * workspace data, and a document the service does not read gets empty answers. What each feature computes is tested
 * in test/unit/language/; here, one representative answer per request shows the routing works.
 */
import { strict as assert } from 'node:assert';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  SelectionRange,
  SemanticTokens,
  TextEdit,
} from 'vscode-languageserver/node';
import { applyEdits } from '../language/cursor';
import { SUPPORT_QUEUE, WORKSPACE, workflowText } from './fixtures';
import { positionOf, startServer, type TestServer } from './lspServer';

/** What accepting a completion item inserts. */
function inserted(item: CompletionItem): string {
  const edit = item.textEdit;
  if (edit) return edit.newText;
  return item.insertText ?? item.label;
}

function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return (contents as MarkupContent).value;
}

describe('language server over stdio: feature requests', function () {
  this.timeout(30_000);
  let server: TestServer | undefined;
  const s = (): TestServer => server!;
  const options = { tabSize: 2, insertSpaces: true };

  /** Opens a workflow and waits for its first diagnostics (so its workspace data is known). */
  async function open(uri: string, text: string, languageId = 'taskrouter-workflow'): Promise<Diagnostic[]> {
    const mark = s().published.length;
    await s().open(uri, text, languageId);
    if (languageId !== 'taskrouter-workflow') return [];
    return (await s().nextPublication(uri, mark)).diagnostics;
  }

  before(async () => {
    server = await startServer({ workspaceData: () => WORKSPACE });
  });

  after(async () => {
    await server?.stop();
  });

  it('completes a queue SID by the queue friendly name, inserting the SID', async () => {
    const uri = 'file:///tmp/complete.workflow.json';
    const text = '{\n  "task_routing": {\n    "default_filter": { "queue": "" }\n  }\n}';
    await open(uri, text);
    const list = await s().connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, '"queue": ""', '"queue": "'.length),
      context: { triggerKind: 2, triggerCharacter: '"' },
    });
    const item = list.items.find((i) => i.label.includes(SUPPORT_QUEUE.friendlyName));
    assert.ok(item, `an item named ${SUPPORT_QUEUE.friendlyName}: ${JSON.stringify(list.items.map((i) => i.label))}`);
    assert.ok(inserted(item).includes(SUPPORT_QUEUE.sid), `inserts the SID: ${JSON.stringify(item)}`);
  });

  it('opens the completion list on a space inside an expression only', async () => {
    const uri = 'file:///tmp/space.workflow.json';
    const text =
      '{\n  "task_routing": {\n    "filters": [\n      {\n        "filter_friendly_name": "a", "expression": "type ", ' +
      `"targets": [{ "queue": "${SUPPORT_QUEUE.sid}" }]\n      }\n    ]\n  }\n}`;
    await open(uri, text);
    const ask = (position: { line: number; character: number }) =>
      s().connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position,
        context: { triggerKind: 2, triggerCharacter: ' ' },
      });
    const inside = await ask(positionOf(text, '"type "', '"type '.length));
    const outside = await ask(positionOf(text, '"a", ', '"a", '.length));
    assert.ok(inside.items.length > 0, 'operators after an attribute name');
    assert.deepEqual(outside.items, [], 'a space between JSON tokens opens nothing');
  });

  it('hovers a queue SID with the queue name, its target workers expression and worker counts', async () => {
    const uri = 'file:///tmp/hover.workflow.json';
    const text = workflowText();
    await open(uri, text);
    const hover = await s().connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, `"default_filter": {\n      "queue": "${SUPPORT_QUEUE.sid}"`, 40),
    });
    const shown = hoverText(hover);
    assert.ok(shown.includes(SUPPORT_QUEUE.friendlyName), shown);
    assert.ok(shown.includes(SUPPORT_QUEUE.targetWorkers!), shown);
    assert.match(shown, /\b17\b/, 'eligible workers');
    assert.match(shown, /\b9\b/, 'available workers');
  });

  it('offers the quick fix of a legacy key, replacing it with the modern key', async () => {
    const uri = 'file:///tmp/legacy.workflow.json';
    const text = `{"task_routing": {"default_filter": {"task_queue_sid": "${SUPPORT_QUEUE.sid}"}}}`;
    const diagnostics = (await open(uri, text)).filter((d) => d.code === 'legacy-key');
    assert.equal(diagnostics.length, 1);
    const actions = await s().connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(
      applyEdits(text, fix.edit!.changes![uri]),
      `{"task_routing": {"default_filter": {"queue": "${SUPPORT_QUEUE.sid}"}}}`,
    );
  });

  it('formats the document and a range', async () => {
    const uri = 'file:///tmp/format.workflow.json';
    const text = `{"task_routing":{"default_filter":{"queue":"${SUPPORT_QUEUE.sid}"}}}`;
    await open(uri, text);
    const edits = await s().connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options,
    });
    const formatted = applyEdits(text, edits);
    assert.equal(formatted, JSON.stringify(JSON.parse(text), null, 2));
    const rangeEdits = await s().connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
      options,
    });
    assert.ok(rangeEdits.length > 0);
  });

  it('gives semantic tokens for the expressions, in the announced legend', async () => {
    const uri = 'file:///tmp/tokens.workflow.json';
    await open(uri, workflowText());
    const tokens = await s().connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    assert.ok(tokens.data.length > 0);
    assert.equal(tokens.data.length % 5, 0, 'five integers per token');
    const legend = (s().initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } })
      .legend;
    for (let i = 3; i < tokens.data.length; i += 5) assert.ok(tokens.data[i] < legend.tokenTypes.length);
  });

  it('outlines filters by name, folds and selects', async () => {
    const uri = 'file:///tmp/outline.workflow.json';
    const text = workflowText();
    await open(uri, text);
    const symbols = await s().connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const names = JSON.stringify(symbols);
    assert.ok(names.includes('English support'), names);
    const folds = await s().connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    assert.ok(folds.length > 0);
    const position = positionOf(text, 'task.language', 2);
    const selections = await s().connection.sendRequest<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [position],
    });
    assert.equal(selections.length, 1);
  });

  it('answers empty for a document the service does not read, whatever it contains', async () => {
    const uri = 'file:///tmp/package.json';
    const text = workflowText();
    await open(uri, text, 'json');
    const textDocument = { uri };
    const position = positionOf(text, 'task.language', 2);
    const answers = {
      completion: await s().connection.sendRequest('textDocument/completion', { textDocument, position }),
      hover: await s().connection.sendRequest('textDocument/hover', { textDocument, position }),
      codeAction: await s().connection.sendRequest('textDocument/codeAction', {
        textDocument,
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      documentSymbol: await s().connection.sendRequest('textDocument/documentSymbol', { textDocument }),
      foldingRange: await s().connection.sendRequest('textDocument/foldingRange', { textDocument }),
      formatting: await s().connection.sendRequest('textDocument/formatting', { textDocument, options }),
      semanticTokens: await s().connection.sendRequest('textDocument/semanticTokens/full', { textDocument }),
    };
    assert.deepEqual(answers, {
      completion: { isIncomplete: false, items: [] },
      hover: null,
      codeAction: [],
      documentSymbol: [],
      foldingRange: [],
      formatting: [],
      semanticTokens: { data: [] },
    });
    // The same text as a workflow: the answers above are empty because of the document kind, not its text.
    const workflow = 'file:///tmp/package-twin.workflow.json';
    await open(workflow, text);
    const folds = await s().connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri: workflow },
    });
    assert.ok(folds.length > 0);
  });
});
