import type { Account } from '../accounts/account';
import { CommandContext, prompter } from './commandContext';
import { resolveAccount } from './pickers';

export async function renameAccount(ctx: CommandContext, node?: unknown): Promise<Account | undefined> {
  const account = await resolveAccount(ctx, node, (a) => a.kind === 'stored');
  const label = await prompter(ctx).inputBox({
    step: 'label',
    prompt: `New name for account '${account.label}'`,
    value: account.label,
    validate: (v) => (v.trim() === '' ? 'Enter a name.' : undefined),
  });
  await ctx.accounts.rename(account.id, label);
  return ctx.accounts.get(account.id);
}
