import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { checkCredentials, describeCheckFailure } from '../accounts/clientProvider';
import {
  CredentialCandidate,
  environmentCandidate,
  parseTwilioCliConfig,
  twilioCliConfigPath,
} from '../accounts/credentialSources';
import { errorMessage } from '../log';
import { CommandContext, prompter } from './commandContext';

/**
 * Imports accounts from the Twilio CLI's profiles ($TWILIO_CONFIG_DIR or ~/.twilio-cli/config.json)
 * and from TWILIO_* environment variables. Each chosen profile is checked against the API before it
 * is stored; profiles whose secret the CLI kept in the system keychain ask for it.
 */
export async function importAccounts(ctx: CommandContext): Promise<Account[]> {
  const p = prompter(ctx);
  const candidates: CredentialCandidate[] = [];
  const notes: string[] = [];
  const configPath = twilioCliConfigPath(ctx.env, ctx.homeDir);
  let text: string | undefined;
  try {
    text = await fsp.readFile(configPath, 'utf8');
  } catch (error) {
    notes.push(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `No Twilio CLI config at ${configPath}.`
        : `Could not read ${configPath}: ${errorMessage(error)}`,
    );
  }
  if (text !== undefined) {
    const parsed = parseTwilioCliConfig(text, configPath);
    candidates.push(...parsed.candidates);
    notes.push(...parsed.problems);
  }
  const env = environmentCandidate(ctx.env);
  if (env.candidate) {
    candidates.push(env.candidate);
  } else if (env.problem) {
    notes.push(env.problem);
  }
  for (const note of notes) {
    ctx.log.warn(`Import: ${note}`);
  }
  const existing = ctx.accounts.list().filter((a) => a.kind === 'stored');
  const fresh = candidates.filter(
    (c) => !existing.some((a) => a.username === c.username && (a.baseUrl ?? '') === (c.baseUrl ?? '')),
  );
  if (fresh.length === 0) {
    const why = candidates.length > 0 ? 'Every profile found is already added.' : notes.join(' ');
    p.info(`Nothing to import. ${why}`);
    return [];
  }
  const picked = await p.quickPickMany<vscode.QuickPickItem & { value: CredentialCandidate }>(
    fresh.map((c) => ({
      label: c.label,
      description: c.source,
      detail: `${c.username}${c.baseUrl ? ` at ${c.baseUrl}` : ''}${c.secret ? '' : ' (asks for the secret)'}`,
      value: c,
    })),
    { step: 'profiles', placeHolder: 'Choose the profiles to add', title: 'Import TaskRouter Accounts' },
  );
  const added: Account[] = [];
  const failures: string[] = [];
  for (const { value: c } of picked) {
    const secret =
      c.secret ??
      (await p.inputBox({
        step: `secret:${c.label}`,
        prompt: `The secret of ${c.username} (${c.source}); the CLI keeps it in the system keychain`,
        password: true,
        validate: (v) => (v.trim() === '' ? 'Enter the secret.' : undefined),
      }));
    ctx.log.addSecret(secret);
    const credentials = { accountSid: c.accountSid, username: c.username, secret, baseUrl: c.baseUrl };
    try {
      await checkCredentials(credentials);
    } catch (error) {
      failures.push(`${c.label}: ${describeCheckFailure(error)}`);
      continue;
    }
    added.push(await ctx.accounts.add({ ...credentials, label: c.label, source: c.source }));
  }
  if (failures.length > 0) {
    p.error(`Not imported: ${failures.join('; ')}`);
  }
  if (added.length > 0) {
    p.info(`Imported ${added.map((a) => `'${a.label}'`).join(', ')}.`);
  }
  return added;
}
