// The "TaskRouter" output channel. Credentials never reach it: every line passes through a
// redaction of the secrets the account store has registered, as a second line of defence.
import * as vscode from 'vscode';

export class Logger implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor(name = 'TaskRouter') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Registers a secret that must never appear in the log (secrets shorter than 4 characters are ignored). */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) {
      this.secrets.add(secret);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      out = out.split(secret).join('***');
    }
    return out;
  }

  info(message: string): void {
    this.channel.info(this.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redact(message));
  }

  error(message: string, error?: unknown): void {
    this.channel.error(this.redact(error === undefined ? message : `${message}: ${errorMessage(error)}`));
  }

  trace(message: string): void {
    this.channel.trace(this.redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** A one-line description of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
