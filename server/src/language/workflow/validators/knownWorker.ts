/** A target names a known worker by SID or by friendly name, not both. */
import { WorkflowCode } from '../codes';
import type { WorkflowValidator } from './context';

export const knownWorker: WorkflowValidator = {
  name: 'knownWorker',
  validate({ targets, report }) {
    for (const target of targets) {
      const sid = target.knownWorkerSid;
      const name = target.knownWorkerFriendlyName;
      if (!sid || !name) continue;
      const later = sid.keySpan.start > name.keySpan.start ? sid : name;
      const other = later === sid ? name : sid;
      report(
        later.keySpan,
        'error',
        WorkflowCode.KnownWorkerConflict,
        `A target names its known worker by \`known_worker_sid\` or by \`known_worker_friendly_name\`, not both: remove \`${later.key}\` or \`${other.key}\`.`,
      );
    }
  },
};
