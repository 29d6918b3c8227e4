import { checkCredentials } from '../accounts/clientProvider';
import { errorMessage } from '../log';
import { CommandContext, prompter } from './commandContext';
import { resolveAccount } from './pickers';

/** Checks that an account's credentials are still accepted by the API. */
export async function checkAccount(ctx: CommandContext, node?: unknown): Promise<boolean> {
  const account = await resolveAccount(ctx, node);
  try {
    await checkCredentials(await ctx.accounts.credentials(account.id));
  } catch (error) {
    throw new Error(`Account '${account.label}': ${errorMessage(error)}`);
  }
  prompter(ctx).info(`Account '${account.label}': the API accepts its credentials.`);
  return true;
}
