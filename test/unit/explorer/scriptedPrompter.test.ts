import { strict as assert } from 'node:assert';
import { UserCancelledError } from '../../../client/src/ui/prompter';
import { ScriptedPrompter, UnexpectedPromptError } from '../../../client/src/ui/scriptedPrompter';

const items = [{ label: 'FIFO' }, { label: 'NONE' }];

describe('ui/ScriptedPrompter', () => {
  it('answers prompts in order, each for the step it names', async () => {
    const p = new ScriptedPrompter([
      { step: 'name', input: 'Support' },
      { step: 'template', pick: 'NONE' },
      { step: 'statuses', pickMany: ['FIFO', 'NONE'] },
      { step: 'confirm', action: 'Delete' },
    ]);
    assert.equal(await p.inputBox({ step: 'name', prompt: 'Name?' }), 'Support');
    assert.equal((await p.quickPick(Promise.resolve(items), { step: 'template', placeHolder: '' })).label, 'NONE');
    assert.deepEqual(await p.quickPickMany(items, { step: 'statuses', placeHolder: '' }), items);
    assert.equal(await p.ask('Delete?', { step: 'confirm' }, 'Delete'), 'Delete');
    assert.deepEqual(p.remaining, []);
    assert.deepEqual(
      p.prompts.map((r) => [r.kind, r.step]),
      [
        ['input', 'name'],
        ['pick', 'template'],
        ['pickMany', 'statuses'],
        ['ask', 'confirm'],
      ],
    );
  });

  it('fails at once on a prompt it has no answer for, or for another step', async () => {
    const p = new ScriptedPrompter([{ step: 'a', input: 'x' }]);
    await assert.rejects(p.inputBox({ step: 'b', prompt: 'B?' }), UnexpectedPromptError);
    await assert.rejects(p.ask('More?', { step: 'c' }, 'Yes'), /no scripted answer left/);
    assert.equal(p.failures.length, 2);
    assert.match(p.failures[0], /Prompt 'b' came, but the script expected 'a'/);
  });

  it('fails when the answer does not fit the prompt', async () => {
    const p = new ScriptedPrompter([
      { step: 'kind', pick: 'LIFO' },
      { step: 'confirm', action: 'Remove' },
      { step: 'text', pick: 'x' },
    ]);
    await assert.rejects(
      p.quickPick(items, { step: 'kind', placeHolder: '' }),
      /No item 'LIFO' in 'kind'; offered: FIFO \| NONE/,
    );
    await assert.rejects(p.ask('Delete?', { step: 'confirm' }, 'Delete'), /offers Delete/);
    await assert.rejects(p.inputBox({ step: 'text', prompt: '?' }), /is an input box/);
  });

  it("runs the prompt's validation, and cancels like Escape", async () => {
    const p = new ScriptedPrompter([
      { step: 'json', input: '{' },
      { step: 'name', cancel: true },
      { step: 'confirm', cancel: true },
    ]);
    await assert.rejects(
      p.inputBox({ step: 'json', prompt: '?', validate: (v) => (v === '{' ? 'Not valid JSON' : undefined) }),
      /Input '\{' for 'json' was refused: Not valid JSON/,
    );
    assert.deepEqual(p.refused, ['json: Not valid JSON']);
    assert.deepEqual(p.failures, []);
    await assert.rejects(p.inputBox({ step: 'name', prompt: '?' }), UserCancelledError);
    assert.equal(await p.ask('Sure?', { step: 'confirm' }, 'Yes'), undefined);
  });

  it('records messages without waiting', () => {
    const p = new ScriptedPrompter();
    p.info('done');
    p.error('failed');
    assert.deepEqual([p.infos, p.errors], [['done'], ['failed']]);
  });
});
