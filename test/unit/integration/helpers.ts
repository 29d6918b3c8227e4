/**
 * Shared helpers of the integration tests: the REST client (client/src/api) against the offline sandbox
 * (sandbox/src), both started and stopped by the tests on 127.0.0.1, port 0.
 */
import * as assert from 'node:assert/strict';
import { TaskRouterClient, TwilioApiError, type TaskRouterClientOptions } from '../../../client/src/api';
import type { Sandbox } from '../../../sandbox/src/index';

/** A SID with the given two-letter prefix: 32 lower-case hex digits follow. */
export function sidPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}[0-9a-f]{32}$`);
}

/** A client authenticated as the sandbox's account, talking to `baseUrl` (the sandbox itself by default). */
export function clientFor(
  sandbox: Pick<Sandbox, 'url' | 'accountSid' | 'authToken'>,
  options: TaskRouterClientOptions = {},
): TaskRouterClient {
  return new TaskRouterClient(sandbox.accountSid, sandbox.authToken, { baseUrl: sandbox.url, ...options });
}

/** Drains a lazy list into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Asserts that `promise` rejects with a TwilioApiError of this HTTP status and Twilio code. */
export async function assertApiError(promise: Promise<unknown>, status: number, code: number): Promise<TwilioApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof TwilioApiError, `expected a TwilioApiError ${status}/${code}, got ${String(caught)}`);
  assert.equal(caught.status, status, caught.message);
  assert.equal(caught.code, code, caught.message);
  return caught;
}
