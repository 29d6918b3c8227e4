// Every command of the extension, registered in one place. Each handler lives in its own file and
// takes (node?, selectedNodes?): the tree passes the clicked item; from the palette it asks.
import * as vscode from 'vscode';
import { addAccount } from './addAccount';
import { changeWorkerActivity } from './changeWorkerActivity';
import { checkAccount } from './checkAccount';
import type { CommandContext, CommandHandler } from './commandContext';
import { copySid } from './copySid';
import { createActivity } from './createActivity';
import { createTask } from './createTask';
import { createTaskChannel } from './createTaskChannel';
import { createTaskQueue } from './createTaskQueue';
import { createWorker } from './createWorker';
import { createWorkflow } from './createWorkflow';
import { createWorkspace } from './createWorkspace';
import { deleteResources } from './deleteResources';
import { filterTasks } from './filterTasks';
import { importAccounts } from './importAccounts';
import { loadMore } from './loadMore';
import { openResource } from './openResource';
import { openWorkflowConfiguration } from './openWorkflowConfiguration';
import { refresh } from './refresh';
import { removeAccount } from './removeAccount';
import { renameAccount } from './renameAccount';
import { renameResource } from './renameResource';
import { retry } from './retry';
import { runCommand } from './runCommand';
import { showLog } from './showLog';

/** Command id -> [title used in messages, handler]. The ids and titles match package.json. */
export const COMMANDS: Readonly<Record<string, readonly [string, CommandHandler]>> = {
  'taskrouter.refresh': ['Refresh', refresh],
  'taskrouter.loadMore': ['Load More', loadMore],
  'taskrouter.retry': ['Retry', retry],
  'taskrouter.addAccount': ['Add Account', addAccount],
  'taskrouter.importAccounts': ['Import Accounts', importAccounts],
  'taskrouter.renameAccount': ['Rename Account', renameAccount],
  'taskrouter.removeAccount': ['Remove Account', removeAccount],
  'taskrouter.checkAccount': ['Check Account', checkAccount],
  'taskrouter.createWorkspace': ['Create Workspace', createWorkspace],
  'taskrouter.createWorkflow': ['Create Workflow', createWorkflow],
  'taskrouter.createTaskQueue': ['Create Task Queue', createTaskQueue],
  'taskrouter.createWorker': ['Create Worker', createWorker],
  'taskrouter.createActivity': ['Create Activity', createActivity],
  'taskrouter.createTask': ['Create Task', createTask],
  'taskrouter.createTaskChannel': ['Create Task Channel', createTaskChannel],
  'taskrouter.rename': ['Rename', renameResource],
  'taskrouter.changeWorkerActivity': ['Change Activity', changeWorkerActivity],
  'taskrouter.delete': ['Delete', deleteResources],
  'taskrouter.openResource': ['Open as JSON', openResource],
  'taskrouter.openWorkflowConfiguration': ['Edit Workflow Configuration', openWorkflowConfiguration],
  'taskrouter.copySid': ['Copy SID', copySid],
  'taskrouter.filterTasks': ['Filter Tasks by Status', filterTasks],
  'taskrouter.showLog': ['Show Log', showLog],
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, [title, handler]]) =>
    vscode.commands.registerCommand(id, runCommand(ctx, id, title, handler)),
  );
}
