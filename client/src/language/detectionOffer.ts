// JSON files that hold a workflow configuration (a top-level `task_routing` key) but are not named `*.workflow.json`:
// offer to switch them to the TaskRouter Workflow language, as the `taskrouter.workflowDetection` setting says
// ("ask", "always", "never"). Each document is looked at once, when an editor first shows it, and only its first
// few kilobytes are scanned, so ordinary JSON files cost next to nothing.
import * as vscode from 'vscode';
import type { PrompterHolder } from '../ui/prompter';
import type { Logger } from '../log';
import { WORKFLOW_LANGUAGE } from './linkCommands';
import { looksLikeWorkflow } from './workflowDetection';

export const DETECTION_SETTING = 'taskrouter.workflowDetection';
export type DetectionMode = 'ask' | 'always' | 'never';

/** The buttons of the offer. */
export const SWITCH = 'Switch';
export const ALWAYS = 'Always';
export const NOT_FOR_THIS_FILE = 'Not for This File';
export const NEVER = 'Never';

const DECLINED_KEY = 'taskrouter.workflowDetection.declined';
const JSON_LANGUAGES = new Set(['json', 'jsonc']);
/** Schemes of real documents; others (git, output, diff snapshots) show text that is not the user's to switch. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export class WorkflowDetection implements vscode.Disposable {
  private readonly seen = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly prompts: PrompterHolder,
    private readonly log: Logger,
  ) {
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors((editors) => this.check(editors)));
    this.check(vscode.window.visibleTextEditors);
  }

  private check(editors: readonly vscode.TextEditor[]): void {
    for (const { document } of editors) {
      if (!JSON_LANGUAGES.has(document.languageId) || !SCHEMES.has(document.uri.scheme)) continue;
      const key = document.uri.toString();
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const mode = vscode.workspace.getConfiguration().get<DetectionMode>(DETECTION_SETTING, 'ask');
      if (mode === 'never' || this.declined().includes(key) || !looksLikeWorkflow(document.getText())) continue;
      void this.offer(document, mode).catch((error: unknown) =>
        this.log.error(`Could not switch ${document.uri.toString(true)} to ${WORKFLOW_LANGUAGE}`, error),
      );
    }
  }

  private async offer(document: vscode.TextDocument, mode: DetectionMode): Promise<void> {
    if (mode === 'ask') {
      const name = document.uri.path.split('/').pop() ?? document.uri.toString();
      const answer = await this.prompts.current.ask(
        `${name} looks like a TaskRouter workflow configuration. Switch it to the TaskRouter Workflow language for its checks, completion and hovers?`,
        { step: 'workflowDetection' },
        SWITCH,
        ALWAYS,
        NOT_FOR_THIS_FILE,
        NEVER,
      );
      if (answer === NOT_FOR_THIS_FILE) {
        await this.state.update(DECLINED_KEY, [...this.declined(), document.uri.toString()]);
        return;
      }
      if (answer === NEVER || answer === ALWAYS) {
        await vscode.workspace
          .getConfiguration()
          .update(DETECTION_SETTING, answer === NEVER ? 'never' : 'always', vscode.ConfigurationTarget.Global);
      }
      if (answer !== SWITCH && answer !== ALWAYS) return;
    }
    if (document.isClosed || !JSON_LANGUAGES.has(document.languageId)) return;
    await vscode.languages.setTextDocumentLanguage(document, WORKFLOW_LANGUAGE);
    this.log.info(`Switched ${document.uri.toString(true)} to ${WORKFLOW_LANGUAGE}: it has a top-level task_routing`);
  }

  private declined(): string[] {
    return this.state.get<string[]>(DECLINED_KEY, []);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
