// The status bar item of workflow editors: which TaskRouter workspace the document's queue SIDs are checked against.
// A local file shows its link ("$(link) Support") or "$(circle-slash) Not linked"; a click links it. A configuration
// opened from the explorer shows its own workspace. It also sets the context key the Unlink command's `when` reads.
import * as vscode from 'vscode';
import type { ExplorerTreeDataProvider } from '../explorer/explorerTreeDataProvider';
import { SCHEME } from '../fs/resourcePath';
import { LINK_COMMAND, WORKFLOW_LANGUAGE } from './linkCommands';
import type { WorkflowLinks } from './workflowLinks';
import type { WorkspaceDataProvider } from './workspaceData';

/** True while the active editor shows a local workflow file that is linked to a workspace. */
export const LINKED_CONTEXT_KEY = 'taskrouter.workflowFileLinked';

export class LinkStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'taskrouter.workflowLink',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly disposables: vscode.Disposable[] = [];
  private linked: boolean | undefined;

  constructor(
    private readonly links: WorkflowLinks,
    private readonly data: WorkspaceDataProvider,
    private readonly tree: ExplorerTreeDataProvider,
  ) {
    this.item.name = 'TaskRouter Workspace';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // A language change (Change Language Mode, or the workflow detection) closes and reopens the document.
      vscode.workspace.onDidOpenTextDocument((d) => d === vscode.window.activeTextEditor?.document && this.update()),
      links.onDidChange(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== WORKFLOW_LANGUAGE) {
      this.item.hide();
      this.setLinked(false);
      return;
    }
    if (document.uri.scheme === SCHEME) {
      const ref = this.data.workspaceOf(document.uri);
      const name = ref ? this.workspaceName(ref.accountId, ref.workspaceSid) : undefined;
      this.item.text = `$(link) ${name ?? 'TaskRouter'}`;
      this.item.tooltip = 'Opened from the TaskRouter explorer: queue SIDs are checked against this workspace.';
      this.item.command = undefined;
      this.setLinked(false);
    } else {
      const link = this.links.get(document.uri);
      this.item.text = link ? `$(link) ${link.workspaceName}` : '$(circle-slash) Not linked';
      this.item.tooltip = link
        ? `Queue SIDs are checked and completed from TaskRouter workspace '${link.workspaceName}' (${link.workspaceSid}). Click to link another workspace.`
        : 'Link this file to a TaskRouter workspace to check and complete its queue SIDs.';
      this.item.command = {
        command: LINK_COMMAND,
        title: 'Link Workflow File to Workspace',
        arguments: [document.uri],
      };
      this.setLinked(link !== undefined);
    }
    this.item.show();
  }

  /** The name the explorer shows for a workspace (it has shown it when a configuration was opened from it). */
  private workspaceName(accountId: string, workspaceSid: string): string | undefined {
    const node = this.tree.findNode(`${accountId}/${workspaceSid}`);
    const label = node ? this.tree.getTreeItem(node).label : undefined;
    return typeof label === 'string' ? label : label?.label;
  }

  private setLinked(linked: boolean): void {
    if (linked === this.linked) return;
    this.linked = linked;
    void vscode.commands.executeCommand('setContext', LINKED_CONTEXT_KEY, linked);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
