import * as vscode from 'vscode';
import { TaskRouterFileSystemProvider } from '../fs/taskRouterFileSystemProvider';
import type { CommandContext } from './commandContext';
import { resolveResource } from './pickers';

/** Opens a resource as a JSON document; saving it updates the resource. */
export async function openResource(ctx: CommandContext, node?: unknown): Promise<vscode.TextEditor> {
  const ref = await resolveResource(ctx, node);
  const uri = TaskRouterFileSystemProvider.uriFor(ref.address, 'resource', ref.label);
  return vscode.window.showTextDocument(uri, { preview: false });
}
