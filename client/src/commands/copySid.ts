import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { resolveResource } from './pickers';

/** Copies a resource's SID to the clipboard. */
export async function copySid(ctx: CommandContext, node?: unknown): Promise<string> {
  const ref = await resolveResource(ctx, node);
  await vscode.env.clipboard.writeText(ref.resource.sid);
  vscode.window.setStatusBarMessage(`Copied ${ref.resource.sid}`, 3000);
  return ref.resource.sid;
}
