import type * as vscode from 'vscode';
import type { TaskAssignmentStatus } from '../api';
import { FolderNode } from '../explorer/folderNode';
import { TASK_STATUSES } from '../explorer/resourceKinds';
import { WorkspaceNode } from '../explorer/workspaceNode';
import { CommandContext, prompter } from './commandContext';
import { resolveWorkspace } from './pickers';

/** Chooses which assignment statuses a Tasks folder shows (none chosen: all). */
export async function filterTasks(ctx: CommandContext, node?: unknown): Promise<readonly string[]> {
  let folder: FolderNode | undefined = node instanceof FolderNode && node.kind === 'task' ? node : undefined;
  if (!folder) {
    const ws = await resolveWorkspace(ctx, node);
    const wsNode = ctx.tree.workspaceNode(ws.accountId, ws.workspace.sid);
    if (!(wsNode instanceof WorkspaceNode)) {
      throw new Error(`Expand workspace '${ws.workspace.friendlyName}' in the TaskRouter view first.`);
    }
    folder = wsNode.folder('task');
  }
  const current = new Set(folder.statusFilter);
  const picked = await prompter(ctx).quickPickMany<vscode.QuickPickItem>(
    TASK_STATUSES.map((s) => ({ label: s, picked: current.has(s) })),
    { step: 'statuses', placeHolder: 'Show tasks with these statuses (none: all tasks)' },
  );
  const statuses = picked.map((p) => p.label as TaskAssignmentStatus);
  if (statuses.length === 0 || statuses.length === TASK_STATUSES.length) {
    ctx.tree.ctx.taskFilters.delete(folder.id);
  } else {
    ctx.tree.ctx.taskFilters.set(folder.id, statuses);
  }
  await ctx.tree.refresh(folder);
  return folder.statusFilter;
}
