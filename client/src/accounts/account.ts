// What the explorer knows about an account. Nothing here is secret: secrets stay in SecretStorage
// (stored accounts), in the environment (the environment account) or with the local sandbox.

/**
 * - `stored`: added by the user or imported; metadata in globalState, the secret in SecretStorage.
 * - `environment`: read from TWILIO_* variables of the extension host at use time; never stored.
 * - `localSandbox`: the built-in offline sandbox, started in-process on demand.
 */
export type AccountKind = 'stored' | 'environment' | 'localSandbox';

export interface Account {
  /** Stable id, used in tree ids and `taskrouter:` URIs: a random hex id, `environment` or `local-sandbox`. */
  id: string;
  label: string;
  kind: AccountKind;
  /** The Account SID (AC...), when known (the local sandbox makes its own on first start). */
  accountSid: string | undefined;
  /** The SID used to sign in: the Account SID (with an Auth Token) or an API Key SID (SK...). */
  username: string | undefined;
  /** Another API host, e.g. a regional edge or a sandbox; undefined for https://taskrouter.twilio.com. */
  baseUrl: string | undefined;
  /** Where it came from: "added", "Twilio CLI profile 'dev'", "Environment (TWILIO_*)". */
  source: string;
}

/** The credentials to build a client with. Never logged, never put in a message. */
export interface Credentials {
  accountSid: string;
  username: string;
  secret: string;
  baseUrl: string | undefined;
}

export const LOCAL_SANDBOX_ID = 'local-sandbox';
export const ENVIRONMENT_ID = 'environment';

/** "API Key SK12…" or "Account SID AC12…": which credential an account uses, without any secret. */
export function describeCredential(account: Pick<Account, 'username'>): string {
  const u = account.username;
  if (!u) {
    return 'no credential yet';
  }
  return `${u.startsWith('SK') ? 'API Key' : 'Account SID'} ${u}`;
}
