// One REST client per account, made from the account's credentials when first needed.
import { AuthenticationError, TaskRouterClient, type RequestLogEvent } from '../api';
import { errorMessage } from '../log';
import type { Logger } from '../log';
import type { Credentials } from './account';
import type { AccountStore } from './accountStore';

export class ClientProvider {
  private readonly clients = new Map<string, { key: string; client: TaskRouterClient }>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly log: Logger,
  ) {}

  /** The client of an account (starting the local sandbox when that is the account). */
  async get(accountId: string): Promise<TaskRouterClient> {
    const credentials = await this.accounts.credentials(accountId);
    const key = `${credentials.username}@${credentials.baseUrl ?? ''}`;
    const cached = this.clients.get(accountId);
    if (cached && cached.key === key) {
      return cached.client;
    }
    const client = createClient(credentials, this.log);
    this.clients.set(accountId, { key, client });
    return client;
  }

  /** Forgets the client of an account (after it was removed, or its credentials changed). */
  forget(accountId: string): void {
    this.clients.delete(accountId);
  }
}

export function createClient(credentials: Credentials, log?: Logger): TaskRouterClient {
  return new TaskRouterClient(credentials.username, credentials.secret, {
    accountSid: credentials.accountSid,
    ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
    ...(log ? { logger: (e: RequestLogEvent) => log.trace(describeRequest(e)) } : {}),
  });
}

/**
 * Checks credentials against the API before they are stored: lists one workspace. Rejects with the
 * client's error (an AuthenticationError names the SID, never the secret).
 */
export async function checkCredentials(credentials: Credentials): Promise<void> {
  await createClient(credentials).workspaces.page({ pageSize: 1 });
}

/**
 * Why a credential check failed, for a message: the API refused the credentials, or it could not be
 * asked at all (no network, a wrong URL, a server error). Never mentions the secret.
 */
export function describeCheckFailure(error: unknown): string {
  return error instanceof AuthenticationError
    ? `the API refused the credentials. ${errorMessage(error)}`
    : `the credentials could not be checked. ${errorMessage(error)}`;
}

function describeRequest(e: RequestLogEvent): string {
  const outcome = e.status !== undefined ? `HTTP ${e.status}` : (e.error ?? 'no answer');
  const retry = e.retryInMs !== undefined ? `, retrying in ${e.retryInMs} ms` : '';
  return `${e.method} ${e.path} (attempt ${e.attempt}) -> ${outcome} in ${e.durationMs} ms${retry}`;
}
