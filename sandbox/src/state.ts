/**
 * The sandbox's state: plain records (dates in epoch milliseconds) grouped per workspace, and its persistence.
 *
 * With a data file, every acknowledged mutation is written before the response is sent: the whole state goes to a
 * temporary file, which is fsynced and renamed over the data file (then the folder is fsynced), so a crash leaves
 * either the old or the new state, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';
export type ReservationStatus =
  'pending' | 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded' | 'wrapping' | 'completed';

interface Base {
  sid: string;
  /** Creation order within its kind, used by page tokens. */
  seq: number;
  date_created: number;
  date_updated: number;
}

export interface ActivityRec extends Base {
  friendly_name: string;
  available: boolean;
}

export interface TaskQueueRec extends Base {
  friendly_name: string;
  target_workers: string | null;
  max_reserved_workers: number;
  task_order: 'FIFO' | 'LIFO';
  reservation_activity_sid: string | null;
  assignment_activity_sid: string | null;
}

export interface WorkerRec extends Base {
  friendly_name: string;
  activity_sid: string;
  attributes: string;
  date_status_changed: number;
  version: number;
}

export interface WorkflowRec extends Base {
  friendly_name: string;
  configuration: string;
  assignment_callback_url: string | null;
  fallback_assignment_callback_url: string | null;
  task_reservation_timeout: number;
}

export interface TaskRec extends Base {
  attributes: string;
  assignment_status: TaskStatus;
  priority: number;
  /** Set explicitly by the API (create/update); a target's priority overrides it. */
  requested_priority: number | null;
  reason: string | null;
  timeout: number;
  workflow_sid: string | null;
  task_queue_sid: string | null;
  task_queue_entered_date: number | null;
  task_channel_sid: string;
  virtual_start_time: number;
  routing_target: string | null;
  ignore_capacity: boolean | null;
  version: number;
  /** Routing position: filter index (-1 = default filter), target index and the age (s) the target was entered. */
  routing?: { filter: number; target: number; enteredAt: number } | null;
  /** Workers that rejected or timed out on this task: not offered it again. */
  declined: string[];
}

export interface TaskChannelRec extends Base {
  friendly_name: string;
  unique_name: string;
  channel_optimized_routing: boolean | null;
}

export interface WorkerChannelRec extends Base {
  worker_sid: string;
  task_channel_sid: string;
  configured_capacity: number;
  available: boolean;
}

export interface ReservationRec extends Base {
  task_sid: string;
  worker_sid: string;
  reservation_status: ReservationStatus;
  task_queue_sid: string | null;
  workflow_sid: string | null;
  version: number;
}

export interface EventRec {
  sid: string;
  seq: number;
  event_type: string;
  description: string;
  event_date: number;
  actor_sid: string | null;
  actor_type: string | null;
  actor_url_path: string | null;
  resource_sid: string | null;
  resource_type: string | null;
  resource_url_path: string | null;
  source: string;
  source_ip_address: string | null;
  event_data: Record<string, unknown>;
  /** SIDs this event concerns, for the list filters. */
  task_sid?: string;
  worker_sid?: string;
  reservation_sid?: string;
  task_queue_sid?: string;
  workflow_sid?: string;
  task_channel?: string;
}

export interface WorkspaceRec extends Base {
  friendly_name: string;
  event_callback_url: string | null;
  events_filter: string | null;
  multi_task_enabled: boolean;
  default_activity_sid: string | null;
  timeout_activity_sid: string | null;
  prioritize_queue_order: 'FIFO' | 'LIFO';
  activities: Map<string, ActivityRec>;
  taskQueues: Map<string, TaskQueueRec>;
  workers: Map<string, WorkerRec>;
  workflows: Map<string, WorkflowRec>;
  tasks: Map<string, TaskRec>;
  taskChannels: Map<string, TaskChannelRec>;
  workerChannels: Map<string, WorkerChannelRec>;
  reservations: Map<string, ReservationRec>;
  events: EventRec[];
}

/** The most events kept per workspace (oldest dropped first). */
export const MAX_EVENTS = 20000;

export class SandboxState {
  seq = 0;
  readonly workspaces = new Map<string, WorkspaceRec>();

  nextSeq(): number {
    return ++this.seq;
  }
}

export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

const MAP_KEYS = [
  'activities',
  'taskQueues',
  'workers',
  'workflows',
  'tasks',
  'taskChannels',
  'workerChannels',
  'reservations',
] as const;

interface SerializedWorkspace extends Omit<WorkspaceRec, (typeof MAP_KEYS)[number]> {
  [key: string]: unknown;
}

interface SerializedState {
  format: 'taskrouter-sandbox';
  version: 1;
  accountSid: string;
  seq: number;
  workspaces: SerializedWorkspace[];
}

export function serializeState(state: SandboxState, accountSid: string): string {
  const workspaces = [...state.workspaces.values()].map((ws) => {
    const out: Record<string, unknown> = { ...ws };
    for (const key of MAP_KEYS) out[key] = [...ws[key].values()];
    return out as SerializedWorkspace;
  });
  const doc: SerializedState = { format: 'taskrouter-sandbox', version: 1, accountSid, seq: state.seq, workspaces };
  return JSON.stringify(doc);
}

export function deserializeState(text: string, file: string): { state: SandboxState; accountSid: string } {
  let doc: SerializedState;
  try {
    doc = JSON.parse(text) as SerializedState;
  } catch (err) {
    throw new Error(`The sandbox data file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!doc || doc.format !== 'taskrouter-sandbox' || doc.version !== 1 || !Array.isArray(doc.workspaces)) {
    throw new Error(`The sandbox data file ${file} was not written by this sandbox (format/version mismatch)`);
  }
  const state = new SandboxState();
  state.seq = doc.seq;
  for (const raw of doc.workspaces) {
    const ws = { ...raw } as unknown as WorkspaceRec;
    for (const key of MAP_KEYS) {
      const list = (raw[key] as Base[] | undefined) ?? [];
      (ws as unknown as Record<string, Map<string, Base>>)[key] = new Map(list.map((r) => [r.sid, r]));
    }
    ws.events = (raw.events as EventRec[] | undefined) ?? [];
    state.workspaces.set(ws.sid, ws);
  }
  return { state, accountSid: doc.accountSid };
}

/** Removes temporary files an interrupted `writeFileAtomic` of `file` left behind. */
export function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Writes `text` to `file` atomically and durably. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}
