// The prompt seam: every question the extension asks goes through a Prompter, so the integration
// tests can answer with a script (see scriptedPrompter.ts) and an unexpected question fails the test
// instead of waiting for a click that never comes.
import * as vscode from 'vscode';

/** Thrown when the user dismisses a prompt; commands end quietly on it. */
export class UserCancelledError extends Error {
  constructor(readonly step: string) {
    super(`Cancelled at '${step}'.`);
    this.name = 'UserCancelledError';
  }
}

/** Every prompt names its step, so a script can check it answers the question it meant to. */
export interface StepOptions {
  step: string;
}

export interface InputOptions extends StepOptions {
  title?: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  /** Returns a message saying what is wrong, or undefined when the value is acceptable. */
  validate?: (value: string) => string | undefined;
}

export interface PickOptions extends StepOptions {
  title?: string;
  placeHolder: string;
  matchOnDescription?: boolean;
}

export interface MessageOptions extends StepOptions {
  modal?: boolean;
  detail?: string;
}

export interface Prompter {
  /** Resolves the entered text; throws UserCancelledError when dismissed. */
  inputBox(options: InputOptions): Promise<string>;
  /** Resolves the picked item; throws UserCancelledError when dismissed. */
  quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T>;
  /** Resolves the picked items (possibly none); throws UserCancelledError when dismissed. */
  quickPickMany<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T[]>;
  /** A question with buttons. Resolves the chosen action, or undefined when dismissed. */
  ask(message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  /** Tells the user something; does not wait for the notification to close. */
  info(message: string): void;
  /** Reports a failure; does not wait for the notification to close. */
  error(message: string): void;
}

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

/** Holds the prompter in use; the test API swaps in a scripted one. */
export class PrompterHolder {
  private override: Prompter | undefined;
  constructor(private readonly real: Prompter) {}

  get current(): Prompter {
    return this.override ?? this.real;
  }

  set(prompter: Prompter | undefined): void {
    this.override = prompter;
  }
}
