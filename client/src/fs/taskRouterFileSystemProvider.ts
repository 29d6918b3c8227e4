// The `taskrouter:` file system: any resource opens as a JSON document, and a workflow's
// configuration as its own document (language `taskrouter-workflow`). Saving sends an update of the
// fields that changed. A save never silently overwrites a newer version on the server: workers and
// tasks send If-Match with the ETag they were read with, workflows use the client's date check, and
// the other kinds compare `dateUpdated` before updating. On a conflict the user can compare or
// overwrite; anything else that goes wrong fails the save, so the user's text stays in the editor.
import * as vscode from 'vscode';
import type { ClientProvider } from '../accounts/clientProvider';
import { ConflictError, type TaskRouterClient, type Workflow } from '../api';
import { AnyResource, collectionFor, supportsIfMatch } from '../explorer/collections';
import type { ResourceChanges } from '../explorer/resourceChanges';
import { KINDS } from '../explorer/resourceKinds';
import { Logger, errorMessage } from '../log';
import type { PrompterHolder } from '../ui/prompter';
import {
  computeConfigurationUpdate,
  computeResourceUpdate,
  renderConfiguration,
  renderResourceDocument,
} from './resourceDocument';
import {
  DocumentAddress,
  ResourceAddress,
  SCHEME,
  formatDocumentPath,
  parseDocumentPath,
  resourceKey,
} from './resourcePath';

/** What a document was last read or saved from. */
interface Entry {
  address: DocumentAddress;
  /** The server's version the document is based on. */
  resource: AnyResource;
  content: Uint8Array;
  mtime: number;
  fetchedAt: number;
}

/** A read that follows a stat (or a read) within this time reuses its result instead of fetching again. */
const STAT_REUSE_MS = 2000;

export const SNAPSHOT_SCHEME = 'taskrouter-server';

