// Answers the language server's request for the data of the workspace a document belongs to. Credentials and HTTP
// stay here.
import * as vscode from 'vscode';
import type { WorkspaceDataParams, WorkspaceDataResult, WorkspaceQueue } from '../../../server/src/protocol';
import type { ClientProvider } from '../accounts/clientProvider';
import { parseDocumentPath, SCHEME } from '../fs/resourcePath';
import type { Logger } from '../log';

/** A workspace with more queues than this is not checked for unknown queue SIDs (the list would be partial). */
const MAX_QUEUES = 5_000;

export async function workspaceData(
  params: WorkspaceDataParams,
  clients: ClientProvider,
  log: Logger,
): Promise<WorkspaceDataResult> {
  const uri = vscode.Uri.parse(params.uri);
  if (uri.scheme !== SCHEME) return null;
  const address = parseDocumentPath(uri.path);
  if ('error' in address || address.view !== 'configuration') return null;
  try {
    const client = await clients.get(address.accountId);
    const queues: WorkspaceQueue[] = [];
    for await (const queue of client.taskQueues(address.workspaceSid).list({ pageSize: 1000 })) {
      if (queues.length === MAX_QUEUES) return null;
      queues.push({ sid: queue.sid, friendlyName: queue.friendlyName, targetWorkers: queue.targetWorkers });
    }
    return { queues, activities: [], workerAttributes: [], taskAttributes: [] };
  } catch (error) {
    log.error(`Could not list the task queues of ${address.workspaceSid} for the language server`, error);
    return null;
  }
}
