// The extension's side of the TaskRouter language server: starts the client over IPC, answers the server's
// `taskrouter/workspaceData` requests, tells the server when a workspace's data changed (a file linked, a resource
// created or deleted, the explorer refreshed), and wires the link commands, the status bar item and the offer to
// switch JSON files that hold a workflow configuration.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  WORKSPACE_DATA_CHANGED_NOTIFICATION,
  WORKSPACE_DATA_REQUEST,
  type InitializationOptions,
  type WorkspaceDataChangedParams,
  type WorkspaceDataParams,
} from '../../../server/src/protocol';
import type { CommandContext } from '../commands/commandContext';
import type { ResourceChange } from '../explorer/resourceChanges';
import { SCHEME } from '../fs/resourcePath';
import { WorkflowDetection } from './detectionOffer';
import { WORKFLOW_LANGUAGE, registerLinkCommands } from './linkCommands';
import { LinkStatusBar } from './linkStatusBar';
import { WorkflowLinks } from './workflowLinks';
import { WorkspaceDataProvider, type WorkspaceRef } from './workspaceData';

/**
 * The documents the server serves: workflow configurations (local `*.workflow.json` files, files switched to the
 * language, and configurations opened from the explorer) and task queue documents opened from the explorer, whose
 * `targetWorkers` is an expression. Queue documents are plain JSON at `/{account}/{WS…}/taskQueues/{WQ…}/{name}.json`.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { language: WORKFLOW_LANGUAGE },
  { scheme: SCHEME, language: 'json', pattern: '**/taskQueues/**' },
];

/** Resource kinds whose changes alter what the server was told about a workspace. */
const DATA_KINDS = new Set(['taskQueue', 'activity', 'worker', 'task', 'workspace']);

export async function startLanguageClient(
  context: vscode.ExtensionContext,
  ctx: CommandContext,
): Promise<LanguageClient> {
  const links = new WorkflowLinks(context.workspaceState);
  const data = new WorkspaceDataProvider(
    ctx.clients,
    (id) => ctx.accounts.list().some((a) => a.id === id),
    links,
    ctx.log,
  );
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const initializationOptions: InitializationOptions = { workspaceData: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
  };
  // The id `taskrouter` makes the client read the `taskrouter.trace.server` setting.
  const client = new LanguageClient('taskrouter', 'TaskRouter Language Server', serverOptions, clientOptions);

  const serves = (d: vscode.TextDocument): boolean =>
    vscode.languages.match(DOCUMENT_SELECTOR as vscode.DocumentSelector, d) > 0;
  /** Tells the server that the data of these documents changed; it asks again and validates them again. */
  const dataChanged = (uris: vscode.Uri[]): void => {
    if (!client.isRunning()) return;
    for (const uri of uris) {
      const params: WorkspaceDataChangedParams = { uri: uri.toString() };
      void client.sendNotification(WORKSPACE_DATA_CHANGED_NOTIFICATION, params);
    }
  };
  /** The open documents the server serves that belong to a workspace. */
  const openDocumentsOf = (ref: WorkspaceRef): vscode.Uri[] =>
    vscode.workspace.textDocuments
      .filter(serves)
      .filter((d) => {
        const owner = data.workspaceOf(d.uri);
        return owner?.accountId === ref.accountId && owner.workspaceSid === ref.workspaceSid;
      })
      .map((d) => d.uri);
  const workspaceChanged = (ref: WorkspaceRef): void => {
    data.invalidate(ref);
    dataChanged(openDocumentsOf(ref));
  };

  context.subscriptions.push(
    client,
    links,
    client.onRequest(WORKSPACE_DATA_REQUEST, (params: WorkspaceDataParams) => data.answer(params)),
    links.onDidChange((uri) => dataChanged([uri])),
    ctx.changes.onDidChange((change: ResourceChange) => {
      if (DATA_KINDS.has(change.address.kind)) workspaceChanged(change.address);
    }),
    // Refresh of the whole explorer (the view's title button) or a change of accounts: fresh data everywhere.
    ctx.tree.onDidChangeTreeData((node) => {
      if (node !== undefined && node !== null) return;
      data.invalidate();
      // Every served document: one of a removed account must lose its data too.
      dataChanged(vscode.workspace.textDocuments.filter(serves).map((d) => d.uri));
    }),
    ...registerLinkCommands(ctx, links),
    new LinkStatusBar(links, data, ctx.tree),
    new WorkflowDetection(context.workspaceState, ctx.prompts, ctx.log),
  );
  // The extension also activates for JSON documents (to offer the workflow language), so the server process starts
  // only once a document it serves is open: opening settings.json costs no language server.
  const start = async (): Promise<void> => {
    try {
      await client.start();
    } catch (error) {
      // The explorer works without the language server; the log says why diagnostics are missing.
      ctx.log.error('The TaskRouter language server did not start', error);
    }
  };
  if (vscode.workspace.textDocuments.some(serves)) {
    await start();
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!serves(d)) return;
      waiting.dispose();
      void start();
    });
    context.subscriptions.push(waiting);
  }
  return client;
}
