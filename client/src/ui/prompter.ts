// The prompt seam: every question the extension asks goes through a Prompter, so the integration
// tests can answer with a script (see scriptedPrompter.ts) and an unexpected question fails the test
// instead of waiting for a click that never comes. VS Code's own prompts: vsCodePrompter.ts.
// No `vscode` import at run time (types only), so scripted prompters work outside the editor too.
import type * as vscode from 'vscode';

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
