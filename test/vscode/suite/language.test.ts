import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activate, manifest } from './support/extension';
import { screenshot } from './support/screenshot';
import { waitFor } from './support/wait';
import { replaceText, writeWorkspaceFile } from './support/workspace';

const LANGUAGE_ID = 'taskrouter-workflow';
const QUEUE = 'WQ' + '0123456789abcdef'.repeat(2);

/** A workflow configuration with two mistakes: a workspace SID where a queue SID belongs, and a broken expression. */
const INVALID = `{
  "task_routing": {
    "filters": [
      {
        "filter_friendly_name": "Gold Tickets",
        "expression": "customer_value == 'Gold' AND",
        "targets": [{ "queue": "WS0123456789abcdef0123456789abcdef" }]
      }
    ],
    "default_filter": { "queue": "${QUEUE}" }
  }
}
`;

/** The same configuration, corrected. */
const VALID = `{
  "task_routing": {
    "filters": [
      {
        "filter_friendly_name": "Gold Tickets",
        "expression": "customer_value == 'Gold'",
        "targets": [{ "queue": "${QUEUE}" }]
      }
    ],
    "default_filter": { "queue": "${QUEUE}" }
  }
}
`;

function errors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

describe('workflow language', () => {
  before(async () => {
    await activate();
  });

  it(`gives files matching the manifest's patterns the language id ${LANGUAGE_ID}`, async () => {
    const language = manifest().contributes?.languages?.find((l) => l.id === LANGUAGE_ID);
    assert.ok(language, `the manifest declares no language ${LANGUAGE_ID}`);
    const suffixes = [
      ...(language.extensions ?? []),
      ...(language.filenamePatterns ?? []).map((p) => p.replace('*', '')),
    ];
    assert.ok(suffixes.includes('.workflow.json'), 'x.workflow.json is not among the declared patterns');
    for (const suffix of new Set(suffixes)) {
      const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile(`x${suffix}`, '{}\n'));
      assert.strictEqual(document.languageId, LANGUAGE_ID, `language of x${suffix}`);
    }
  });

  it('reports errors in an invalid workflow and clears them once it is fixed', async () => {
    const uri = await writeWorkspaceFile('gold.workflow.json', INVALID);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const events = [vscode.languages.onDidChangeDiagnostics];

    const found = await waitFor(
      'the language server to report errors in gold.workflow.json',
      () => {
        const list = errors(uri);
        return list.length > 0 ? list : undefined;
      },
      { events, timeoutMs: 30_000 },
    );
    for (const diagnostic of found) {
      assert.ok(diagnostic.message.length > 0, 'a diagnostic without a message');
      assert.ok(diagnostic.range.end.line < document.lineCount, `range outside the document: ${diagnostic.message}`);
    }
    // The queue mistake is on the line of the workspace SID.
    const sidLine = INVALID.split('\n').findIndex((line) => line.includes('"WS0123'));
    assert.ok(
      found.some((d) => d.range.start.line === sidLine),
      `no error on line ${sidLine + 1}: ${found.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
    );
    await screenshot('workflow-diagnostics', { waitForSelector: '.monaco-editor .squiggly-error' });

    await replaceText(document, VALID);
    await waitFor('the errors to clear after the fix', () => errors(uri).length === 0, { events, timeoutMs: 30_000 });
  });
});
