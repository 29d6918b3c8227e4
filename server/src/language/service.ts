/**
 * The language-service facade: one object the server (or a test) calls, one method per feature. Pure: it takes
 * document-like objects and returns plain data; the LSP wiring lives in server.ts.
 */
import { validateWorkflow } from './workflow';
import type { Diagnostic, ValidateOptions } from './workflow';

/** The part of a text document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface TextDocumentLike {
  readonly uri?: string;
  getText(): string;
}

export interface LanguageService {
  /** Diagnostics for a workflow configuration document. */
  doValidation(document: TextDocumentLike, options?: ValidateOptions): Diagnostic[];
}

export function createLanguageService(): LanguageService {
  return {
    doValidation(document, options) {
      return validateWorkflow(document.getText(), options).diagnostics;
    },
  };
}

export type { Diagnostic, ValidateOptions };