export class TaskRouterFileSystemProvider implements vscode.FileSystemProvider, vscode.TextDocumentContentProvider {
  private readonly entries = new Map<string, Entry>();
  private readonly snapshots = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private lastMtime = 0;
  /** Why each document is being saved, from onWillSaveTextDocument (which runs before the write). */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly clients: ClientProvider,
    private readonly changes: ResourceChanges,
    private readonly prompts: PrompterHolder,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      changes.onDidChange((change) => {
        if (change.type === 'deleted') {
          this.resourceDeleted(change.address);
        }
      }),
      vscode.workspace.onWillSaveTextDocument((e) => {
        if (e.document.uri.scheme === SCHEME) {
          this.saveReasons.set(e.document.uri.toString(), e.reason);
        }
      }),
    );
  }

  /** The URI of a resource's document, or of a workflow's configuration. */
  static uriFor(address: ResourceAddress, view: DocumentAddress['view'], friendlyName: string | undefined): vscode.Uri {
    return vscode.Uri.from({ scheme: SCHEME, path: formatDocumentPath({ ...address, view }, friendlyName) });
  }

  // ------------------------------------------------------------------ reading

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  // Modification times change only when a document is saved. VS Code compares them (with the size)
  // to detect files changed behind its back and would then show its own conflict dialog; our
  // conflict check is the one against the server, at save time.
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const address = this.parse(uri);
    const entry = this.entries.get(uri.toString()) ?? (await this.load(uri, address));
    return { type: vscode.FileType.File, ctime: entry.mtime, mtime: entry.mtime, size: entry.content.byteLength };
  }

  /** Reads the resource from the server, unless the last read was a moment ago (open = stat + read). */
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const address = this.parse(uri);
    const cached = this.entries.get(uri.toString());
    if (cached && Date.now() - cached.fetchedAt < STAT_REUSE_MS) {
      return cached.content;
    }
    return (await this.load(uri, address)).content;
  }

  private async load(uri: vscode.Uri, address: DocumentAddress): Promise<Entry> {
    let resource: AnyResource;
    try {
      resource = await this.fetch(address);
    } catch (error) {
      if (isNotFound(error)) {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      throw new Error(`Could not read ${KINDS[address.kind].noun} ${address.sid}: ${errorMessage(error)}`);
    }
    const entry: Entry = {
      address,
      resource,
      content: encode(this.render(address, resource)),
      mtime: this.entries.get(uri.toString())?.mtime ?? this.nextMtime(),
      fetchedAt: Date.now(),
    };
    this.entries.set(uri.toString(), entry);
    return entry;
  }

  private render(address: DocumentAddress, resource: AnyResource): string {
    return address.view === 'configuration'
      ? renderConfiguration((resource as Workflow).configuration)
      : renderResourceDocument(address.kind, resource);
  }

  private async fetch(address: ResourceAddress): Promise<AnyResource> {
    const client = await this.clients.get(address.accountId);
    return collectionFor(client, address.kind, address.workspaceSid).get(address.sid);
  }

  // ------------------------------------------------------------------ saving

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const address = this.parse(uri);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
    const entry = this.entries.get(uri.toString()) ?? (await this.load(uri, address));
    const what = `${KINDS[address.kind].noun} '${friendlyNameOf(entry.resource)}'`;
    // Auto save (the default in VS Code for the Web) would send half-typed changes to TaskRouter after every
    // pause. Refusing it puts the document in VS Code's save-error state, where auto save stops until the user
    // saves explicitly.
    const reason = this.saveReasons.get(uri.toString());
    this.saveReasons.delete(uri.toString());
    if (reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual) {
      this.log.info(`Refused an automatic save of ${what} (${address.sid})`);
      throw new Error(
        `${capitalize(what)} was not saved automatically: saving sends the changes to TaskRouter, so this document ` +
          'is saved only when you save it yourself (File > Save).',
      );
    }
    // Parse and compare first: a document error fails the save before anything is sent.
    const plan = this.plan(address, entry.resource, text);
    if (!plan.params) {
      this.saved(uri, entry, entry.resource, content);
      this.noteReadOnly(plan.ignoredReadOnly);
      return;
    }
    const client = await this.clients.get(address.accountId);
    let updated: AnyResource;
    try {
      updated = await this.updateIfUnchanged(client, address, entry.resource, plan.params);
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        this.log.warn(`Saving ${what} (${address.sid}) failed: ${errorMessage(error)}`);
        throw new Error(`${capitalize(what)} was not updated: ${errorMessage(error)}`);
      }
      updated = await this.resolveConflict(uri, address, what, text);
    }
    this.saved(uri, entry, updated, content);
    this.log.info(`Saved ${what} (${address.sid}): ${Object.keys(plan.params).join(', ')}`);
    this.noteReadOnly(plan.ignoredReadOnly);
    this.changes.fire({ type: 'updated', address, resource: updated });
  }

  private plan(
    address: DocumentAddress,
    base: AnyResource,
    text: string,
  ): { params: Record<string, unknown> | undefined; ignoredReadOnly: string[] } {
    if (address.view === 'configuration') {
      const configuration = computeConfigurationUpdate((base as Workflow).configuration, text);
      return { params: configuration === undefined ? undefined : { configuration }, ignoredReadOnly: [] };
    }
    const update = computeResourceUpdate(address.kind, base, text);
    return { params: update.changed.length > 0 ? update.params : undefined, ignoredReadOnly: update.ignoredReadOnly };
  }

  /** Sends an update unless the resource changed on the server since `base` was read. */
  private async updateIfUnchanged(
    client: TaskRouterClient,
    address: ResourceAddress,
    base: AnyResource,
    params: Record<string, unknown>,
  ): Promise<AnyResource> {
    const collection = collectionFor(client, address.kind, address.workspaceSid);
    const etag = 'etag' in base ? base.etag : null;
    if (supportsIfMatch(address.kind) && etag) {
      return collection.update(address.sid, params, { ifMatch: etag });
    }
    const expected = base.dateUpdated;
    if (address.kind === 'workflow' && expected) {
      return client.updateWorkflowIfUnchanged(address.workspaceSid, address.sid, params, expected);
    }
    if (expected) {
      const current = await collection.get(address.sid);
      if (current.dateUpdated?.getTime() !== expected.getTime()) {
        throw new ConflictError(412, { code: null, message: '', moreInfo: null }, 'POST', address.sid, {
          message: `${KINDS[address.kind].title} ${address.sid} changed on the server.`,
        });
      }
    }
    return collection.update(address.sid, params);
  }

  /**
   * The resource changed on the server. Offers to compare (the save fails, the text stays) or to
   * overwrite (the document's values are sent as they are, against the current version).
   */
  private async resolveConflict(
    uri: vscode.Uri,
    address: DocumentAddress,
    what: string,
    text: string,
  ): Promise<AnyResource> {
    const current = await this.fetch(address);
    // A modal question: the save waits for the answer, and a notification could hide itself while it waits.
    const answer = await this.prompts.current.ask(
      `${capitalize(what)} changed on the server since you opened it. Your changes were not saved.`,
      {
        step: 'conflict',
        modal: true,
        detail:
          'Compare shows the server version beside yours (your text stays in the editor). ' +
          'Overwrite replaces the server version with your document.',
      },
      'Compare',
      'Overwrite',
    );
    if (answer === 'Overwrite') {
      const plan = this.plan(address, current, text);
      const client = await this.clients.get(address.accountId);
      if (!plan.params) {
        return current;
      }
      this.log.info(`Overwriting ${what} (${address.sid}) after a conflict`);
      return collectionFor(client, address.kind, address.workspaceSid).update(address.sid, plan.params);
    }
    if (answer === 'Compare') {
      await this.compare(uri, address, current, what);
    }
    throw new Error(
      `${capitalize(what)} changed on the server since you opened it; your changes were not saved. ` +
        'Save again and choose Overwrite to replace the server version, or revert to load it.',
    );
  }

  private async compare(uri: vscode.Uri, address: DocumentAddress, current: AnyResource, what: string): Promise<void> {
    const snapshot = vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: uri.path, query: String(Date.now()) });
    this.snapshots.set(snapshot.toString(), this.render(address, current));
    await vscode.commands.executeCommand('vscode.diff', snapshot, uri, `${what}: server ↔ yours`);
  }

  /** The server versions shown by Compare. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.snapshots.get(uri.toString()) ?? '';
  }

  private saved(uri: vscode.Uri, entry: Entry, resource: AnyResource, content: Uint8Array): void {
    // Keep the user's text as the file content (the editor shows it), based on the new version.
    this.entries.set(uri.toString(), {
      ...entry,
      resource,
      content,
      mtime: this.nextMtime(),
      fetchedAt: Date.now(),
    });
    // The other view of the same resource (resource JSON / configuration) is now based on an old version.
    for (const [key, other] of this.entries) {
      if (key !== uri.toString() && resourceKey(other.address) === resourceKey(entry.address)) {
        this.entries.set(key, { ...other, fetchedAt: 0 });
      }
    }
  }

  private noteReadOnly(fields: string[]): void {
    if (fields.length > 0) {
      this.prompts.current.info(
        `Saved without ${fields.map((f) => `"${f}"`).join(', ')}: ${fields.length === 1 ? 'it is' : 'they are'} read-only, ` +
          'so the server keeps its value. Reopen the document to see the current values.',
      );
    }
  }

  private resourceDeleted(address: ResourceAddress): void {
    const events: vscode.FileChangeEvent[] = [];
    for (const [key, entry] of this.entries) {
      if (
        resourceKey(entry.address) === resourceKey(address) ||
        (address.kind === 'workspace' && entry.address.workspaceSid === address.sid)
      ) {
        this.entries.delete(key);
        events.push({ type: vscode.FileChangeType.Deleted, uri: vscode.Uri.parse(key) });
      }
    }
    if (events.length > 0) {
      this.emitter.fire(events);
    }
  }

  // ------------------------------------------------------------------ not supported

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(
      `${uri.path}: delete resources from the TaskRouter view (Delete), not as files.`,
    );
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(`${uri.path}: rename resources by editing "friendlyName".`);
  }

  // ------------------------------------------------------------------ helpers

  private parse(uri: vscode.Uri): DocumentAddress {
    const address = parseDocumentPath(uri.path);
    if ('error' in address) {
      throw vscode.FileSystemError.FileNotFound(address.error);
    }
    return address;
  }

  /** Modification times that always grow, even for two saves within one millisecond. */
  private nextMtime(): number {
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    return this.lastMtime;
  }

  dispose(): void {
    this.emitter.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function friendlyNameOf(resource: AnyResource): string {
  return 'friendlyName' in resource ? resource.friendlyName : resource.sid;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}
