// Runs a command handler: logs it, ends quietly when the user cancels a prompt, and reports any
// other failure once, as an error message saying what failed (never a modal, never a secret).
import { errorMessage } from '../log';
import { UserCancelledError } from '../ui/prompter';
import { CommandContext, CommandHandler, prompter } from './commandContext';

export function runCommand(ctx: CommandContext, id: string, title: string, handler: CommandHandler) {
  return async (node?: unknown, selected?: unknown): Promise<unknown> => {
    ctx.log.info(`${title} (${id})`);
    try {
      return await handler(ctx, node, selected);
    } catch (error) {
      if (error instanceof UserCancelledError) {
        ctx.log.info(`${title}: cancelled at '${error.step}'`);
        return undefined;
      }
      ctx.log.error(`${title} failed`, error);
      prompter(ctx).error(ctx.log.redact(`${title} failed: ${errorMessage(error)}`));
      return undefined;
    }
  };
}
