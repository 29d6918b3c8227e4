import { strict as assert } from 'node:assert';
import { present } from '../../../client/src/explorer/presentation';

const TASK = {
  sid: 'WT9762ae501b4ccf2e5502a1b2c3d4e5f6',
  assignmentStatus: 'reserved',
  age: 300,
  taskQueueFriendlyName: 'Gold Support',
  taskQueueSid: 'WQ00000000000000000000000000000001',
  priority: 2,
  attributes: '{"type":"ticket"}',
};

describe('explorer/presentation', () => {
  it('labels a task with a short SID, leaving the side bar room for its status, age and queue', () => {
    const p = present({ kind: 'task', resource: TASK, fetchedAt: 1_000_000, now: 1_060_000 });
    assert.equal(p.label, 'WT9762ae50…');
    assert.equal(p.description, 'reserved · 6m · Gold Support');
    assert.ok(p.tooltip.includes(TASK.sid), 'the tooltip has the whole SID');
    assert.equal(p.icon, 'bell');
  });

  it('labels the other kinds with their friendly names', () => {
    const worker = present({
      kind: 'worker',
      resource: {
        sid: 'WK00000000000000000000000000000001',
        friendlyName: 'Alice',
        activityName: 'Available',
        available: true,
      },
      fetchedAt: 0,
      now: 0,
    });
    assert.equal(worker.label, 'Alice');
    assert.equal(worker.description, 'Available');
    assert.equal(worker.iconColor, 'charts.green');
  });

  it('does not repeat an activity name as its state ("Available available")', () => {
    const activity = (friendlyName: string, available: boolean) =>
      present({
        kind: 'activity',
        resource: { sid: 'WA' + '0'.repeat(32), friendlyName, available },
        fetchedAt: 0,
        now: 0,
      });
    assert.equal(activity('Available', true).description, '');
    assert.equal(activity('Offline', false).description, 'unavailable');
    assert.equal(activity('Busy', true).description, 'available');
  });
});
