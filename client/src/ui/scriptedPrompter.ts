// A Prompter that answers from a script, for the integration tests. Each answer names the step it
// expects; a prompt with no answer left, or for another step, fails at once (the command then fails
// and the test sees it) instead of waiting for a person. Messages shown are recorded.
import type * as vscode from 'vscode';
import { InputOptions, MessageOptions, PickOptions, Prompter, UserCancelledError } from './prompter';

export type Answer =
  /** Text for an input box. It must pass the prompt's validation. */
  | { step: string; input: string }
  /** Picks the item whose label equals (or, for a RegExp, matches) this. */
  | { step: string; pick: string | RegExp }
  /** Picks every item whose label is listed. */
  | { step: string; pickMany: readonly string[] }
  /** Presses this button of a question. */
  | { step: string; action: string }
  /** Dismisses the prompt (Escape). */
  | { step: string; cancel: true };

export interface PromptRecord {
  kind: 'input' | 'pick' | 'pickMany' | 'ask';
  step: string;
  /** For picks: the labels offered. For questions: the message. */
  shown: string[];
  /** For questions: whether it was asked as a modal dialog (which cannot slip away unanswered). */
  modal?: boolean;
}

export class UnexpectedPromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedPromptError';
  }
}

export class ScriptedPrompter implements Prompter {
  private readonly answers: Answer[];
  readonly prompts: PromptRecord[] = [];
  readonly infos: string[] = [];
  readonly errors: string[] = [];
  /** Unexpected prompts and answers that did not fit, in order. */
  readonly failures: string[] = [];
  /** Inputs the prompt's validation refused: `step: message`. */
  readonly refused: string[] = [];

  constructor(answers: readonly Answer[] = []) {
    this.answers = [...answers];
  }

  /** Adds answers for the next prompts. */
  push(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  /** Answers not used yet. */
  get remaining(): readonly Answer[] {
    return this.answers;
  }

  private next(kind: PromptRecord['kind'], step: string, shown: string[], modal?: boolean): Answer {
    this.prompts.push(modal === undefined ? { kind, step, shown } : { kind, step, shown, modal });
    const answer = this.answers.shift();
    if (!answer) {
      return this.fail(
        `Unexpected ${kind} prompt '${step}' (${shown.slice(0, 5).join(' | ')}): no scripted answer left.`,
      );
    }
    if (answer.step !== step) {
      return this.fail(`Prompt '${step}' came, but the script expected '${answer.step}'.`);
    }
    if ('cancel' in answer && kind !== 'ask') {
      throw new UserCancelledError(step);
    }
    return answer;
  }

  private fail(message: string): never {
    this.failures.push(message);
    throw new UnexpectedPromptError(message);
  }

  async inputBox(options: InputOptions): Promise<string> {
    const answer = this.next('input', options.step, [options.prompt]);
    if (!('input' in answer)) {
      return this.fail(`Prompt '${options.step}' is an input box; the script gave ${JSON.stringify(answer)}.`);
    }
    const problem = options.validate?.(answer.input);
    if (problem) {
      // The prompt's own check refused the text, as it would in the input box: not a script failure, but the
      // command cannot go on.
      const shown = answer.input.length > 40 ? `${answer.input.slice(0, 40)}…` : answer.input;
      this.refused.push(`${options.step}: ${problem}`);
      throw new Error(`Input '${shown}' for '${options.step}' was refused: ${problem}`);
    }
    return answer.input;
  }

  async quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T> {
    const all = await items;
    const answer = this.next(
      'pick',
      options.step,
      all.map((i) => i.label),
    );
    if (!('pick' in answer)) {
      return this.fail(`Prompt '${options.step}' is a quick pick; the script gave ${JSON.stringify(answer)}.`);
    }
    const wanted = answer.pick;
    const found = all.find((i) => (typeof wanted === 'string' ? i.label === wanted : wanted.test(i.label)));
    if (!found) {
      return this.fail(
        `No item '${String(wanted)}' in '${options.step}'; offered: ${all.map((i) => i.label).join(' | ')}.`,
      );
    }
    return found;
  }

  async quickPickMany<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: PickOptions,
  ): Promise<T[]> {
    const all = await items;
    const answer = this.next(
      'pickMany',
      options.step,
      all.map((i) => i.label),
    );
    if (!('pickMany' in answer)) {
      return this.fail(`Prompt '${options.step}' is a multi-select; the script gave ${JSON.stringify(answer)}.`);
    }
    const picked = all.filter((i) => answer.pickMany.includes(i.label));
    if (picked.length !== answer.pickMany.length) {
      return this.fail(`Not every item of ${JSON.stringify(answer.pickMany)} is offered in '${options.step}'.`);
    }
    return picked;
  }

  async ask(message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined> {
    const answer = this.next('ask', options.step, [message], options.modal === true);
    if ('cancel' in answer) {
      return undefined;
    }
    if (!('action' in answer) || !actions.includes(answer.action)) {
      return this.fail(
        `Question '${options.step}' ("${message}") offers ${actions.join(' | ')}; the script gave ${JSON.stringify(answer)}.`,
      );
    }
    return answer.action;
  }

  info(message: string): void {
    this.infos.push(message);
  }

  error(message: string): void {
    this.errors.push(message);
  }
}
