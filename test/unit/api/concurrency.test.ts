import { strict as assert } from 'node:assert';
import { ConflictError } from '../../../client/src/api';
import { ACCOUNT_SID, WK, WQ, WR, WS, WT, WW, clientFor, startServer, workerJson, type TestServer } from './helpers';

function taskJson(version: number): Record<string, unknown> {
  return {
    sid: WT,
    account_sid: ACCOUNT_SID,
    workspace_sid: WS,
    age: 3,
    assignment_status: 'pending',
    attributes: '{"type":"call"}',
    priority: version,
    timeout: 86400,
    workflow_sid: WW,
    task_queue_sid: WQ,
    date_created: '2024-01-01T00:00:00Z',
    date_updated: '2024-01-01T00:00:00Z',
    url: 'u',
    links: {},
  };
}

function workflowJson(dateUpdated: string): Record<string, unknown> {
  return {
    sid: WW,
    account_sid: ACCOUNT_SID,
    workspace_sid: WS,
    friendly_name: 'Flow',
    configuration: '{"task_routing":{"filters":[],"default_filter":{"queue":"WQ"}}}',
    task_reservation_timeout: 120,
    date_created: '2024-01-01T00:00:00Z',
    date_updated: dateUpdated,
    url: 'u',
    links: {},
  };
}

describe('REST client: optimistic concurrency', () => {
  let server: TestServer;

  describe('If-Match for tasks and workers', () => {
    /** A task whose ETag is its version; updates need If-Match equal to it when given. */
    let version = 1;
    beforeEach(async () => {
      version = 1;
      server = await startServer((req) => {
        const isWorker = req.path.includes('/Workers/');
        const body = isWorker ? workerJson(WK, 'Jamie') : taskJson(version);
        if (req.method === 'GET') return { body, headers: { ETag: `"${version}"` } };
        const ifMatch = req.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== `"${version}"`) {
          return {
            status: 412,
            body: {
              code: 20001,
              message: `If-Match ${String(ifMatch)} does not match the current version`,
              status: 412,
            },
          };
        }
        version++;
        if (req.method === 'DELETE') return { status: 204 };
        return { body: isWorker ? workerJson(WK, 'Jamie') : taskJson(version), headers: { ETag: `"${version}"` } };
      });
    });
    afterEach(() => server.close());

    it('a task carries its ETag, sends it as If-Match, and gets the new one back', async () => {
      const tasks = clientFor(server).tasks(WS);
      const task = await tasks.get(WT);
      assert.equal(task.etag, '"1"');
      const updated = await tasks.update(WT, { priority: 9 }, { ifMatch: task.etag! });
      assert.equal(server.requests[1]!.headers['if-match'], '"1"');
      assert.equal(updated.etag, '"2"');
    });

    it('a stale ETag gives ConflictError (412) and is not retried', async () => {
      const tasks = clientFor(server).tasks(WS);
      const stale = await tasks.get(WT);
      await tasks.update(WT, { priority: 2 }, { ifMatch: stale.etag! });
      const err = await tasks.update(WT, { priority: 3 }, { ifMatch: stale.etag! }).catch((e: unknown) => e);
      assert.ok(err instanceof ConflictError);
      assert.equal(err.status, 412);
      assert.match(err.message, /does not match/);
      assert.equal(server.requests.length, 3);
    });

    it('workers: If-Match on update and delete', async () => {
      const workers = clientFor(server).workers(WS);
      await workers.update(WK, { attributes: '{}' }, { ifMatch: '"1"' });
      await assert.rejects(workers.delete(WK, { ifMatch: '"1"' }), ConflictError);
      await workers.delete(WK, { ifMatch: '"2"' });
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.headers['if-match']]),
        [
          ['POST', '"1"'],
          ['DELETE', '"1"'],
          ['DELETE', '"2"'],
        ],
      );
    });

    it('reservation updates accept If-Match', async () => {
      await clientFor(server)
        .taskReservations(WS, WT)
        .update(WR, { reservationStatus: 'accepted' }, { ifMatch: '"1"' });
      assert.equal(server.requests[0]!.headers['if-match'], '"1"');
      assert.equal(server.requests[0]!.form.get('ReservationStatus'), 'accepted');
    });

    it('without ifMatch no If-Match header is sent', async () => {
      await clientFor(server).tasks(WS).update(WT, { priority: 1 });
      assert.equal(server.requests[0]!.headers['if-match'], undefined);
    });

    it('refuses ifMatch on resources without If-Match, pointing workflows at the helper', async () => {
      const client = clientFor(server);
      await assert.rejects(
        client.workflows(WS).update(WW, { friendlyName: 'x' }, { ifMatch: '"1"' }),
        /workflows\.update: If-Match is not supported by this resource; workflows have no If-Match; use updateWorkflowIfUnchanged/,
      );
      await assert.rejects(client.taskQueues(WS).update(WQ, {}, { ifMatch: '"1"' }), /If-Match is not supported/);
      assert.equal(server.requests.length, 0);
    });
  });

  describe('updateWorkflowIfUnchanged', () => {
    let dateUpdated = '2024-02-03T04:05:06Z';
    beforeEach(async () => {
      dateUpdated = '2024-02-03T04:05:06Z';
      server = await startServer((req) => {
        if (req.method === 'POST') dateUpdated = '2024-02-03T09:09:09Z';
        return { body: workflowJson(dateUpdated) };
      });
    });
    afterEach(() => server.close());

    it('updates when dateUpdated is unchanged (Date or string)', async () => {
      const client = clientFor(server);
      const wf = await client.workflows(WS).get(WW);
      const updated = await client.updateWorkflowIfUnchanged(WS, WW, { friendlyName: 'New' }, wf.dateUpdated!);
      assert.equal(updated.dateUpdated?.toISOString(), '2024-02-03T09:09:09.000Z');
      assert.deepEqual(
        server.requests.map((r) => r.method),
        ['GET', 'GET', 'POST'],
      );
      assert.equal(server.requests[2]!.form.get('FriendlyName'), 'New');
      await client.updateWorkflowIfUnchanged(WS, WW, { friendlyName: 'Again' }, '2024-02-03T09:09:09Z');
      assert.equal(server.requests.length, 5);
    });

    it('refuses with ConflictError and sends no update when the workflow changed', async () => {
      const client = clientFor(server);
      const wf = await client.workflows(WS).get(WW);
      dateUpdated = '2024-02-03T04:05:07Z'; // someone else saved it
      const err = await client
        .updateWorkflowIfUnchanged(WS, WW, { configuration: '{}' }, wf.dateUpdated!)
        .catch((e: unknown) => e);
      assert.ok(err instanceof ConflictError);
      assert.equal(err.status, 412);
      assert.equal(err.expectedDateUpdated?.toISOString(), '2024-02-03T04:05:06.000Z');
      assert.equal(err.actualDateUpdated?.toISOString(), '2024-02-03T04:05:07.000Z');
      assert.match(err.message, new RegExp(`Workflow ${WW} was not updated: it changed on the server`));
      assert.ok(server.requests.every((r) => r.method === 'GET'));
    });

    it('rejects an unreadable expected date before sending anything', async () => {
      await assert.rejects(
        clientFor(server).updateWorkflowIfUnchanged(WS, WW, {}, 'yesterday'),
        /expectedDateUpdated is not a valid date/,
      );
      assert.equal(server.requests.length, 0);
    });
  });
});
