/**
 * Queue SIDs: `WQ` followed by 32 hexadecimal digits; when the workspace's queues are known, one of them.
 */
import { WorkflowCode } from '../codes';
import type { KnownQueue, StringField } from '../types';
import { contentSpan, type ValidationContext, type WorkflowValidator } from './context';

const QUEUE_SID = /^WQ[0-9a-fA-F]{32}$/;

/** Other SID prefixes, so a workflow SID pasted into `queue` gets a helpful message. */
const PREFIXES: Record<string, string> = {
  WS: 'a workspace',
  WW: 'a workflow',
  WA: 'an activity',
  WK: 'a worker',
  WT: 'a task',
  WR: 'a reservation',
  TC: 'a task channel',
  AC: 'an account',
};

export const queueSids: WorkflowValidator = {
  name: 'queueSids',
  validate(context) {
    const known = context.options.queues ? indexQueues(context.options.queues) : undefined;
    for (const target of context.targets) {
      if (target.queue) check(context, target.queue, known);
    }
  },
};

interface QueueIndex {
  bySid: Set<string>;
  byName: Map<string, KnownQueue>;
  all: readonly KnownQueue[];
}

function indexQueues(queues: readonly KnownQueue[]): QueueIndex {
  const bySid = new Set<string>();
  const byName = new Map<string, KnownQueue>();
  for (const queue of queues) {
    bySid.add(queue.sid.toLowerCase());
    if (queue.friendlyName) byName.set(queue.friendlyName.toLowerCase(), queue);
  }
  return { bySid, byName, all: queues };
}

function check({ report }: ValidationContext, field: StringField, known: QueueIndex | undefined): void {
  const sid = field.value;
  const span = contentSpan(field);
  if (!QUEUE_SID.test(sid)) {
    report(span, 'error', WorkflowCode.MalformedQueueSid, malformedMessage(sid, known));
    return;
  }
  if (known && !known.bySid.has(sid.toLowerCase())) {
    const list = known.all
      .slice(0, 5)
      .map((q) => (q.friendlyName ? `${q.friendlyName} (${q.sid})` : q.sid))
      .join(', ');
    const more = known.all.length > 5 ? `, and ${known.all.length - 5} more` : '';
    const hint = known.all.length === 0 ? 'The workspace has no queues.' : `Its queues: ${list}${more}.`;
    report(
      span,
      'error',
      WorkflowCode.UnknownQueue,
      `${sid} is not a queue of this workspace (a queue of another workspace, or a deleted one?). ${hint}`,
    );
  }
}

function malformedMessage(sid: string, known: QueueIndex | undefined): string {
  const shape = 'a queue SID is `WQ` followed by 32 hexadecimal digits';
  if (sid === '') return `The queue is empty: ${shape}.`;
  const byName = known?.byName.get(sid.toLowerCase());
  if (byName) return `\`queue\` needs the queue's SID, not its name: use "${byName.sid}" for ${byName.friendlyName}.`;
  const prefix = sid.slice(0, 2).toUpperCase();
  if (prefix !== 'WQ' && PREFIXES[prefix]) return `${sid} is the SID of ${PREFIXES[prefix]}, not a queue: ${shape}.`;
  if (prefix !== 'WQ') return `${JSON.stringify(sid)} is not a queue SID: ${shape}.`;
  if (!sid.startsWith('WQ')) return `${JSON.stringify(sid)} is not a queue SID: the prefix \`WQ\` is upper case.`;
  const digits = sid.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    return `${JSON.stringify(sid)} is not a queue SID: after \`WQ\` only hexadecimal digits (0-9, a-f) may follow.`;
  }
  return `${JSON.stringify(sid)} is not a queue SID: ${shape}, found ${digits.length}.`;
}
