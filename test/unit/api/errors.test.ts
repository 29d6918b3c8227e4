import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  TaskRouterClient,
  TwilioApiError,
  parseErrorBody,
} from '../../../client/src/api';
import { ACCOUNT_SID, AUTH_TOKEN, WK, WS, clientFor, startServer, type Reply, type TestServer } from './helpers';

describe('REST client: errors', () => {
  let server: TestServer;
  let reply: Reply = { status: 200, body: {} };

  beforeEach(async () => {
    server = await startServer(() => reply);
  });
  afterEach(() => server.close());

  it('parses the legacy {code, message, more_info, status} body', async () => {
    reply = {
      status: 404,
      body: {
        code: 20404,
        message: `The requested resource /Workspaces/${WS}/Workers/${WK} was not found`,
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      },
    };
    const err = await clientFor(server)
      .workers(WS)
      .get(WK)
      .then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      );
    assert.ok(err instanceof TwilioApiError);
    assert.equal(err.status, 404);
    assert.equal(err.code, 20404);
    assert.equal(err.message, `The requested resource /Workspaces/${WS}/Workers/${WK} was not found`);
    assert.equal(err.moreInfo, 'https://www.twilio.com/docs/errors/20404');
    assert.equal(err.method, 'GET');
    assert.equal(err.path, `/v1/Workspaces/${WS}/Workers/${WK}`);
    assert.equal(err.name, 'TwilioApiError');
  });

  it('keeps legacy details', async () => {
    reply = {
      status: 400,
      body: { code: 20001, message: 'Invalid', more_info: 'x', status: 400, details: { field: 'Attributes' } },
    };
    const err = await clientFor(server)
      .workers(WS)
      .create({ friendlyName: 'a' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof TwilioApiError);
    assert.deepEqual(err.details, { field: 'Attributes' });
    assert.equal(err.code, 20001);
  });

  it('parses the RFC 9457 {type, title, status, detail, code} body', async () => {
    reply = {
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
      body: {
        type: 'https://www.twilio.com/docs/errors/20001',
        title: 'Invalid parameter',
        status: 400,
        detail: 'FriendlyName is required',
        code: 20001,
        instance: '/v1/Workspaces',
      },
    };
    const err = await clientFor(server)
      .workspaces.create({ friendlyName: 'x' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof TwilioApiError);
    assert.equal(err.status, 400);
    assert.equal(err.code, 20001);
    assert.equal(err.message, 'FriendlyName is required');
    assert.equal(err.moreInfo, 'https://www.twilio.com/docs/errors/20001');
    assert.equal(err.title, 'Invalid parameter');
    assert.deepEqual(err.details, { instance: '/v1/Workspaces' });
  });

  it('turns a non-JSON body into a readable error', async () => {
    reply = {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    };
    const client = clientFor(server, { retry: { maxAttempts: 1 } });
    const err = await client
      .workers(WS)
      .get(WK)
      .catch((e: unknown) => e);
    assert.ok(err instanceof TwilioApiError);
    assert.equal(err.status, 502);
    assert.equal(err.code, null);
    assert.equal(err.message, 'HTTP 502 Bad Gateway: 502 Bad Gateway');
    assert.match(err.rawBody!, /<h1>/);
  });

  it('parses shapes directly, including empty and malformed bodies', () => {
    assert.deepEqual(parseErrorBody(503, ''), { code: null, message: 'HTTP 503 Service Unavailable', moreInfo: null });
    assert.equal(parseErrorBody(500, '{not json').message, 'HTTP 500 Internal Server Error: {not json');
    assert.equal(parseErrorBody(400, '{"code":"20001","message":"m"}').code, 20001);
    assert.equal(parseErrorBody(400, '{"title":"T","status":400}').message, 'T');
    assert.equal(parseErrorBody(400, '{"type":"about:blank","title":"T"}').moreInfo, null);
  });

  it('reports a 2xx answer that is not JSON', async () => {
    reply = { status: 200, body: 'hello' };
    await assert.rejects(
      clientFor(server).workers(WS).get(WK),
      /GET \/v1\/Workspaces\/WS\w+\/Workers\/WK\w+ answered HTTP 200 with a body that is not JSON/,
    );
  });

  for (const [label, username] of [
    ['Account SID', ACCOUNT_SID],
    ['API Key SID', 'SK' + '9'.repeat(32)],
  ] as const) {
    it(`says authentication failed and names the ${label}, never the secret`, async () => {
      reply = {
        status: 401,
        body: {
          code: 20003,
          message: 'Authenticate',
          more_info: 'https://www.twilio.com/docs/errors/20003',
          status: 401,
        },
      };
      const client = new TaskRouterClient(username, AUTH_TOKEN, { baseUrl: server.baseUrl, retry: { maxAttempts: 1 } });
      const err = await client.workspaces.page().catch((e: unknown) => e);
      assert.ok(err instanceof AuthenticationError);
      assert.ok(err instanceof TwilioApiError);
      assert.equal(err.status, 401);
      assert.equal(err.code, 20003);
      assert.match(err.message, /Authentication failed/);
      assert.ok(err.message.includes(`${label} ${username}`), err.message);
      assert.equal(err.credentialSid, username);
      for (const text of [err.message, String(err.stack), inspect(err, { depth: 10 }), JSON.stringify(err)]) {
        assert.ok(!text.includes(AUTH_TOKEN), 'the secret must not appear');
      }
      assert.equal(server.requests.length, 1, '401 is not retried');
    });
  }

  it('redacts the secret if a server echoes it back', async () => {
    reply = { status: 400, body: { code: 20001, message: `bad token ${AUTH_TOKEN} given`, status: 400 } };
    const err = await clientFor(server)
      .workers(WS)
      .get(WK)
      .catch((e: unknown) => e);
    assert.ok(err instanceof TwilioApiError);
    assert.equal(err.message, 'bad token [redacted] given');
  });

  it('treats code 20003 on another status as an authentication failure', async () => {
    reply = { status: 403, body: { code: 20003, message: 'Permission denied', status: 403 } };
    const err = await clientFor(server)
      .workers(WS)
      .get(WK)
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthenticationError);
    assert.match(err.message, /Account SID AC/);
  });

  it('maps 412 to ConflictError', async () => {
    reply = { status: 412, body: { code: 20412, message: 'Precondition failed', status: 412 } };
    const err = await clientFor(server)
      .workers(WS)
      .update(WK, { friendlyName: 'x' }, { ifMatch: '"1"' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ConflictError);
    assert.ok(err instanceof TwilioApiError);
    assert.equal(err.status, 412);
  });

  it('NetworkError names the method and path and has no credentials', async () => {
    const closed = await startServer(() => reply);
    const url = closed.baseUrl;
    await closed.close();
    const client = new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, {
      baseUrl: url,
      retry: { maxAttempts: 2, sleep: () => Promise.resolve() },
    });
    const err = await client
      .workers(WS)
      .get(WK)
      .catch((e: unknown) => e);
    assert.ok(err instanceof NetworkError);
    assert.equal(err.errorCode, 'ECONNREFUSED');
    assert.equal(err.mayHaveBeenProcessed, false);
    assert.match(
      err.message,
      new RegExp(
        `^Network error on GET /v1/Workspaces/${WS}/Workers/${WK} \\(could not connect to 127\\.0\\.0\\.1:\\d+\\): connection refused \\(ECONNREFUSED\\) \\(2 attempts\\)\\.$`,
      ),
    );
    assert.ok(!err.message.includes(AUTH_TOKEN));
    assert.ok(!err.message.includes(ACCOUNT_SID));
  });
});
