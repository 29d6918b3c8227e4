// The accounts the explorer shows: those the user added or imported (metadata in globalState, the
// secret only in SecretStorage), the TWILIO_* environment account when those variables are set,
// and the built-in local sandbox.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Account, Credentials, ENVIRONMENT_ID, LOCAL_SANDBOX_ID } from './account';
import { environmentCandidate, isAccountSid, isApiKeySid, isHttpUrl } from './credentialSources';
import type { LocalSandbox } from './localSandbox';

const ACCOUNTS_KEY = 'taskrouter.accounts';
const secretKey = (id: string) => `taskrouter.account.${id}.secret`;

interface StoredAccount {
  id: string;
  label: string;
  accountSid: string;
  username: string;
  baseUrl?: string;
  source: string;
}

export interface NewAccount {
  label: string;
  accountSid: string;
  username: string;
  secret: string;
  baseUrl?: string;
  source: string;
}

export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after an account is added, renamed or removed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly sandbox: LocalSandbox,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly onSecret: (secret: string) => void,
  ) {}

  private stored(): StoredAccount[] {
    return this.state.get<StoredAccount[]>(ACCOUNTS_KEY, []);
  }

  /** Stored accounts in the order added, then the environment account, then the local sandbox. */
  list(): Account[] {
    const accounts: Account[] = this.stored().map((s) => ({
      id: s.id,
      label: s.label,
      kind: 'stored',
      accountSid: s.accountSid,
      username: s.username,
      baseUrl: s.baseUrl,
      source: s.source,
    }));
    const env = environmentCandidate(this.env).candidate;
    if (env) {
      accounts.push({
        id: ENVIRONMENT_ID,
        label: env.label,
        kind: 'environment',
        accountSid: env.accountSid,
        username: env.username,
        baseUrl: env.baseUrl,
        source: env.source,
      });
    }
    accounts.push({
      id: LOCAL_SANDBOX_ID,
      label: 'Local sandbox',
      kind: 'localSandbox',
      accountSid: this.sandbox.accountSid,
      username: this.sandbox.accountSid,
      baseUrl: this.sandbox.url,
      source: 'the offline sandbox built into this extension',
    });
    return accounts;
  }

  get(id: string): Account | undefined {
    return this.list().find((a) => a.id === id);
  }

  /** Checks the fields of a new account; returns what is wrong, or undefined. Never mentions the secret's value. */
  static validate(input: NewAccount): string | undefined {
    if (input.label.trim() === '') {
      return 'The account name cannot be empty.';
    }
    if (!isAccountSid(input.accountSid)) {
      return `'${input.accountSid}' is not an Account SID (AC followed by 32 hex digits).`;
    }
    if (!isApiKeySid(input.username) && input.username !== input.accountSid) {
      return `'${input.username}' must be the Account SID or an API Key SID (SK followed by 32 hex digits).`;
    }
    if (input.secret.trim() === '') {
      return 'The Auth Token or API Key secret cannot be empty.';
    }
    if (input.baseUrl !== undefined && !isHttpUrl(input.baseUrl)) {
      return `'${input.baseUrl}' is not an http(s) URL.`;
    }
    return undefined;
  }

  /** Stores a new account: its secret in SecretStorage, everything else in globalState. */
  async add(input: NewAccount): Promise<Account> {
    const problem = AccountStore.validate(input);
    if (problem) {
      throw new Error(problem);
    }
    const id = randomBytes(8).toString('hex');
    await this.secrets.store(secretKey(id), input.secret);
    this.onSecret(input.secret);
    const entry: StoredAccount = {
      id,
      label: input.label.trim(),
      accountSid: input.accountSid,
      username: input.username,
      source: input.source,
    };
    if (input.baseUrl) {
      entry.baseUrl = input.baseUrl.replace(/\/+$/, '');
    }
    await this.state.update(ACCOUNTS_KEY, [...this.stored(), entry]);
    this.changed.fire();
    const account = this.get(id);
    if (!account) {
      throw new Error('The account was not stored.');
    }
    return account;
  }

  async rename(id: string, label: string): Promise<void> {
    const trimmed = label.trim();
    if (trimmed === '') {
      throw new Error('The account name cannot be empty.');
    }
    const all = this.stored();
    const entry = all.find((a) => a.id === id);
    if (!entry) {
      throw new Error(this.notStoredMessage(id, 'renamed'));
    }
    entry.label = trimmed;
    await this.state.update(ACCOUNTS_KEY, all);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    const all = this.stored();
    if (!all.some((a) => a.id === id)) {
      throw new Error(this.notStoredMessage(id, 'removed'));
    }
    await this.state.update(
      ACCOUNTS_KEY,
      all.filter((a) => a.id !== id),
    );
    await this.secrets.delete(secretKey(id));
    this.changed.fire();
  }

  private notStoredMessage(id: string, what: string): string {
    const account = this.get(id);
    if (account?.kind === 'environment') {
      return `The '${account.label}' account comes from TWILIO_* environment variables and cannot be ${what} here.`;
    }
    if (account?.kind === 'localSandbox') {
      return `The built-in local sandbox account cannot be ${what}.`;
    }
    return `No stored account has the id '${id}'.`;
  }

  /** The credentials of an account; for the local sandbox this starts it when it is not running. */
  async credentials(id: string): Promise<Credentials> {
    if (id === LOCAL_SANDBOX_ID) {
      const running = await this.sandbox.ensureStarted();
      this.onSecret(running.authToken);
      return {
        accountSid: running.accountSid,
        username: running.accountSid,
        secret: running.authToken,
        baseUrl: running.url,
      };
    }
    if (id === ENVIRONMENT_ID) {
      const env = environmentCandidate(this.env);
      if (!env.candidate?.secret) {
        throw new Error(env.problem ?? 'The TWILIO_* environment variables are no longer set.');
      }
      this.onSecret(env.candidate.secret);
      return {
        accountSid: env.candidate.accountSid,
        username: env.candidate.username,
        secret: env.candidate.secret,
        baseUrl: env.candidate.baseUrl,
      };
    }
    const entry = this.stored().find((a) => a.id === id);
    if (!entry) {
      throw new Error(`No account has the id '${id}'.`);
    }
    const secret = await this.secrets.get(secretKey(id));
    if (!secret) {
      throw new Error(
        `The secret of account '${entry.label}' is missing from VS Code's secret storage. Remove the account and add it again.`,
      );
    }
    this.onSecret(secret);
    return { accountSid: entry.accountSid, username: entry.username, secret, baseUrl: entry.baseUrl };
  }

  /** Tells listeners that an account's state changed outside the store (the sandbox started). */
  notifyChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
