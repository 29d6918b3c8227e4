import type { CommandContext } from './commandContext';

export async function showLog(ctx: CommandContext): Promise<void> {
  ctx.log.show();
}
