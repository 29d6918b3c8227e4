import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, extension, manifest } from './support/extension';
import { errorLines, extensionHostLog, logFiles } from './support/logs';
import { waitFor } from './support/wait';

describe('activation', () => {
  before(async () => {
    await activate();
  });

  it('is installed under its manifest id', () => {
    const { publisher, name } = manifest();
    assert.strictEqual(`${publisher}.${name}`, EXTENSION_ID);
  });

  it('activates, and the logs show no error about it', async () => {
    assert.strictEqual(extension().isActive, true);
    // Wait until the extension host's log has been written up to the activation, then read it.
    const log = await waitFor(`the extension host's log to record the activation of ${EXTENSION_ID}`, () => {
      const found = extensionHostLog();
      return found?.text.includes(EXTENSION_ID) ? found : undefined;
    });
    const aboutUs = errorLines(log.text).filter((line) => line.includes(EXTENSION_ID) || /taskrouter/i.test(line));
    assert.deepStrictEqual(aboutUs, [], `errors in ${log.file}`);
    // The extension's own log and output channels (a folder named after the extension, or a file named TaskRouter...).
    for (const file of logFiles().filter((f) => f.includes(EXTENSION_ID) || /taskrouter/i.test(path.basename(f)))) {
      assert.deepStrictEqual(errorLines(fs.readFileSync(file, 'utf8')), [], `errors in ${file}`);
    }
  });

  it('registers every command declared in contributes.commands', async () => {
    const declared = (manifest().contributes?.commands ?? []).map((c) => c.command);
    assert.ok(declared.length > 0, 'the manifest declares no command');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      declared.filter((command) => !registered.has(command)),
      [],
      'declared in package.json but not registered',
    );
  });

  it('registers its view containers and views', async () => {
    const contributes = manifest().contributes ?? {};
    const containers = Object.values(contributes.viewsContainers ?? {}).flat();
    const views = Object.values(contributes.views ?? {}).flat();
    assert.ok(
      containers.some((c) => c.id === 'taskrouter'),
      'no view container with id taskrouter',
    );
    assert.ok(views.length > 0, 'the manifest declares no view');
    // VS Code creates a command to show each view container and to focus each view it registered.
    const registered = new Set(await vscode.commands.getCommands(true));
    const expected = [
      ...containers.map((c) => `workbench.view.extension.${c.id}`),
      ...views.map((v) => `${v.id}.focus`),
    ];
    assert.deepStrictEqual(
      expected.filter((command) => !registered.has(command)),
      [],
      'views or containers VS Code did not register',
    );
    for (const command of expected) await vscode.commands.executeCommand(command);
  });
});
