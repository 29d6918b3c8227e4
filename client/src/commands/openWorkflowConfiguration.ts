import * as vscode from 'vscode';
import { TaskRouterFileSystemProvider } from '../fs/taskRouterFileSystemProvider';
import type { ResourceAddress } from '../fs/resourcePath';
import type { CommandContext } from './commandContext';
import { resolveResource } from './pickers';

export const WORKFLOW_LANGUAGE_ID = 'taskrouter-workflow';

/** Opens a workflow's configuration as its own document, in the workflow language (diagnostics, completion). */
export async function openWorkflowConfiguration(ctx: CommandContext, node?: unknown): Promise<vscode.TextEditor> {
  const ref = await resolveResource(ctx, node, ['workflow']);
  return showConfiguration(ref.address, ref.label);
}

/** Shows the configuration document of a workflow. */
export async function showConfiguration(address: ResourceAddress, friendlyName: string): Promise<vscode.TextEditor> {
  const uri = TaskRouterFileSystemProvider.uriFor(address, 'configuration', friendlyName);
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== WORKFLOW_LANGUAGE_ID) {
    document = await vscode.languages.setTextDocumentLanguage(document, WORKFLOW_LANGUAGE_ID);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}
