// "TaskRouter: Link Workflow File to Workspace…" and "Unlink": a workflow file on disk gets the queue checks,
// completion and hovers of a workspace once the user says which workspace it is for. The workspace is chosen with
// the same account and workspace pickers as the explorer's commands.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { prompter } from '../commands/commandContext';
import { pickWorkspace } from '../commands/pickers';
import { runCommand } from '../commands/runCommand';
import { SCHEME } from '../fs/resourcePath';
import type { WorkflowLink, WorkflowLinks } from './workflowLinks';

export const LINK_COMMAND = 'taskrouter.linkWorkflowFile';
export const UNLINK_COMMAND = 'taskrouter.unlinkWorkflowFile';
export const WORKFLOW_LANGUAGE = 'taskrouter-workflow';

/** The file a command works on: the URI it was run on (explorer context menu), else the active editor's document. */
function targetFile(arg: unknown): vscode.Uri {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    throw new Error('Open a workflow file (*.workflow.json) first: no editor is active.');
  }
  if (uri.scheme === SCHEME) {
    throw new Error(
      `${uri.path.split('/').pop() ?? uri.path} was opened from the TaskRouter explorer: it already belongs to its workspace.`,
    );
  }
  return uri;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export async function linkWorkflowFile(
  ctx: CommandContext,
  links: WorkflowLinks,
  arg?: unknown,
): Promise<WorkflowLink> {
  const uri = targetFile(arg);
  const ws = await pickWorkspace(ctx);
  const link: WorkflowLink = {
    accountId: ws.accountId,
    workspaceSid: ws.workspace.sid,
    workspaceName: ws.workspace.friendlyName,
  };
  await links.set(uri, link);
  prompter(ctx).info(
    `${fileName(uri)} is linked to workspace '${link.workspaceName}': its queue SIDs are checked and completed from it.`,
  );
  return link;
}

export async function unlinkWorkflowFile(ctx: CommandContext, links: WorkflowLinks, arg?: unknown): Promise<boolean> {
  const uri = targetFile(arg);
  const removed = await links.remove(uri);
  prompter(ctx).info(
    removed
      ? `${fileName(uri)} is no longer linked to a workspace.`
      : `${fileName(uri)} was not linked to a workspace.`,
  );
  return removed;
}

export function registerLinkCommands(ctx: CommandContext, links: WorkflowLinks): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      LINK_COMMAND,
      runCommand(ctx, LINK_COMMAND, 'Link Workflow File to Workspace', (c, node) => linkWorkflowFile(c, links, node)),
    ),
    vscode.commands.registerCommand(
      UNLINK_COMMAND,
      runCommand(ctx, UNLINK_COMMAND, 'Unlink Workflow File', (c, node) => unlinkWorkflowFile(c, links, node)),
    ),
  ];
}
