/**
 * `unknown-queue` and `malformed-queue-sid`: one action per queue of the workspace, the most likely first (the queue
 * whose name or SID is closest to what is written, or whose name is closest to the filter's name). Nothing without
 * the workspace's queues: there is nothing to choose from.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import type { WorkspaceQueue } from '../../../protocol';
import { locate } from './locate';
import { quickFix, replace, type QuickFix } from './shared';
import { distanceRatio } from './similarity';

/** More would be a wall of choices; the completion list offers every queue. */
const MAX_CHOICES = 10;

export const queueSid: QuickFix = ({ doc, workspace }, diagnostic, span) => {
  const queues = workspace?.data.queues ?? [];
  if (queues.length === 0) return [];
  const written = stringContent(doc.text, span.start, span.end);
  const filterName = doc.workflow ? locate(doc.workflow.model, span.start).filter?.name?.value : undefined;
  const ranked = queues
    .filter((queue) => queue.sid !== written)
    .map((queue, order) => ({ queue, order, score: score(queue, written, filterName) }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, MAX_CHOICES);
  return ranked.map(({ queue, score: s }, i): CodeAction => {
    const preferred = i === 0 && (s === 0 || ranked.length === 1);
    const title = `Change to queue '${queue.friendlyName}' (${queue.sid})`;
    return quickFix(doc, title, diagnostic, [replace(doc, span, queue.sid)], preferred);
  });
};

/** 0 is certain (the queue's name or SID written exactly, case aside); lower is more likely. */
function score(queue: WorkspaceQueue, written: string, filterName: string | undefined): number {
  let best = Math.min(distanceRatio(written, queue.friendlyName), distanceRatio(written, queue.sid));
  // A filter named "Gold" most likely routes to the queue "Gold Support"; never certain, so never below 0.1.
  if (filterName) best = Math.min(best, 0.1 + distanceRatio(filterName, queue.friendlyName));
  return best;
}

/** The decoded text between the quotes. */
function stringContent(text: string, start: number, end: number): string {
  try {
    return JSON.parse(`"${text.slice(start, end)}"`) as string;
  } catch {
    return text.slice(start, end);
  }
}
