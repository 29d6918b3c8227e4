import { ErrorNode } from '../explorer/statusNodes';
import type { CommandContext } from './commandContext';

/** Retries the request an error item stands for. */
export async function retry(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (!(node instanceof ErrorNode)) {
    throw new Error('Run "Retry" from an error item of the TaskRouter view.');
  }
  await node.retry();
}
