// Links between workflow files on disk and TaskRouter workspaces. A local `*.workflow.json` belongs to no workspace
// until the user links it; the link is kept per file URI in the VS Code workspace's state (it names an account of
// this machine, so it is not a setting to share with a team).
import * as vscode from 'vscode';

export interface WorkflowLink {
  accountId: string;
  workspaceSid: string;
  /** The workspace's name when it was linked, for the status bar (the SID identifies it). */
  workspaceName: string;
}

const STATE_KEY = 'taskrouter.workflowLinks';

export class WorkflowLinks implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the file's URI when its link is set or removed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  get(uri: vscode.Uri): WorkflowLink | undefined {
    return this.all()[uri.toString()];
  }

  async set(uri: vscode.Uri, link: WorkflowLink): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.all(), [uri.toString()]: link });
    this.emitter.fire(uri);
  }

  async remove(uri: vscode.Uri): Promise<boolean> {
    const all = this.all();
    if (!(uri.toString() in all)) return false;
    delete all[uri.toString()];
    await this.state.update(STATE_KEY, all);
    this.emitter.fire(uri);
    return true;
  }

  /** The files linked to a workspace. */
  filesOf(accountId: string, workspaceSid: string): vscode.Uri[] {
    return Object.entries(this.all())
      .filter(([, link]) => link.accountId === accountId && link.workspaceSid === workspaceSid)
      .map(([uri]) => vscode.Uri.parse(uri));
  }

  private all(): Record<string, WorkflowLink> {
    return { ...this.state.get<Record<string, WorkflowLink>>(STATE_KEY, {}) };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
