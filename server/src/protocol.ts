/**
 * Custom requests between the extension and the language server. Plain names and types only: both sides import this
 * file, so it must not import either side's libraries. The server asks the extension for data (credentials and HTTP
 * stay in the extension host).
 */

/** Server → client: the task queues of the TaskRouter workspace a document belongs to. */
export const WORKSPACE_QUEUES_REQUEST = 'taskrouter/workspaceQueues';

export interface WorkspaceQueuesParams {
  /** The document's URI. Only `taskrouter:` workflow configurations belong to a workspace. */
  uri: string;
}

/** The queues, or null when the document belongs to no workspace or its queues could not be read. */
export type WorkspaceQueuesResult = { sid: string; friendlyName: string }[] | null;
