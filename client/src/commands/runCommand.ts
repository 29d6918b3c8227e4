// Runs a command handler: logs it, ends quietly when the user cancels a prompt, and reports any
// other failure once, as an error message saying what failed (never a modal, never a secret).
import { errorMessage } from '../log';
import type { UserCancelledError } from '../ui/prompter';
import { CommandContext, CommandHandler, prompter } from './commandContext';

export function runCommand(ctx: CommandContext, id: string, title: string, handler: CommandHandler) {
  return async (node?: unknown, selected?: unknown): Promise<unknown> => {
    ctx.log.info(`${title} (${id})`);
    try {
      return await handler(ctx, node, selected);
    } catch (error) {
      if (isCancellation(error)) {
        ctx.log.info(`${title}: cancelled at '${error.step}'`);
        return undefined;
      }
      ctx.log.error(`${title} failed`, error);
      prompter(ctx).error(ctx.log.redact(`${title} failed: ${errorMessage(error)}`));
      return undefined;
    }
  };
}

/** By name, not instanceof: a prompter from another bundle (the test suite's) throws its own copy of the class. */
function isCancellation(error: unknown): error is UserCancelledError {
  return error instanceof Error && error.name === 'UserCancelledError';
}
