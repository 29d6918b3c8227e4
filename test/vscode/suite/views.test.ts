import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate } from './support/extension';
import { screenshot } from './support/screenshot';

describe('TaskRouter view', () => {
  before(async () => {
    await activate();
  });

  it('opens in the side bar (screenshot taskrouter-view.png)', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.taskrouter');
    await vscode.commands.executeCommand('taskrouter.explorer.focus');
    // The runner waits for the side bar's title to name the container before it takes the picture.
    const file = await screenshot('taskrouter-view', {
      waitForSelector: '.part.sidebar .composite.title :text-matches("TaskRouter", "i")',
    });
    if (file) assert.ok(fs.statSync(file).size > 10_000, `${file} is suspiciously small`);
  });
});
