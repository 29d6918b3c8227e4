import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { accountContext, folderContext, resourceContext } from '../../../client/src/explorer/contextValues';
import { KINDS, ResourceKind, WORKSPACE_FOLDERS } from '../../../client/src/explorer/resourceKinds';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; icon?: string }[];
    menus: Record<string, MenuItem[]>;
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
  };
};
const declared = new Set(manifest.contributes.commands.map((c) => c.command));
const itemMenu = manifest.contributes.menus['view/item/context'];

/** The commands whose `when` matches a context value, as VS Code evaluates `viewItem =~ /re/` and `viewItem == x`. */
function commandsFor(contextValue: string, inline: boolean): string[] {
  return itemMenu
    .filter((m) => (m.group ?? '').startsWith('inline') === inline)
    .filter((m) => {
      const when = m.when ?? '';
      const regex = /viewItem =~ \/(.*)\/(?:\s|$)/.exec(when);
      if (regex) {
        return new RegExp(regex[1]).test(contextValue);
      }
      const eq = /viewItem == (\S+)/.exec(when);
      return eq ? eq[1] === contextValue : true;
    })
    .map((m) => m.command);
}

describe('manifest: commands and menus of the explorer', () => {
  it('menus only name declared commands, and tree-only commands are hidden from the palette', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok(declared.has(item.command), `${menu}: ${item.command} is not declared`);
      }
    }
    const hidden = manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    assert.deepEqual(hidden.sort(), ['taskrouter.filterTasks', 'taskrouter.loadMore', 'taskrouter.retry']);
    for (const c of manifest.contributes.commands) {
      assert.match(c.title, /^[A-Z]/, c.command);
      if (c.icon) {
        assert.match(c.icon, /^\$\([a-z-]+\)$/, `${c.command} uses a codicon`);
      }
    }
    assert.ok(manifest.activationEvents.includes('onFileSystem:taskrouter'));
  });

  it('every menu group is ordered (group@n)', () => {
    for (const item of itemMenu.concat(manifest.contributes.menus['view/title'])) {
      assert.match(item.group ?? '', /^(inline|navigation|\d_[a-z]+)@\d+$/, `${item.command} in ${item.when}`);
    }
  });

  it('composed context values select the right menu items', () => {
    const workflow = commandsFor(resourceContext('workflow'), false);
    assert.ok(workflow.includes('taskrouter.openWorkflowConfiguration'));
    assert.ok(workflow.includes('taskrouter.delete'));
    assert.ok(workflow.includes('taskrouter.rename'));
    assert.ok(!workflow.includes('taskrouter.changeWorkerActivity'));
    assert.ok(commandsFor(resourceContext('worker'), false).includes('taskrouter.changeWorkerActivity'));
    assert.ok(!commandsFor(resourceContext('task'), false).includes('taskrouter.rename'), 'tasks have no name');
    assert.ok(!commandsFor(resourceContext('taskQueue'), false).includes('taskrouter.openWorkflowConfiguration'));
    for (const kind of WORKSPACE_FOLDERS) {
      const create = `taskrouter.create${KINDS[kind].title.replace(/ /g, '')}`;
      assert.ok(declared.has(create), create);
      const menu = commandsFor(folderContext(kind), false);
      assert.deepEqual(
        menu.filter((c) => c.startsWith('taskrouter.create')),
        [create],
        `the ${kind} folder offers exactly its own create`,
      );
      assert.ok(commandsFor(folderContext(kind), true).includes(create), `${kind} folder has an inline create`);
      assert.ok(commandsFor(resourceContext('workspace'), false).includes(create));
    }
    assert.ok(commandsFor(folderContext('task', true), true).includes('taskrouter.filterTasks'));
    assert.ok(!commandsFor(folderContext('taskQueue'), true).includes('taskrouter.filterTasks'));
    assert.ok(commandsFor(accountContext('stored'), false).includes('taskrouter.removeAccount'));
    assert.ok(!commandsFor(accountContext('localSandbox'), false).includes('taskrouter.removeAccount'));
    assert.ok(!commandsFor(accountContext('environment'), false).includes('taskrouter.renameAccount'));
    assert.ok(commandsFor('error', true).includes('taskrouter.retry'));
    const kinds: ResourceKind[] = ['workspace', ...WORKSPACE_FOLDERS];
    for (const kind of kinds) {
      for (const c of ['taskrouter.openResource', 'taskrouter.copySid', 'taskrouter.delete', 'taskrouter.refresh']) {
        assert.ok(commandsFor(resourceContext(kind), false).includes(c), `${c} on ${kind}`);
      }
    }
  });
});

describe('manifest: the workflow language', () => {
  const palette = (command: string) => manifest.contributes.menus.commandPalette.find((m) => m.command === command);

  it('activates for workflow documents and for the JSON documents it may offer to switch', () => {
    for (const event of ['onLanguage:taskrouter-workflow', 'onLanguage:json', 'onLanguage:jsonc']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
  });

  it('offers Link and Unlink in the palette only in a local workflow editor', () => {
    assert.equal(
      palette('taskrouter.linkWorkflowFile')?.when,
      'editorLangId == taskrouter-workflow && resourceScheme != taskrouter',
    );
    assert.equal(
      palette('taskrouter.unlinkWorkflowFile')?.when,
      'editorLangId == taskrouter-workflow && taskrouter.workflowFileLinked',
    );
    const explorer = manifest.contributes.menus['explorer/context'] ?? [];
    const link = explorer.find((m) => m.command === 'taskrouter.linkWorkflowFile');
    assert.ok(link, 'the file explorer offers Link on workflow files');
    const pattern = /resourceFilename =~ \/(.*)\/$/.exec(link.when ?? '');
    assert.ok(pattern, link.when);
    assert.ok(new RegExp(pattern[1]).test('support.workflow.json'));
    assert.ok(!new RegExp(pattern[1]).test('package.json'));
  });

  it('declares the detection setting with its three modes, asking by default', () => {
    const detection = manifest.contributes.configuration.properties['taskrouter.workflowDetection'];
    assert.deepEqual(detection?.enum, ['ask', 'always', 'never']);
    assert.equal(detection?.default, 'ask');
  });
});
