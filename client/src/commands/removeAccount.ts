import { CommandContext, prompter } from './commandContext';
import { resolveAccount } from './pickers';

/** Removes a stored account and its secret from VS Code. Nothing changes at Twilio. */
export async function removeAccount(ctx: CommandContext, node?: unknown): Promise<boolean> {
  const account = await resolveAccount(ctx, node, (a) => a.kind === 'stored');
  const answer = await prompter(ctx).ask(
    `Remove account '${account.label}' from VS Code?`,
    {
      step: 'confirm',
      modal: true,
      detail: `Its secret is deleted from VS Code's secret storage. Nothing changes in the account at Twilio (${account.accountSid}).`,
    },
    'Remove',
  );
  if (answer !== 'Remove') {
    return false;
  }
  await ctx.accounts.remove(account.id);
  ctx.clients.forget(account.id);
  return true;
}
