/**
 * The custom request between the language server and its client: a public contract, so other editors can implement
 * it too (see docs/language-server.md). Plain names and types only: both sides import this file, so it must not
 * import either side's libraries. The server asks the client for data; credentials and HTTP stay in the client.
 */

/** Server → client: what the server should know about the TaskRouter workspace a document belongs to. */
export const WORKSPACE_DATA_REQUEST = 'taskrouter/workspaceData';

export interface WorkspaceDataParams {
  /** The document's URI, as the client sent it in `textDocument/didOpen`. */
  uri: string;
}

/** A task queue of the workspace. */
export interface WorkspaceQueue {
  sid: string;
  friendlyName: string;
  /** The queue's `target_workers` expression; null when the queue has none. */
  targetWorkers: string | null;
  /** Optional: workers the queue's expression selects, from the queue's real-time statistics. */
  eligibleWorkers?: number;
  /** Optional: of those, how many are in an available activity now. */
  availableWorkers?: number;
}

/** An activity of the workspace (for `workers.WA…` in `skip_if`). */
export interface WorkspaceActivity {
  sid: string;
  friendlyName: string;
  available: boolean;
}

export interface WorkspaceData {
  queues: WorkspaceQueue[];
  activities: WorkspaceActivity[];
  /** Attribute names seen on the workspace's workers; nested objects as dotted paths (`routing.skills`). */
  workerAttributes: string[];
  /** Attribute names seen on the workspace's recent tasks; nested objects as dotted paths. */
  taskAttributes: string[];
}

/** The answer: null when the document belongs to no known workspace (or its data cannot be read now). */
export type WorkspaceDataResult = WorkspaceData | null;

/**
 * Initialization options a client may send in `initialize`. A client that does not answer `taskrouter/workspaceData`
 * can say so with `workspaceData: false`; the server then never asks.
 */
export interface InitializationOptions {
  workspaceData?: boolean;
}

/**
 * Client → server notification: the client's data for a workspace changed (a queue was created, renamed or deleted;
 * an account was switched). The server drops what it kept for `uri` (for every document when `uri` is absent), asks
 * again and validates the open documents again.
 */
export const WORKSPACE_DATA_CHANGED_NOTIFICATION = 'taskrouter/workspaceDataChanged';

export interface WorkspaceDataChangedParams {
  /** The document whose data changed; absent: every document's. */
  uri?: string;
}
