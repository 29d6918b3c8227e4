/**
 * The language server entry (bundled to `dist/server.js`). The transport comes from the command line: VS Code's
 * client starts it with `--node-ipc`, other editors with `--stdio` (see docs/language-server.md). Everything else is
 * wired in `connection/session.ts`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './connection/session';

startSession(createConnection(ProposedFeatures.all));
