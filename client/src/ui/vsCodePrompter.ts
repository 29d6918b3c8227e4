// The real prompts of VS Code behind the Prompter seam.
import * as vscode from 'vscode';
import { InputOptions, MessageOptions, PickOptions, Prompter, UserCancelledError } from './prompter';

/** The real prompts of VS Code. */
export class VsCodePrompter implements Prompter {
  async inputBox(options: InputOptions): Promise<string> {
    const value = await vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value,
      placeHolder: options.placeHolder,
      password: options.password,
      ignoreFocusOut: true,
      validateInput: options.validate ? (v) => options.validate?.(v) ?? null : undefined,
    });
    if (value === undefined) {
      throw new UserCancelledError(options.step);
    }
    return value;
  }

  async quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T> {
    const list: Thenable<T[]> = Promise.resolve(items).then((i) => [...i]);
    const picked = await vscode.window.showQuickPick<T>(list, {
      title: options.title,
      placeHolder: options.placeHolder,
      matchOnDescription: options.matchOnDescription,
      ignoreFocusOut: true,
    });
    if (picked === undefined) {
      throw new UserCancelledError(options.step);
    }
    return picked;
  }

  async quickPickMany<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T[]> {
    const list: Thenable<T[]> = Promise.resolve(items).then((i) => [...i]);
    const picked = await vscode.window.showQuickPick<T>(list, {
      title: options.title,
      placeHolder: options.placeHolder,
      matchOnDescription: options.matchOnDescription,
      ignoreFocusOut: true,
      canPickMany: true,
    });
    if (picked === undefined) {
      throw new UserCancelledError(options.step);
    }
    return picked;
  }

  async ask(message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: options.modal, detail: options.detail }, ...actions);
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(message);
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(message);
  }
}
