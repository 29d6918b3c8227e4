import { LoadMoreNode } from '../explorer/statusNodes';
import type { CommandContext } from './commandContext';

/** Loads the next page of the list a "Load more" item ends. */
export async function loadMore(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (!(node instanceof LoadMoreNode)) {
    throw new Error('Run "Load More" from a "Load more…" item of the TaskRouter view.');
  }
  await node.parent.loadMore();
}
