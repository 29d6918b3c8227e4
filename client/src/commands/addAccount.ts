import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { AccountStore } from '../accounts/accountStore';
import { checkCredentials, describeCheckFailure } from '../accounts/clientProvider';
import { isAccountSid, isApiKeySid, isHttpUrl } from '../accounts/credentialSources';
import { CommandContext, prompter } from './commandContext';

type Method = 'authToken' | 'apiKey' | 'otherServer';
type Credential = 'authToken' | 'apiKey';

/**
 * Adds an account: Account SID + Auth Token, or API Key SID + Secret (Twilio's recommendation), at
 * https://taskrouter.twilio.com or at another API URL (a regional edge, or `npm run sandbox`). The
 * credentials are checked against the API before anything is stored; the secret goes to
 * SecretStorage only.
 */
export async function addAccount(ctx: CommandContext): Promise<Account> {
  const p = prompter(ctx);
  const method = (
    await p.quickPick<vscode.QuickPickItem & { value: Method }>(
      [
        { label: 'API Key', description: 'API Key SID and Secret (recommended by Twilio)', value: 'apiKey' },
        { label: 'Auth Token', description: 'Account SID and Auth Token', value: 'authToken' },
        {
          label: 'Another server',
          description: 'A TaskRouter-compatible URL, e.g. a sandbox started with npm run sandbox',
          value: 'otherServer',
        },
      ],
      { step: 'method', placeHolder: 'How do you sign in?', title: 'Add TaskRouter Account' },
    )
  ).value;
  let baseUrl: string | undefined;
  let credential: Credential = method === 'apiKey' ? 'apiKey' : 'authToken';
  if (method === 'otherServer') {
    baseUrl = (
      await p.inputBox({
        step: 'baseUrl',
        title: 'Add TaskRouter Account',
        prompt: 'The API base URL (without /v1)',
        placeHolder: 'http://127.0.0.1:4010',
        validate: (v) => (isHttpUrl(v.trim()) ? undefined : 'Enter an http:// or https:// URL.'),
      })
    )
      .trim()
      .replace(/\/+$/, '');
    credential = (
      await p.quickPick<vscode.QuickPickItem & { value: Credential }>(
        [
          { label: 'API Key', description: 'API Key SID and Secret', value: 'apiKey' },
          { label: 'Auth Token', description: 'Account SID and Auth Token', value: 'authToken' },
        ],
        { step: 'credential', placeHolder: `How do you sign in at ${baseUrl}?`, title: 'Add TaskRouter Account' },
      )
    ).value;
  }
  const accountSid = (
    await p.inputBox({
      step: 'accountSid',
      title: 'Add TaskRouter Account',
      prompt: 'Account SID (from the Twilio Console)',
      placeHolder: 'AC…',
      validate: (v) => (isAccountSid(v.trim()) ? undefined : 'An Account SID is AC followed by 32 hex digits.'),
    })
  ).trim();
  let username = accountSid;
  if (credential === 'apiKey') {
    username = (
      await p.inputBox({
        step: 'apiKeySid',
        title: 'Add TaskRouter Account',
        prompt: 'API Key SID',
        placeHolder: 'SK…',
        validate: (v) => (isApiKeySid(v.trim()) ? undefined : 'An API Key SID is SK followed by 32 hex digits.'),
      })
    ).trim();
  }
  const secret = await p.inputBox({
    step: 'secret',
    title: 'Add TaskRouter Account',
    prompt:
      credential === 'apiKey'
        ? 'API Key Secret (kept in VS Code secret storage)'
        : 'Auth Token (kept in VS Code secret storage)',
    password: true,
    validate: (v) => (v.trim() === '' ? 'Enter the secret.' : undefined),
  });
  const label = (
    await p.inputBox({
      step: 'label',
      title: 'Add TaskRouter Account',
      prompt: 'A name for this account in the TaskRouter view',
      value: baseUrl ? `${new URL(baseUrl).host}` : `Twilio ${accountSid.slice(0, 8)}…`,
      validate: (v) => (v.trim() === '' ? 'Enter a name.' : undefined),
    })
  ).trim();
  const input = { label, accountSid, username, secret, baseUrl, source: 'added' };
  const problem = AccountStore.validate(input);
  if (problem) {
    throw new Error(problem);
  }
  ctx.log.addSecret(secret);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the credentials of '${label}'…` },
    async () => {
      try {
        await checkCredentials({ accountSid, username, secret, baseUrl });
      } catch (error) {
        throw new Error(`The account was not saved: ${describeCheckFailure(error)}`);
      }
    },
  );
  const account = await ctx.accounts.add(input);
  p.info(`Added account '${account.label}'.`);
  return account;
}
