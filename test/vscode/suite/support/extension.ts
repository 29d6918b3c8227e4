/** The extension under test, and its manifest as VS Code read it at run time (so tests follow what it declares). */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'taskrouter-tools.vscode-taskrouter';

export interface Manifest {
  name: string;
  publisher: string;
  contributes?: {
    commands?: { command: string; title: string }[];
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string; type?: string }[]>;
    languages?: { id: string; extensions?: string[]; filenamePatterns?: string[] }[];
  };
}

/** The extension, or an error saying it is not installed in this VS Code. */
export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  if (!found) {
    const ids = vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`${EXTENSION_ID} is not installed; non-built-in extensions: ${ids.join(', ') || 'none'}`);
  }
  return found;
}

export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

/** Activates the extension (a no-op when it is active) and returns it. */
export async function activate(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  await ext.activate();
  return ext;
}
