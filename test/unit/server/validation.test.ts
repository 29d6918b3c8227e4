/**
 * The diagnostics scheduler on its own, with fakes: a run that fails outside the feature (publishing to a connection
 * that closed throws) is logged instead of left as an unhandled rejection, which would end the server process.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ValidationScheduler } from '../../../server/src/connection/validation';

const URI = 'file:///a.workflow.json';

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

describe('ValidationScheduler', () => {
  it('logs a run whose publishing throws instead of leaving its rejection unhandled', async () => {
    const document = TextDocument.create(URI, 'taskrouter-workflow', 1, '{}');
    const logs: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.prependListener('unhandledRejection', onUnhandled);
    try {
      const scheduler = new ValidationScheduler({
        document: () => document,
        accepts: () => true,
        workspaceData: () => Promise.resolve(null),
        compute: () => [],
        publish: () => {
          throw new Error('Connection is closed.');
        },
        log: (message) => logs.push(message),
        delayMs: 5,
        dataWaitMs: 1_000,
      });
      scheduler.opened(document);
      await settle();
      TextDocument.update(document, [{ text: '{ }' }], 2);
      scheduler.changed(document);
      await settle();
    } finally {
      process.removeListener('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(unhandled, []);
    assert.equal(logs.length, 2, logs.join('\n'));
    for (const line of logs)
      assert.match(line, /^Diagnostics run failed for file:\/\/\/a\.workflow\.json: Error: Connection is closed\./);
  });

  it('logs a run whose workspace data request throws at once', async () => {
    const document = TextDocument.create(URI, 'taskrouter-workflow', 1, '{}');
    const logs: string[] = [];
    const scheduler = new ValidationScheduler({
      document: () => document,
      accepts: () => true,
      workspaceData: () => {
        throw new Error('Connection is disposed.');
      },
      compute: () => [],
      publish: () => undefined,
      log: (message) => logs.push(message),
      delayMs: 5,
      dataWaitMs: 1_000,
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.prependListener('unhandledRejection', onUnhandled);
    try {
      assert.doesNotThrow(() => scheduler.opened(document));
      await settle();
    } finally {
      process.removeListener('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(unhandled, []);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0], /Connection is disposed\./);
  });
});
